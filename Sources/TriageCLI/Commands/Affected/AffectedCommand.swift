import RunbookCore
import TriageSession

extension OptionName {
  /// `--package ECOSYSTEM:NAME@VERSION[,VERSION...]` (repeatable).
  static let package = OptionName("package")
  /// `--advisory FILE`: an OSV advisory.
  static let advisory = OptionName("advisory")
  /// `--scan DIR` (repeatable).
  static let scan = OptionName("scan")
}

extension Command {
  /// `triage affected VENDOR | --package SPEC... | --advisory FILE [--scan DIR...] [--json]
  /// [-o FILE]`.
  static let affected = Command(
    "affected",
    abstract:
      "Show what a vendor's incident touches, or find lockfiles resolving affected versions.",
    discussion: """
      With VENDOR (an id, name, alias or product of the inventory: --inventory DIR, else \
      TRIAGE_INVENTORY, else ./inventory, in any letter case): the blast radius of an incident \
      at that vendor: the credentials to rotate (owner, how, last rotated), the data sets with \
      their elements and residents by jurisdiction, our role, the clients whose data it touches \
      with their contract notice clocks, the sub-processor chains and the runbooks to run; each \
      item with the FILE:LINE of the inventory it comes from. Exit 0; 65 when the inventory has \
      errors (a secret value among them); 66 when there is no inventory or no vendor matches \
      (with the nearest name). See docs/inventory-format.md.

      With --package ECOSYSTEM:NAME@VERSION[,VERSION...] (repeatable) or --advisory FILE (an OSV \
      advisory, JSON): reads every lockfile and manifest under each --scan folder (default: .) \
      and lists each one that resolves an affected version, with file:line. Folders .git, \
      node_modules, .build and vendor/bundle are skipped. Exit 1 when something is hit, 0 when \
      nothing is (what was scanned is printed: no hit is evidence too), 65 when nothing is hit \
      but a lockfile or the advisory could not be read. See docs/affected.md.
      """,
    arguments: [
      ArgumentSpec(
        .vendor, arity: .optional, help: "A vendor id, name, alias or product.")
    ],
    options: [
      .repeatedValue(
        .package, valueName: "ecosystem:name@versions",
        help: "A package and its affected versions: npm:axios@1.14.1,0.30.4."),
      .value(
        .advisory, valueName: "file", help: "An OSV advisory (JSON) naming affected versions."),
      .repeatedValue(.scan, valueName: "dir", help: "A folder to scan (repeatable; default: .)."),
      InventoryLocator.option,
      .flag(.json, help: "Print the result as JSON (format triage-affected/1)."),
      .value(.output, short: "o", valueName: "file", help: "Write the result to FILE instead."),
    ],
    action: AffectedCommand.run)
}

/// What `triage affected` does: the package scan itself, or the vendor form
/// (``AffectedVendorCommand``).
enum AffectedCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let specs = invocation.values(.package)
    let advisoryPath = invocation.value(.advisory)
    let vendor = invocation.argument(.vendor)
    if specs.isEmpty, advisoryPath == nil {
      guard vendor != nil else {
        throw CommandFailure(
          "give VENDOR, --package ECOSYSTEM:NAME@VERSION or --advisory FILE", exit: .usage)
      }
      return try AffectedVendorCommand.run(invocation, context: context)
    }
    if let vendor {
      throw CommandFailure(
        "give VENDOR or --package/--advisory, not both ('\(vendor)' with a package scan)",
        exit: .usage)
    }
    let (report, scan) = try packageScan(invocation, context)
    let text = invocation.flag(.json) ? report.json.prettyText : report.text
    if let outputPath = invocation.value(.output).map(context.resolvedPath) {
      do {
        try context.fileSystem.replaceFile(Array(text.utf8), at: outputPath)
      } catch {
        throw OutputError.cannotWrite(path: outputPath, reason: error.description)
      }
    } else {
      context.standardOutput.write(text)
    }
    if !report.hits.isEmpty { return .failure }
    return scan.problems.isEmpty ? .success : .dataError
  }

  /// Runs the scan `--package`/`--advisory` and `--scan` ask for (also for `triage run`).
  ///
  /// - Throws: `CommandFailure` (2) for a bad package; (65) for an unreadable advisory or one
  ///   naming no package triage scans; `FileError` (66) for a missing folder.
  static func packageScan(
    _ invocation: Invocation, _ context: CommandContext
  ) throws -> (PackageScanReport, LockfileScan) {
    let specs = invocation.values(.package)
    let advisoryPath = invocation.value(.advisory)
    var query = PackageScanQuery(scanRoots: invocation.values(.scan))
    if query.scanRoots.isEmpty { query.scanRoots = ["."] }
    for spec in specs {
      do {
        query.packages.append(try AffectedPackage(parsing: spec))
      } catch {
        throw CommandFailure(error.description, exit: .usage)
      }
    }
    if let advisoryPath {
      let bytes = try context.readInput(advisoryPath, as: .record)
      do {
        let advisory = try OSVAdvisory(json: bytes)
        query.advisory = (advisoryPath, advisory)
        query.packages += advisory.packages
      } catch {
        throw CommandFailure("\(advisoryPath):\(error.description)", exit: .dataError)
      }
      if query.packages.isEmpty {
        throw CommandFailure(
          "\(advisoryPath): the advisory names no package in an ecosystem triage scans",
          exit: .dataError)
      }
    }
    for root in query.scanRoots where !context.isDirectory(root) {
      throw FileError.noSuchFile(path: root)
    }
    let scan = Self.scan(context.fileSystem, query.scanRoots.map { ($0, context.resolvedPath($0)) })
    let report = PackageScanReport(
      query: query, scan: scan, scannedAt: UTCTimestamp.string(from: context.now()))
    return (report, scan)
  }

  /// Opens the file system for the generic scanner.
  private static func scan<Files: FileReading>(
    _ files: Files, _ roots: [(displayed: String, absolute: String)]
  ) -> LockfileScan {
    LockfileScanner(files: files).scan(roots)
  }
}
