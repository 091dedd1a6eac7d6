/// The files a command reads, behind one seam so tests use memory instead of the disk.
package protocol FileSystem {
  /// The bytes of the file at the absolute `path`.
  ///
  /// - Throws: `FileError.noSuchFile` when it does not exist, `.unreadable` otherwise.
  func contents(atPath path: String) throws(FileError) -> [UInt8]
}

/// A `FileSystem` held in memory, for tests: absolute path to contents.
package struct InMemoryFileSystem: FileSystem {
  package var files: [String: [UInt8]]

  package init(_ files: [String: String] = [:]) {
    self.files = files.mapValues { Array($0.utf8) }
  }

  package func contents(atPath path: String) throws(FileError) -> [UInt8] {
    guard let bytes = files[path] else { throw .noSuchFile(path: path) }
    return bytes
  }
}
