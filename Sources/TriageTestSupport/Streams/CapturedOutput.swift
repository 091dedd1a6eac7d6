import TriageCLI

/// A `TextOutput` that keeps what was written, for tests.
package final class CapturedOutput: TextOutput {
  /// Everything written so far.
  package private(set) var text = ""
  package private(set) var didFail = false

  package init() {}

  package func write(_ text: String) {
    self.text += text
  }
}
