import Foundation

/// `NSString`'s `deletingLastPathComponent` and `appendingPathComponent` for the paths a run
/// meets, without Foundation's slash fixing (100K instructions for the few calls of a run).
///
/// Only a plain path takes the short way: not empty, no `//`, no trailing `/`, and, to delete
/// from, a `/` after its first byte. Any other goes through `NSString`, so the result is always
/// the one `NSString` gives.
package enum PlainPath {
  /// `(path as NSString).deletingLastPathComponent`.
  package static func deletingLastComponent(_ path: String) -> String {
    let utf8 = path.utf8
    guard isPlain(utf8), let slash = utf8.lastIndex(of: UInt8(ascii: "/")),
      slash != utf8.startIndex
    else { return (path as NSString).deletingLastPathComponent }
    return String(path[..<slash])
  }

  /// `(folder as NSString).appendingPathComponent(name)`.
  package static func appending(_ name: String, to folder: String) -> String {
    guard isPlain(folder.utf8), isPlain(name.utf8), name.utf8.first != UInt8(ascii: "/") else {
      return (folder as NSString).appendingPathComponent(name)
    }
    return folder + "/" + name
  }

  /// Whether `text` is not empty, has no `//` and does not end with `/`.
  static func isPlain(_ text: String.UTF8View) -> Bool {
    var previous: UInt8 = 0
    for byte in text {
      if byte == UInt8(ascii: "/"), previous == byte { return false }
      previous = byte
    }
    return previous != 0 && previous != UInt8(ascii: "/")
  }
}
