import Foundation
import YAMLLite

/// Finds runbooks by path or by id in an ordered list of folders, and the holiday calendars beside
/// them (`calendars/NAME.yaml` in the same folders).
///
/// The search folders come from the caller (the command line decides them from `--runbooks`,
/// `TRIAGE_RUNBOOKS`, `./Runbooks` and the installed share folder), so this type reads no
/// environment of its own.
package struct RunbookLibrary: Sendable {
  /// One runbook file found in a folder, with what its header says.
  package struct Entry: Sendable, Equatable {
    package var id: String
    package var version: String
    package var title: String
    package var path: String
  }

  /// Why a runbook could not be found or chosen.
  package enum LookupError: Error, Sendable, Equatable {
    case notFound(String, searched: [String])
    case duplicateID(String, paths: [String])
    case unreadable(String)
  }

  /// The folders searched, in order.
  package var folders: [String]

  package init(folders: [String]) {
    self.folders = folders
  }

  /// The runbook files (`*.yaml`, `*.yml`) directly inside the search folders.
  ///
  /// They are sorted by path within each folder. Folders that do not exist are skipped.
  package func runbookFiles() -> [String] {
    var files: [String] = []
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
        (folder as NSString).appendingPathComponent($0)
      }
    }
    return files
  }

  /// Every runbook found, read from its header only when its file loads as a runbook.
  ///
  /// - Throws: `LookupError.duplicateID` when two files declare the same id.
  package func entries() throws(LookupError) -> [Entry] {
    var entries: [Entry] = []
    for path in runbookFiles() {
      guard let data = FileManager.default.contents(atPath: path),
        let entry = Self.header(of: Array(data), path: path)
      else { continue }
      if let first = entries.first(where: { $0.id == entry.id }) {
        throw .duplicateID(entry.id, paths: [first.path, path])
      }
      entries.append(entry)
    }
    return entries
  }

  /// The path of a runbook given as a path (anything with a slash or ending in .yaml/.yml that
  /// exists) or as an id found in the folders.
  package func resolve(_ reference: String) throws(LookupError) -> String {
    let looksLikePath =
      reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
    if looksLikePath || FileManager.default.fileExists(atPath: reference) {
      guard FileManager.default.fileExists(atPath: reference) else {
        throw .notFound(reference, searched: [])
      }
      return reference
    }
    guard let entry = try entries().first(where: { $0.id == reference }) else {
      throw .notFound(reference, searched: folders)
    }
    return entry.path
  }

  /// The path of the holiday calendar `name` in the first folder that has it.
  package func calendarPath(named name: String, near runbookPath: String) -> String? {
    let runbookFolder = (runbookPath as NSString).deletingLastPathComponent
    let candidates = [runbookFolder.isEmpty ? "." : runbookFolder] + folders
    for folder in candidates {
      for suffix in [".yaml", ".yml"] {
        let path = ((folder as NSString).appendingPathComponent("calendars") as NSString)
          .appendingPathComponent(name + suffix)
        if FileManager.default.fileExists(atPath: path) { return path }
      }
    }
    return nil
  }

  /// Reads `runbook`, `version` and `title` from a file without checking the rest.
  static func header(of bytes: [UInt8], path: String) -> Entry? {
    guard let root = try? YAMLParser.parse(bytes, file: path),
      case .mapping(let entries) = root.content
    else { return nil }
    func text(_ key: String) -> String? {
      guard let value = entries.first(where: { $0.key == key })?.value,
        case .scalar(let scalar) = value.content
      else { return nil }
      return scalar.text
    }
    guard let id = text("runbook") else { return nil }
    return Entry(id: id, version: text("version") ?? "", title: text("title") ?? "", path: path)
  }
}
