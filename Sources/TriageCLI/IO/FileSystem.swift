/// The files a command reads, behind one seam so tests use memory instead of the disk.
public protocol FileSystem {
  /// The bytes of the file at the absolute `path`.
  ///
  /// - Throws: `FileError.noSuchFile` when it does not exist, `.unreadable` otherwise.
  func contents(atPath path: String) throws(FileError) -> [UInt8]
}

/// A `FileSystem` held in memory, for tests: absolute path to contents.
public struct InMemoryFileSystem: FileSystem {
  public var files: [String: [UInt8]]

  public init(_ files: [String: String] = [:]) {
    self.files = files.mapValues { Array($0.utf8) }
  }

  public func contents(atPath path: String) throws(FileError) -> [UInt8] {
    guard let bytes = files[path] else { throw .noSuchFile(path: path) }
    return bytes
  }
}
