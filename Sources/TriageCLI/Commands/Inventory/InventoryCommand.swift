import Foundation
import RunbookCore

extension Command {
  /// `triage inventory lint|list|show|due`: the team's inventory of vendors and clients.
  static let inventory = Command(
    "inventory",
    abstract: "Check and read the team's inventory of vendors and clients.",
    discussion: """
      The inventory is a folder of YAML files kept in git beside the incident log: vendors \
      (what each holds: credentials, never their values; data; systems), clients and their \
      contract notice clauses, and facts about us (docs/inventory-format.md). It is found by \
      --inventory DIR, else TRIAGE_INVENTORY, else ./inventory.

      Exit status: 0; 1 for 'due' when a review is due; 65 when the inventory has errors (a \
      secret value among them); 66 when there is no inventory folder or no such vendor.
      """,
    subcommands: [.inventoryLint, .inventoryList, .inventoryShow, .inventoryDue])

  /// `triage inventory lint [DIR] [--strict] [--json]`.
  static let inventoryLint = Command(
    "lint",
    abstract: "Check the inventory: shapes, ids, references, and that it holds no secret.",
    discussion: """
      Reads every *.yaml file under the folder (sorted by path) and reports every problem as \
      FILE:LINE:COLUMN: message on standard error, then a summary on standard output. A \
      scalar that looks like a secret (a token, a private key, a password in a URL) and a \
      credential key that would hold one (value, secret, token, password, private-key) are \
      errors. A reference to a vendor or client that is not in the inventory, and a vendor's \
      runbook that is not in the runbook folders (TRIAGE_RUNBOOKS, ./Runbooks, the installed \
      runbooks), are warnings.

      Exit status: 0; 65 on errors (and warnings with --strict); 66 when there is no folder.
      """,
    arguments: [
      ArgumentSpec(.dir, arity: .optional, help: "The inventory folder (default as --inventory).")
    ],
    options: [
      InventoryLocator.option,
      .flag(.strict, help: "Fail (exit 65) on warnings too."),
      .flag(.json, help: "Print files and diagnostics as JSON on standard output."),
    ],
    action: InventoryLintCommand.run)

  /// `triage inventory list [--json]`.
  static let inventoryList = Command(
    "list",
    abstract: "List the vendors of the inventory.",
    discussion: """
      One line per vendor: id, name, criticality, category, how many credentials and data \
      sets it holds, and when its next review is due.
      """,
    options: [InventoryLocator.option, .flag(.json, help: "Print the list as JSON.")],
    action: InventoryListCommand.run)

  /// `triage inventory show VENDOR [--json]`.
  static let inventoryShow = Command(
    "show",
    abstract: "Show one vendor of the inventory in full.",
    discussion: """
      VENDOR is an id, name, alias or product, in any letter case. Shows everything the \
      inventory says about the vendor, each item with the FILE:LINE it is written at.

      Exit status: 0; 66 when no vendor matches (with the nearest name).
      """,
    arguments: [ArgumentSpec(.vendor, help: "A vendor id, name, alias or product.")],
    options: [InventoryLocator.option, .flag(.json, help: "Print the vendor as JSON.")],
    action: InventoryShowCommand.run)

  /// `triage inventory due [--json]`.
  static let inventoryDue = Command(
    "due",
    abstract: "List the vendors whose review is due (exit 1 when any is).",
    discussion: """
      A vendor with review: {every: 90 days, last: 2026-09-01} is due from 2026-11-30 until \
      its last review moves on; one with review: but no last date is due now. Vendors without \
      review: are never listed. Run it from CI or cron for the quarterly AI-tool review.

      Exit status: 0 when nothing is due, 1 when something is.
      """,
    options: [InventoryLocator.option, .flag(.json, help: "Print the list as JSON.")],
    action: InventoryDueCommand.run)
}

/// What `triage inventory lint` does.
enum InventoryLintCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let locator = InventoryLocator(context)
    let folder = locator.folder(invocation.argument(.dir) ?? invocation.value(.inventory))
    let (inventory, diagnostics, sources) = try locator.loadWithDiagnostics(
      folder, checkingRunbooks: true)
    let files = Inventory.yamlFiles(
      in: context.resolvedPath(folder), fileSystem: context.fileSystem
    ).map { (folder as NSString).appendingPathComponent($0) }
    let report = LintReport(files: files, diagnostics: diagnostics)
    if invocation.flag(.json) {
      context.standardOutput.write(report.json)
    } else {
      let error = DiagnosticsError(diagnostics, sources: sources)
      let excerpts = context.terminal.isErrorTerminal
      for diagnostic in diagnostics {
        context.standardError.write("triage: " + DiagnosticsError.line(diagnostic) + "\n")
        if excerpts { context.standardError.write(error.excerpt(for: diagnostic)) }
      }
      let counts =
        inventory.map {
          "\(counted($0.vendors.count, "vendor")), \(counted($0.clients.count, "client")); "
        } ?? ""
      context.standardOutput.write(counts + report.summary)
    }
    return report.fails(strict: invocation.flag(.strict)) ? .dataError : .success
  }

  /// `1 vendor`, `25 vendors`.
  private static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}

/// What `triage inventory list` does.
enum InventoryListCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let locator = InventoryLocator(context)
    let inventory = try locator.load(locator.folder(invocation.value(.inventory)))
    let view = InventoryList(inventory: inventory)
    context.standardOutput.write(invocation.flag(.json) ? view.json : view.rendered())
    return .success
  }
}

/// What `triage inventory show` does.
enum InventoryShowCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let locator = InventoryLocator(context)
    let (inventory, match, _) = try locator.loadVendor(
      invocation.argument(.vendor) ?? "", folder: locator.folder(invocation.value(.inventory)))
    let view = VendorDetail(vendor: match.vendor, clients: inventory.clients(of: match.vendor))
    context.standardOutput.write(invocation.flag(.json) ? view.json : view.rendered())
    return .success
  }
}

/// What `triage inventory due` does.
enum InventoryDueCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let locator = InventoryLocator(context)
    let inventory = try locator.load(locator.folder(invocation.value(.inventory)))
    let today = CalendarDay(utc: context.now())
    let due = inventory.vendorsDueForReview(on: today)
    let view = ReviewDueList(due: due, today: today)
    context.standardOutput.write(invocation.flag(.json) ? view.json : view.rendered())
    return due.isEmpty ? .success : .failure
  }
}
