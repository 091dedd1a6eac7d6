import Foundation

extension RunbookLibrary {
  /// Whether `path` names an existing folder (following symbolic links), so that a command given
  /// a path can tell a folder of runbooks from one runbook file.
  ///
  /// Like `runbookFiles()`, this reads the real file system.
  package static func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}
