#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real file system, read with `open(2)` and `read(2)` so that every failure keeps its
/// `errno`: a missing file (exit 66) is told apart from an unreadable one (exit 74).
struct LocalFileSystem: FileSystem {
  func contents(atPath path: String) throws(FileError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    if descriptor < 0 {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .noSuchFile(path: path) }
      throw .unreadable(path: path, reason: errorDescription(code))
    }
    defer { close(descriptor) }
    do {
      return try readToEnd(descriptor)
    } catch {
      throw error.about(path)
    }
  }
}
