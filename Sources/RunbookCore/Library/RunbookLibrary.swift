import Foundation

/// Finds runbooks by path or by id in an ordered list of folders, and the holiday calendars beside
/// them (`calendars/NAME.yaml` in the same folders).
///
/// The search folders come from the caller (the command line decides them from `--runbooks`,
/// `TRIAGE_RUNBOOKS`, `./Runbooks` and the installed share folder), and so does the file system
/// it reads them through, so this type reads no environment and no disk of its own.
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
    /// No file at the path, or (with `searched` folders) no runbook with the id, and the
    /// nearest id found.
    case notFound(String, searched: [String], suggestion: String? = nil)
    case duplicateID(String, paths: [String])
    case unreadable(String)
  }

  /// The folders searched, in order (absolute paths).
  package var folders: [String]
  /// What the folders are read through.
  package var fileSystem: any FileReading

  package init(folders: [String], fileSystem: any FileReading) {
    self.folders = folders
    self.fileSystem = fileSystem
  }

  /// The runbook files (`*.yaml`, `*.yml`) directly inside the search folders.
  ///
  /// They are sorted by path within each folder. Folders that do not exist are skipped.
  package func runbookFiles() -> [String] {
    var files: [String] = []
    for folder in folders {
      let names = (try? fileSystem.contentsOfDirectory(at: folder)) ?? []
      files += names.filter(Self.isYAMLFileName).sorted().map {
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
      guard let bytes = try? fileSystem.readFile(at: path),
        let header = RunbookHeader(of: bytes, path: path)
      else { continue }
      let entry = Entry(id: header.id, version: header.version, title: header.title, path: path)
      if let first = entries.first(where: { $0.id == entry.id }) {
        throw .duplicateID(entry.id, paths: [first.path, path])
      }
      entries.append(entry)
    }
    return entries
  }

  /// The path of a runbook given as a path (see ``isPath(_:)``, or any existing file) or as an
  /// id found in the folders.
  ///
  /// - Parameters:
  ///   - reference: What the user typed.
  ///   - workingDirectory: What a relative `reference` is relative to.
  /// - Returns: `reference` itself when it names a file, else the path of the runbook with that
  ///   id.
  package func resolve(
    _ reference: String, relativeTo workingDirectory: String
  ) throws(LookupError) -> String {
    let absolute =
      reference.hasPrefix("/")
      ? reference : (workingDirectory as NSString).appendingPathComponent(reference)
    let exists = (try? fileSystem.exists(at: absolute)) == true
    if Self.isPath(reference) || exists {
      guard exists else { throw .notFound(reference, searched: []) }
      return reference
    }
    let entries = try entries()
    guard let entry = entries.first(where: { $0.id == reference }) else {
      throw .notFound(
        reference, searched: folders,
        suggestion: Suggestion.nearest(to: reference, in: entries.map(\.id)))
    }
    return entry.path
  }

  /// The path of the holiday calendar `name` in the first folder that has it.
  package func calendarPath(named name: String, near runbookPath: String) -> String? {
    if let path = Self.calendarPath(named: name, besideRunbook: runbookPath, fileSystem: fileSystem)
    {
      return path
    }
    for folder in folders {
      if let path = Self.calendarPath(named: name, in: folder, fileSystem: fileSystem) {
        return path
      }
    }
    return nil
  }

  /// The path of the holiday calendar `name` in the `calendars/` folder beside a runbook, the
  /// first place ``calendarPath(named:near:)`` looks; nil when it is not there.
  package static func calendarPath(
    named name: String, besideRunbook runbookPath: String, fileSystem: any FileReading
  ) -> String? {
    let runbookFolder = PlainPath.deletingLastComponent(runbookPath)
    return calendarPath(
      named: name, in: runbookFolder.isEmpty ? "." : runbookFolder, fileSystem: fileSystem)
  }

  /// The path of the holiday calendar `name` (`.yaml`, else `.yml`) in `folder/calendars`.
  package static func calendarPath(
    named name: String, in folder: String, fileSystem: any FileReading
  ) -> String? {
    for suffix in [".yaml", ".yml"] {
      let path = PlainPath.appending(
        name + suffix, to: PlainPath.appending("calendars", to: folder))
      if (try? fileSystem.exists(at: path)) == true { return path }
    }
    return nil
  }
}
