import Foundation
import IncidentLog
import RunbookCore

extension OptionName {
  /// `--inventory DIR`.
  package static let inventory = OptionName("inventory")
}

extension ArgumentName {
  /// `<vendor>`: an id, name, alias or product of the inventory.
  package static let vendor = ArgumentName("vendor")
  /// `[<dir>]`: a folder.
  package static let dir = ArgumentName("dir")
}

/// Finds and loads the team's inventory for a command: `--inventory DIR`, else
/// `TRIAGE_INVENTORY`, else `./inventory`.
///
/// Organisation facts, data elements and roles are checked against the facts vocabulary of the
/// obligations library found in the runbook folders (TRIAGE_RUNBOOKS, ./Runbooks, the
/// installed runbooks), when there is one.
package struct InventoryLocator {
  let context: CommandContext

  /// The option every inventory command accepts.
  static let option = OptionSpec.value(
    .inventory, valueName: "dir",
    help: "The inventory folder (default: TRIAGE_INVENTORY, else ./inventory).")

  package init(_ context: CommandContext) {
    self.context = context
  }

  /// The folder as the user named it: `explicit`, else `TRIAGE_INVENTORY`, else `inventory`.
  package func folder(_ explicit: String?) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let variable = context.environment[.triageInventory], !variable.isEmpty { return variable }
    return "inventory"
  }

  /// The facts vocabulary file of the first obligations library found, resolved; nil when
  /// there is none.
  func vocabularyFile() -> String? {
    libraryFacts().map(vocabularyFile(of:))
  }

  /// The first obligations library's folder and its vocabulary file's status, as finding it
  /// took it; nil when there is none.
  func libraryFacts() -> LibraryFacts? {
    RunbookLocator(context, folder: nil).factsFile(near: nil)
  }

  /// The facts vocabulary file of `library`, resolved.
  func vocabularyFile(of library: LibraryFacts) -> String {
    (context.resolvedPath(library.folder) as NSString)
      .appendingPathComponent(ObligationLibrary.factsFileName)
  }

  /// The facts vocabulary in `path`, if it loads.
  func vocabulary(at path: String?) -> FactVocabulary? {
    guard let path, let bytes = try? context.fileSystem.readFile(at: path) else { return nil }
    return FactVocabulary.load(bytes, file: path).0
  }

  /// The compiled cache's inventory entries, in the folder the environment names; nil when it
  /// names none, or names something that is not a folder (`TRIAGE_CACHE_DIR=/dev/null` turns
  /// the cache off).
  var cache: InventoryCache? {
    guard let folder = context.compiledCacheFolder else { return nil }
    return InventoryCache(
      folder: folder, fileSystem: context.fileSystem, build: Triage.cacheBuild(context))
  }

  /// The ids of the runbooks in the search folders; nil when there are none (nothing to check
  /// a vendor's `runbooks:` against).
  func runbookIDs() -> [String]? {
    let ids = AffectedVendorCommand.runbookTags(context).map(\.id)
    return ids.isEmpty ? nil : ids
  }

  /// Loads the inventory at `folder` (as named by the user) and every diagnostic.
  ///
  /// The inventory is nil when there is an error. With `checkingRunbooks`, a vendor's `runbooks:`
  /// naming no runbook of the search folders is a warning.
  ///
  /// - Throws: `CommandFailure` (exit 66) when the folder does not exist.
  package func loadWithDiagnostics(
    _ folder: String, checkingRunbooks: Bool = false
  ) throws -> (inventory: Inventory?, diagnostics: [Diagnostic], sources: [String: String]) {
    try loadWithDiagnostics(
      folder, checkingRunbooks: checkingRunbooks, vocabularyFile: vocabularyFile())
  }

  /// The same, with the facts vocabulary file already found.
  private func loadWithDiagnostics(
    _ folder: String, checkingRunbooks: Bool, vocabularyFile: String?
  ) throws -> (inventory: Inventory?, diagnostics: [Diagnostic], sources: [String: String]) {
    try requireFolder(folder)
    let resolved = context.resolvedPath(folder)
    let (inventory, diagnostics) = Inventory.load(
      folder: resolved, named: folder, fileSystem: context.fileSystem,
      vocabulary: vocabulary(at: vocabularyFile),
      runbookIDs: checkingRunbooks ? runbookIDs() : nil)
    // The text of the files, to show the offending lines (read again only when needed).
    var sources: [String: String] = [:]
    if !diagnostics.isEmpty {
      for relative in Inventory.yamlFiles(in: resolved, fileSystem: context.fileSystem) {
        let path = (resolved as NSString).appendingPathComponent(relative)
        guard let bytes = try? context.fileSystem.readFile(at: path) else { continue }
        sources[(folder as NSString).appendingPathComponent(relative)] = String(
          decoding: bytes, as: UTF8.self)
      }
    }
    return (inventory, diagnostics, sources)
  }

  /// Loads the inventory, refusing one with errors (a secret value among them).
  ///
  /// - Throws: `CommandFailure` (66) when the folder does not exist, `DiagnosticsError` (65)
  ///   listing every error when it does not load.
  package func load(_ folder: String) throws -> Inventory {
    try load(folder, vocabularyFile: vocabularyFile())
  }

  /// The same, with the facts vocabulary file already found.
  private func load(_ folder: String, vocabularyFile: String?) throws -> Inventory {
    let (inventory, diagnostics, sources) = try loadWithDiagnostics(
      folder, checkingRunbooks: false, vocabularyFile: vocabularyFile)
    guard let inventory else {
      throw DiagnosticsError(diagnostics.filter { $0.severity == .error }, sources: sources)
    }
    return inventory
  }

  /// The vendor `query` names in the inventory at `folder` (as named by the user), with the
  /// part of the inventory an incident there involves and the inventory's hash.
  ///
  /// Through the compiled cache when the environment names one: a trusted entry for the folder
  /// gives the vendor, the vendors down its sub-processor chains and the clients it reaches,
  /// decoding nothing else; otherwise the whole inventory is loaded and checked, and stored
  /// when it has no errors. Either way the items and their sources are the same.
  ///
  /// - Throws: as ``load(_:)`` and ``match(_:in:)``.
  package func loadVendor(
    _ query: String, folder: String
  ) throws -> (inventory: Inventory, match: VendorMatch, sha256: String) {
    try requireFolder(folder)
    let library = libraryFacts()
    let vocabularyFile = library.map(vocabularyFile(of:))
    let cache = cache
    let key = cache.flatMap { _ in
      InventoryCache.Key.current(
        folder: context.resolvedPath(folder), vocabularyFile: vocabularyFile,
        vocabularyStatus: library?.status, fileSystem: context.fileSystem)
    }
    if let cache, let key, let cached = cache.lookup(key, named: folder),
      let found = cached.vendor(query)
    {
      let (inventory, match) = try found.get()
      return (inventory, match, cached.sha256)
    }
    let inventory = try load(folder, vocabularyFile: vocabularyFile)
    let sha256 = inventory.sha256
    if let cache, let key { cache.store(inventory, sha256: sha256, for: key) }
    return (inventory, try Self.match(query, in: inventory), sha256)
  }

  /// - Throws: `CommandFailure` (exit 66) when `folder` is not a folder.
  private func requireFolder(_ folder: String) throws {
    guard context.isDirectory(folder) else {
      throw CommandFailure(
        "\(VisibleText.line(folder)): no inventory folder here; give --inventory DIR or set "
          + "TRIAGE_INVENTORY (docs/inventory-format.md)", exit: .noInput)
    }
  }

  /// Finds the vendor `query` names.
  ///
  /// - Throws: `VendorLookupError` (exit 66 with "did you mean" when nothing matches, 65 naming
  ///   the candidates when several do).
  package static func match(_ query: String, in inventory: Inventory) throws -> VendorMatch {
    try inventory.match(query).get()
  }
}
