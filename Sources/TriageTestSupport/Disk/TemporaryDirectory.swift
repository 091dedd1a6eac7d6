import Foundation
import IncidentLog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh folder under the system's temporary directory, for the tests that need the real
/// disk (processes, permissions, `fsync`, links); removed by ``remove()`` or when released.
///
/// Made with `mkdtemp(3)` and filled through ``SystemFileSystem``, the same seam the tool uses.
package final class TemporaryDirectory: Sendable {
  /// The folder's absolute path.
  package let path: String

  /// The folder as a file URL.
  package var url: URL { URL(fileURLWithPath: path) }

  /// Makes the folder (mode 0700).
  ///
  /// - Throws: `SystemCallError` when `mkdtemp` fails.
  package init() throws {
    var base = NSTemporaryDirectory()
    while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
    var template = Array((base + "/triage-tests-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw SystemCallError(errno) }
    path = String(cString: made)
  }

  deinit { remove() }

  /// Writes `contents` to `name` (a path relative to the folder, its folders made as needed)
  /// and returns its URL.
  @discardableResult
  package func write(_ contents: String, to name: String) throws -> URL {
    let file = path + "/" + name
    let fileSystem = SystemFileSystem()
    try fileSystem.createDirectory(at: (file as NSString).deletingLastPathComponent)
    try fileSystem.replaceFile(Array(contents.utf8), at: file)
    return URL(fileURLWithPath: file)
  }

  /// Removes the folder and everything in it; a second call does nothing.
  package func remove() {
    Self.removeTree(at: path)
  }

  /// Every file below the folder, relative to it, sorted (hidden ones included).
  package func allFiles() -> [String] {
    Self.files(under: path)
  }

  /// Every file below the folder `root` on disk, relative to it, sorted (hidden ones included;
  /// symbolic links are listed, not followed).
  package static func files(under root: String) -> [String] {
    files(under: root, prefix: "").sorted()
  }

  /// Every folder below the folder `root` on disk, as absolute paths, sorted.
  package static func folders(under root: String) -> [String] {
    var found: [String] = []
    for name in (try? SystemFileSystem().contentsOfDirectory(at: root)) ?? [] {
      let path = root + "/" + name
      if isRealFolder(path) { found += [path] + folders(under: path) }
    }
    return found.sorted()
  }

  /// Whether `path` is a folder itself, not a symbolic link to one (`lstat(2)`).
  private static func isRealFolder(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  private static func removeTree(at path: String) {
    if isRealFolder(path) {
      for name in (try? SystemFileSystem().contentsOfDirectory(at: path)) ?? [] {
        removeTree(at: path + "/" + name)
      }
      rmdir(path)
    } else {
      unlink(path)
    }
  }

  private static func files(under folder: String, prefix: String) -> [String] {
    var found: [String] = []
    for name in (try? SystemFileSystem().contentsOfDirectory(at: folder)) ?? [] {
      let path = folder + "/" + name
      if isRealFolder(path) {
        found += files(under: path, prefix: prefix + name + "/")
      } else {
        found.append(prefix + name)
      }
    }
    return found
  }
}
