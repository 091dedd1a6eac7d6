#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real ``FileSystem``, over POSIX calls made through a ``SystemCalls`` seam.
public struct SystemFileSystem: FileSystem {
  private let calls: any SystemCalls

  /// A file system over the real system calls.
  public init() { self.calls = GlibcSystemCalls() }

  /// A file system over the given system calls (tests pass a fault-injecting wrapper).
  package init(calls: any SystemCalls) { self.calls = calls }

  public func createDirectory(at path: String) throws(ArchiveError) {
    var prefix = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
      prefix += "/" + component
      do {
        try calls.mkdir(prefix, mode: 0o700)
        // The new entry is durable only once its parent directory is flushed too.
        try syncDirectory(Self.split(prefix).directory)
      } catch let error where error == .fileExists {
        guard try isDirectory(at: prefix) else { throw .notADirectory(path: prefix) }
      } catch {
        throw ArchiveError(error, path: prefix)
      }
    }
  }

  public func writeNewFile(
    _ bytes: [UInt8], at path: String, durability: Durability
  ) throws(ArchiveError) {
    let (directory, name) = Self.split(path)
    let (fd, temporaryPath) = try createTemporaryFile(in: directory, for: name, finalPath: path)
    do {
      try writeAll(bytes, to: fd)
      if durability == .durable { try calls.fsync(fd) }
    } catch {
      try? calls.close(fd)
      try? calls.unlink(temporaryPath)
      throw ArchiveError(error, path: path)
    }
    do {
      try calls.close(fd)
      // link(2) refuses to replace an existing name, unlike rename(2): the final name appears
      // complete or not at all, and never over another file.
      try calls.link(temporaryPath, path)
    } catch {
      try? calls.unlink(temporaryPath)
      throw ArchiveError(error, path: path)
    }
    do {
      try calls.unlink(temporaryPath)
      if durability == .durable { try syncDirectory(directory) }
    } catch {
      // Keep "it threw, so nothing was written": the caller will not count this file.
      try? calls.unlink(path)
      throw ArchiveError(error, path: path)
    }
  }

  public func readFile(at path: String) throws(ArchiveError) -> [UInt8] {
    do {
      let fd = try calls.open(path, flags: O_RDONLY | O_CLOEXEC, mode: 0)
      defer { try? calls.close(fd) }
      var contents: [UInt8] = []
      let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
      defer { chunk.deallocate() }
      while true {
        let count = try retryingInterrupts { () throws(SystemCallError) in
          try calls.read(fd, into: chunk)
        }
        if count == 0 { return contents }
        contents += UnsafeRawBufferPointer(rebasing: chunk[..<count])
      }
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  public func contentsOfDirectory(at path: String) throws(ArchiveError) -> [String] {
    do {
      return try calls.directoryEntries(path).sorted()
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  public func isDirectory(at path: String) throws(ArchiveError) -> Bool {
    do {
      return try calls.fileKind(path) == .directory
    } catch let error where error == .noSuchFileOrDirectory {
      return false
    } catch {
      throw ArchiveError(error, path: path)
    }
  }

  public func withExclusiveLock<Result>(
    at lockPath: String, _ body: () throws -> Result
  ) throws -> Result {
    let fd: Int32
    do {
      fd = try calls.open(lockPath, flags: O_RDWR | O_CREAT | O_CLOEXEC, mode: 0o600)
    } catch {
      throw ArchiveError(error, path: lockPath)
    }
    defer { try? calls.close(fd) }
    do {
      try retryingInterrupts { () throws(SystemCallError) in
        try calls.flock(fd, operation: LOCK_EX)
      }
    } catch {
      throw ArchiveError(error, path: lockPath)
    }
    defer { try? calls.flock(fd, operation: LOCK_UN) }
    return try body()
  }

  @discardableResult
  public func removeStaleTemporaryFiles(in directory: String) throws(ArchiveError) -> [String] {
    var removed: [String] = []
    for name in try contentsOfDirectory(at: directory) where Self.isTemporaryFileName(name) {
      let path = directory + "/" + name
      do {
        try calls.unlink(path)
      } catch {
        throw ArchiveError(error, path: path)
      }
      removed.append(name)
    }
    return removed
  }
}

extension SystemFileSystem {
  /// `("a/b", "c.json")` for `"a/b/c.json"`; the directory of a bare name is `"."`.
  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  private func createTemporaryFile(
    in directory: String, for name: String, finalPath: String
  ) throws(ArchiveError) -> (Int32, String) {
    var generator = SystemRandomNumberGenerator()
    var lastError = SystemCallError.fileExists
    for _ in 0..<16 {
      let token = String(generator.next() as UInt64, radix: 16)
      let temporaryPath =
        "\(directory)/\(Self.temporaryFilePrefix)\(name).\(token)\(Self.temporaryFileSuffix)"
      do {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        return (try calls.open(temporaryPath, flags: flags, mode: 0o600), temporaryPath)
      } catch let error where error == .fileExists {
        lastError = error
      } catch {
        throw ArchiveError(error, path: finalPath)
      }
    }
    throw ArchiveError(lastError, path: finalPath)
  }

  private func writeAll(_ bytes: [UInt8], to fd: Int32) throws(SystemCallError) {
    let result = bytes.withUnsafeBytes { all -> Result<Void, SystemCallError> in
      var offset = 0
      while offset < all.count {
        let rest = UnsafeRawBufferPointer(rebasing: all[offset...])
        do throws(SystemCallError) {
          offset += try retryingInterrupts { () throws(SystemCallError) in
            try calls.write(fd, rest)
          }
        } catch {
          return .failure(error)
        }
      }
      return .success(())
    }
    try result.get()
  }

  private func syncDirectory(_ directory: String) throws(SystemCallError) {
    let fd = try calls.open(directory, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC, mode: 0)
    do {
      try calls.fsync(fd)
    } catch {
      try? calls.close(fd)
      throw error
    }
    try calls.close(fd)
  }

  private func retryingInterrupts<Value>(
    _ call: () throws(SystemCallError) -> Value
  ) throws(SystemCallError) -> Value {
    while true {
      do {
        return try call()
      } catch let error where error == .interrupted {
        continue
      }
    }
  }
}
