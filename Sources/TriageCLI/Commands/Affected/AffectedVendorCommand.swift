import Foundation
import RunbookCore
import YAMLLite

/// What `triage affected VENDOR` does: the blast radius of an incident at one vendor of the
/// inventory, before any runbook question is asked.
///
/// The `affected` command (with `--package` and `--advisory`) calls ``run(_:context:)`` when it
/// is given a VENDOR. That reads the argument `vendor` (`ArgumentName.vendor`), the option
/// `--inventory` (`OptionName.inventory`) and the flag `--json`, which the command must declare.
enum AffectedVendorCommand {
  /// Runs `triage affected VENDOR [--inventory DIR] [--json]`.
  ///
  /// - Returns: `.success` (exit 0) with the report on standard output.
  /// - Throws: `CommandFailure` (66) for no inventory folder; `VendorLookupError` for no
  ///   matching vendor (66, with "did you mean") or several (65); `DiagnosticsError` (65) when
  ///   the inventory has errors, a secret value among them.
  static func run(_ invocation: Invocation, context: CommandContext) throws -> TriageExit {
    try run(
      vendor: invocation.argument(.vendor) ?? "", inventoryFolder: invocation.value(.inventory),
      json: invocation.flag(.json), context: context)
  }

  /// The same, with the words already read.
  static func run(
    vendor query: String, inventoryFolder: String?, json: Bool, context: CommandContext
  ) throws -> TriageExit {
    let locator = InventoryLocator(context)
    let (inventory, match, _) = try locator.loadVendor(
      query, folder: locator.folder(inventoryFolder))
    let tags = match.vendor.runbooks.isEmpty ? runbookTags(context) : []
    let report = AffectedVendorReport(impact: inventory.impact(of: match, runbookTags: tags))
    context.standardOutput.write(json ? report.json : report.rendered())
    return .success
  }

  /// Each runbook of the search folders with its `applies-to` tags, to suggest runbooks by a
  /// vendor's category.
  static func runbookTags(_ context: CommandContext) -> [(id: String, tags: [String])] {
    let library = RunbookLocator(context, folder: nil).library
    var seen: Set<String> = []
    var tags: [(id: String, tags: [String])] = []
    for path in library.runbookFiles() {
      guard let bytes = try? context.fileSystem.readFile(at: path),
        let root = try? YAMLParser.parse(bytes, file: path),
        let id = root[key: "runbook"]?.scalarText, seen.insert(id).inserted
      else { continue }
      let appliesTo = root[key: "applies-to"]?.items?.compactMap(\.scalarText) ?? []
      tags.append((id, appliesTo))
    }
    return tags
  }
}
