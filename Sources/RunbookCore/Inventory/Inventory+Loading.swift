import Foundation
import YAMLLite

extension Inventory {
  /// Loads the inventory in `folder`: every `*.yaml` (and `*.yml`) file under it, recursively,
  /// sorted by path (hidden files and folders skipped).
  ///
  /// Each file is parsed, read, and scanned for secrets; then ids and references are checked
  /// across files. With a `vocabulary`, organisation facts, data elements and roles are checked
  /// against it.
  ///
  /// - Parameters:
  ///   - folder: the inventory folder, as the file system resolves it.
  ///   - name: the folder as the user named it (`inventory`), for locations
  ///     (`inventory/vendors/cloud.yaml:12:5`) and ``folder``; `folder` when nil.
  ///   - fileSystem: what the files are read through.
  ///   - vocabulary: the facts vocabulary (`obligations/facts.yaml`), when one is found.
  ///   - runbookIDs: the runbooks a vendor's `runbooks:` may name (a warning for another);
  ///     nil skips the check.
  /// - Returns: the inventory (nil when any error was found) and every diagnostic, file by
  ///   file, each sorted by position.
  package static func load(
    folder: String, named name: String? = nil, fileSystem: any FileReading,
    vocabulary: FactVocabulary? = nil, runbookIDs: [String]? = nil
  ) -> (Inventory?, [Diagnostic]) {
    let shownFolder = name ?? folder
    var diagnostics: [Diagnostic] = []
    var files: [File] = []
    var reader = InventoryReader(vocabulary: vocabulary, runbookIDs: runbookIDs)
    var contents: [InventoryReader.Contents] = []
    for relative in yamlFiles(in: folder, fileSystem: fileSystem) {
      let path = (folder as NSString).appendingPathComponent(relative)
      let shown = (shownFolder as NSString).appendingPathComponent(relative)
      guard let bytes = try? fileSystem.readFile(at: path) else {
        let location = SourceLocation(file: shown, line: 1, column: 1)
        diagnostics.append(Diagnostic(.error, InventoryProblem.unreadableFile(shown), at: location))
        continue
      }
      files.append(File(relativePath: relative, bytes: bytes))
      let (read, found) = read(bytes, file: shown, reader: &reader)
      diagnostics += found
      if let read { contents.append(read) }
    }
    let vendors = contents.flatMap(\.vendors)
    let clients = contents.flatMap(\.clients)
    let organisations = contents.compactMap(\.organisation)
    diagnostics += InventoryLinter.check(
      vendors: vendors, clients: clients, organisations: organisations)
    let inventory = Inventory(
      folder: shownFolder, files: files, organisation: organisations.first, vendors: vendors,
      clients: clients)
    return (diagnostics.containsErrors ? nil : inventory, diagnostics)
  }

  /// Reads one file's text (for tests and tools that hold it in memory): its contents and its
  /// diagnostics, secrets included.
  static func read(
    _ bytes: [UInt8], file: String, reader: inout InventoryReader
  ) -> (InventoryReader.Contents?, [Diagnostic]) {
    let root: Node
    do {
      root = try YAMLParser.parse(bytes, file: file)
    } catch {
      return (nil, [Diagnostic(error)])
    }
    reader.diagnostics = []
    let contents = reader.readFile(root)
    let found = (reader.diagnostics + InventorySecretCheck.check(root)).sortedByLocation()
    return (contents, found)
  }

  /// The YAML files under `folder`, as ``yamlFiles(in:fileSystem:)`` finds them, as cache keys:
  /// each one's path relative to the folder with the status the walk took of it (one `stat` a
  /// name, not a second one for the key); nil when a file's status cannot be taken or it is not
  /// a regular file.
  package static func yamlFileKeys(in folder: String, fileSystem: any FileReading) -> [CacheKey]? {
    var found: [CacheKey] = []
    var complete = true
    walkYAMLFiles(in: folder, fileSystem: fileSystem) { child, status in
      guard let status, status.kind == .regular else {
        complete = false
        return
      }
      found.append(CacheKey(path: child, status: status))
    }
    return complete ? found.sorted { $0.path < $1.path } : nil
  }

  /// The YAML files under `folder`, as paths relative to it, sorted; symbolic links to folders
  /// are not followed.
  package static func yamlFiles(in folder: String, fileSystem: any FileReading) -> [String] {
    var found: [String] = []
    walkYAMLFiles(in: folder, fileSystem: fileSystem) { child, _ in found.append(child) }
    return found.sorted()
  }

  /// Calls `visit` with each YAML file's path under `folder` (relative to it) and the status
  /// the walk took of it (nil when it could not be taken), in the folders' order; hidden names
  /// are skipped and symbolic links to folders not followed.
  private static func walkYAMLFiles(
    in folder: String, fileSystem: any FileReading, _ visit: (String, FileStatus?) -> Void
  ) {
    func walk(_ relative: String) {
      let path = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
      let names = (try? fileSystem.contentsOfDirectory(at: path)) ?? []
      for name in names where !name.hasPrefix(".") {
        let child = relative.isEmpty ? name : relative + "/" + name
        let childPath = (folder as NSString).appendingPathComponent(child)
        let status = try? fileSystem.status(at: childPath)
        if status?.kind == .directory {
          if !fileSystem.isSymbolicLink(at: childPath) { walk(child) }
        } else if RunbookLibrary.isYAMLFileName(name) {
          visit(child, status)
        }
      }
    }
    walk("")
  }
}
