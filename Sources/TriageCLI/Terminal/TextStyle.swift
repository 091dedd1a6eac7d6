/// ANSI styling that is applied only when colour is allowed; otherwise text passes unchanged.
public struct TextStyle: Sendable, Equatable {
  public var isEnabled: Bool

  public init(isEnabled: Bool) {
    self.isEnabled = isEnabled
  }

  /// Plain text, whatever the terminal.
  public static let plain = TextStyle(isEnabled: false)

  /// `text` in bold (headings).
  public func bold(_ text: String) -> String { styled(text, code: "1") }
  /// `text` in bold red (error markers).
  public func error(_ text: String) -> String { styled(text, code: "1;31") }
  /// `text` dimmed (secondary information).
  public func dim(_ text: String) -> String { styled(text, code: "2") }

  private func styled(_ text: String, code: String) -> String {
    isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
