/// ANSI styling that is applied only when colour is allowed; otherwise text passes unchanged.
package struct TextStyle: Sendable, Equatable {
  package var isEnabled: Bool

  package init(isEnabled: Bool) {
    self.isEnabled = isEnabled
  }

  /// Plain text, whatever the terminal.
  package static let plain = TextStyle(isEnabled: false)

  /// `text` in bold (headings).
  package func bold(_ text: String) -> String { styled(text, code: "1") }
  /// `text` in bold red (error markers).
  package func error(_ text: String) -> String { styled(text, code: "1;31") }
  /// `text` in bold yellow (warning markers).
  package func warning(_ text: String) -> String { styled(text, code: "1;33") }
  /// `text` dimmed (secondary information).
  package func dim(_ text: String) -> String { styled(text, code: "2") }

  /// Every escape sequence this type writes; `VisibleTextOutput` lets exactly these through.
  static let sequences = ["1", "1;31", "1;33", "2", "0"].map { "\u{1B}[\($0)m" }

  private func styled(_ text: String, code: String) -> String {
    isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
