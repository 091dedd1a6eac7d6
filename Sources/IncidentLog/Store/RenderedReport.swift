/// A record's report as written beside it: its bytes, and their SHA-256, which the record's
/// `integrity.report_sha256` holds.
///
/// Hashed where it is rendered: on the thread of a ``PreparedAppend`` when that thread renders
/// it, so that the append's own thread only names the file and seals the record.
package struct RenderedReport: Sendable {
  /// The file's bytes (UTF-8 Markdown).
  package let bytes: [UInt8]
  /// Their SHA-256, in lowercase hex.
  package let sha256: String

  /// The report whose file holds `bytes`.
  package init(_ bytes: [UInt8]) {
    self.bytes = bytes
    sha256 = SHA256.hexHash(bytes)
  }
}
