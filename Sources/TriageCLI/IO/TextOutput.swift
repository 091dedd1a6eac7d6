/// Where a command writes text: standard output or standard error.
///
/// Writing never throws, so commands stay short; a stream that failed remembers it in
/// `didFail`, and `Triage.main` turns a failed standard output into exit 74.
package protocol TextOutput: AnyObject {
  /// Writes `text` as UTF-8.
  func write(_ text: String)
  /// Whether any write so far failed.
  var didFail: Bool { get }
}
