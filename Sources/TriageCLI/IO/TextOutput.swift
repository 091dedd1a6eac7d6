/// Where a command writes text: standard output or standard error.
///
/// Writing never throws, so commands stay short; a stream that failed remembers it in
/// `didFail`, and `Triage.main` turns a failed standard output into exit 74.
package protocol TextOutput: AnyObject {
  /// Writes `text` as UTF-8.
  func write(_ text: String)
  /// Whether any write so far failed.
  var didFail: Bool { get }
  /// Writes UTF-8 `bytes` that are visible already (no control, bidi or zero-width character
  /// but line feeds and tabs, as `VisibleText.stream(_:)` leaves them): `archive list`'s
  /// lines, made from bytes, are written without being escaped a second time.
  func write(visible bytes: [UInt8])
}

extension TextOutput {
  package func write(visible bytes: [UInt8]) {
    write(String(decoding: bytes, as: UTF8.self))
  }
}
