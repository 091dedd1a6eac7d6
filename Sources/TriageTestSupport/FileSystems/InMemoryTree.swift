import IncidentLog
import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The nodes of an ``InMemoryFileSystem``, by normalized absolute path, and its logical clock.
///
/// A value: the file system guards the one copy it holds. Failures use the ``ArchiveError`` the
/// real system calls would give (`ENOENT`, `ENOTDIR`, `EEXIST`, `EISDIR`).
struct InMemoryTree {
  /// One file or folder.
  struct Node {
    enum Contents {
      case file([UInt8])
      case directory
    }

    var contents: Contents
    var inode: UInt64
    var mode: Int
    var modified: FileTime
    var changed: FileTime

    var status: FileStatus {
      let kind: FileKind
      var size: UInt64 = 0
      switch contents {
      case .file(let bytes):
        kind = .regular
        size = UInt64(bytes.count)
      case .directory: kind = .directory
      }
      return FileStatus(
        kind: kind, device: 1, inode: inode, modified: modified, changed: changed, size: size)
    }
  }

  private var nodes: [String: Node]
  /// The logical clock, in whole seconds; it ticks once per change.
  private var clock: Int64 = 1_800_000_000
  private var lastInode: UInt64 = 1

  init() {
    let start = FileTime(seconds: clock, nanoseconds: 0)
    nodes = [
      "/": Node(contents: .directory, inode: 1, mode: 0o755, modified: start, changed: start)
    ]
  }

  // MARK: - Paths

  /// `path` with `.`, `..` and repeated or trailing slashes resolved: `/a/./b//c/..` → `/a/b`.
  static func normalized(_ path: String) -> String {
    "/" + components(of: path).joined(separator: "/")
  }

  /// The names along `path`, `.` and `..` resolved.
  static func components(of path: String) -> [String] {
    var result: [String] = []
    for part in path.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": _ = result.popLast()
      default: result.append(String(part))
      }
    }
    return result
  }

  private static func parent(of path: String) -> String {
    let parts = components(of: path)
    return "/" + parts.dropLast().joined(separator: "/")
  }

  // MARK: - Looking up

  /// The node at `path`.
  ///
  /// - Throws: `.notADirectory` when a folder on the way is a file, else `.notFound`.
  func node(at path: String) throws(ArchiveError) -> Node {
    guard let node = try nodeIfPresent(at: path) else { throw .notFound(path: path) }
    return node
  }

  /// The node at `path`, or nil when nothing has that name.
  ///
  /// - Throws: `.notADirectory` when a folder on the way is a file.
  func nodeIfPresent(at path: String) throws(ArchiveError) -> Node? {
    let key = Self.normalized(path)
    if let node = nodes[key] { return node }
    var prefix = ""
    for part in Self.components(of: path).dropLast() {
      prefix += "/" + part
      guard let node = nodes[prefix] else { return nil }
      if case .file = node.contents { throw .notADirectory(path: path) }
    }
    return nil
  }

  /// The names directly inside the folder `path`.
  func names(in path: String) throws(ArchiveError) -> [String] {
    guard case .directory = try node(at: path).contents else { throw .notADirectory(path: path) }
    let key = Self.normalized(path)
    let prefix = key == "/" ? "/" : key + "/"
    return nodes.keys.compactMap { candidate in
      guard candidate.hasPrefix(prefix), candidate != key else { return nil }
      let rest = candidate.dropFirst(prefix.count)
      return rest.contains("/") ? nil : String(rest)
    }.sorted()
  }

  func permissions(at path: String) throws(ArchiveError) -> Int {
    try node(at: path).mode
  }

  /// Every file below `folder`, relative to it, sorted.
  func allFiles(under folder: String) -> [String] {
    let prefix = Self.normalized(folder) + "/"
    return nodes.compactMap { path, node in
      guard path.hasPrefix(prefix), case .file = node.contents else { return nil }
      return String(path.dropFirst(prefix.count))
    }.sorted()
  }

  // MARK: - Changing

  /// Makes the folder `path` and any missing parents (mode 0700); an existing folder is fine.
  mutating func createDirectory(at path: String) throws(ArchiveError) {
    var prefix = ""
    for part in Self.components(of: path) {
      prefix += "/" + part
      if let node = nodes[prefix] {
        guard case .directory = node.contents else { throw .notADirectory(path: prefix) }
        continue
      }
      insert(
        Node(contents: .directory, inode: 0, mode: 0o700, modified: now, changed: now),
        at: prefix)
    }
  }

  /// Writes `bytes` at `path`: in place when `keepingIdentity` and the file exists (an
  /// overwrite), else as a new file of mode 0600 that takes the name (a rename or a link).
  mutating func write(
    _ bytes: [UInt8], at path: String, keepingIdentity: Bool
  ) throws(ArchiveError) {
    let parent = Self.parent(of: path)
    guard let folder = try nodeIfPresent(at: parent) else { throw .notFound(path: path) }
    guard case .directory = folder.contents else { throw .notADirectory(path: path) }
    let key = Self.normalized(path)
    if let existing = nodes[key] {
      guard case .file = existing.contents else { throw .ioError(path: path, errno: EISDIR) }
      if keepingIdentity {
        tick()
        stamp(key, contents: .file(bytes))
        return
      }
    }
    insert(
      Node(contents: .file(bytes), inode: 0, mode: 0o600, modified: now, changed: now),
      at: key)
  }

  /// Writes a file and the folders above it, with `mode`: for a tree's starting contents.
  mutating func makeFile(_ bytes: [UInt8], at components: [String], mode: Int) {
    let path = "/" + components.joined(separator: "/")
    try? createDirectory(at: Self.parent(of: path))
    try? write(bytes, at: path, keepingIdentity: false)
    nodes[path]?.mode = mode
  }

  /// Removes the file at `path` (`unlink(2)`: a folder is refused with `EISDIR`).
  mutating func removeFile(at path: String) throws(ArchiveError) {
    guard case .file = try node(at: path).contents else {
      throw .ioError(path: path, errno: EISDIR)
    }
    nodes[Self.normalized(path)] = nil
    tick()
    changeFolder(Self.parent(of: path))
  }

  /// Sets the times of the existing `path` to a new tick of the clock and returns it.
  mutating func touch(_ path: String) throws(ArchiveError) -> FileTime {
    _ = try node(at: path)
    tick()
    stamp(Self.normalized(path))
    return now
  }

  // MARK: - Clock and identities

  private var now: FileTime { FileTime(seconds: clock, nanoseconds: 0) }

  private mutating func tick() { clock += 1 }

  /// Puts `node` at `key` with a fresh identity and time, and marks its folder changed.
  private mutating func insert(_ node: Node, at key: String) {
    tick()
    lastInode += 1
    var node = node
    node.inode = lastInode
    node.modified = now
    node.changed = now
    nodes[key] = node
    changeFolder(Self.parent(of: key))
  }

  /// Records that an entry of the folder `path` was added, removed or renamed.
  private mutating func changeFolder(_ path: String) {
    stamp(Self.normalized(path))
  }

  /// Sets the times of the node at `key` to now, and its contents when given.
  private mutating func stamp(_ key: String, contents: Node.Contents? = nil) {
    guard var node = nodes[key] else { return }
    if let contents { node.contents = contents }
    node.modified = now
    node.changed = now
    nodes[key] = node
  }
}
