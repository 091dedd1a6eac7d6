/// Where a command writes text: standard output or standard error.
///
/// Writing never throws, so commands stay short; a stream that failed remembers it in
/// `didFail`, and `Triage.main` turns a failed standard output into exit 74.
public protocol TextOutput: AnyObject {
  /// Writes `text` as UTF-8.
  func write(_ text: String)
  /// Whether any write so far failed.
  var didFail: Bool { get }
}

/// A `TextOutput` that keeps what was written, for tests.
public final class CapturedOutput: TextOutput {
  /// Everything written so far.
  public private(set) var text = ""
  public private(set) var didFail = false

  public init() {}

  public func write(_ text: String) {
    self.text += text
  }
}
