import Foundation
import RunbookCore

/// The name and media type an attached file is kept under.
package enum EvidenceName {
  /// The longest name kept, in UTF-8 bytes (a common file name limit).
  static let maximumBytes = 255

  /// The base name of `path`, made safe to show anywhere: every character a terminal would obey
  /// or hide (``VisibleText/isHidden(_:)``: controls, bidi overrides and isolates, zero-width
  /// characters), every line break and tab, and every `/` or `\` become `_`; cut to 255 UTF-8
  /// bytes at a character boundary; `evidence` when nothing is left.
  ///
  /// The name is only a label: the file is found by its hash, so nothing depends on the name
  /// being unique or meaningful.
  package static func neutralised(_ path: String) -> String {
    let base = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init)
    var name = ""
    for scalar in (base ?? "").unicodeScalars {
      let isUnsafe =
        VisibleText.isHidden(scalar) || scalar == "\n" || scalar == "\t" || scalar == "\\"
      name.unicodeScalars.append(isUnsafe ? "_" : scalar)
    }
    while name.utf8.count > maximumBytes { name.removeLast() }
    let trimmed = name.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || trimmed == "." || trimmed == ".." ? "evidence" : trimmed
  }

  /// The media type of a file by its name's extension (case-insensitive);
  /// `application/octet-stream` for any other.
  package static func mediaType(of name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
      return "application/octet-stream"
    }
    let suffix = name[name.index(after: dot)...].lowercased()
    return mediaTypes[suffix] ?? "application/octet-stream"
  }

  /// Extensions of the files a responder keeps: notices, exports, logs, screenshots, mail.
  private static let mediaTypes: [String: String] = [
    "html": "text/html", "htm": "text/html", "txt": "text/plain", "log": "text/plain",
    "md": "text/markdown", "csv": "text/csv", "json": "application/json",
    "jsonl": "application/jsonl", "har": "application/json", "xml": "application/xml",
    "yaml": "application/yaml", "yml": "application/yaml", "pdf": "application/pdf",
    "eml": "message/rfc822", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg",
    "gif": "image/gif", "webp": "image/webp", "svg": "image/svg+xml", "zip": "application/zip",
    "gz": "application/gzip", "tar": "application/x-tar", "ics": "text/calendar",
  ]
}
