/// What is known about the terminal: which standard streams are one, and its width.
///
/// `LiveTerminal.traits(environment:)` reads them from the real process, once; tests build
/// them by hand.
package struct TerminalTraits: Sendable, Equatable {
  /// Whether standard input is a terminal (a person may be asked questions).
  package var isInputTerminal: Bool
  /// Whether standard output is a terminal.
  package var isOutputTerminal: Bool
  /// Whether standard error is a terminal.
  package var isErrorTerminal: Bool
  /// The terminal's width in columns, when known.
  package var width: Int?

  package init(
    isInputTerminal: Bool, isOutputTerminal: Bool, isErrorTerminal: Bool, width: Int? = nil
  ) {
    self.isInputTerminal = isInputTerminal
    self.isOutputTerminal = isOutputTerminal
    self.isErrorTerminal = isErrorTerminal
    self.width = width
  }

  /// No stream is a terminal (pipes and files, as in CI).
  package static let none = TerminalTraits(
    isInputTerminal: false, isOutputTerminal: false, isErrorTerminal: false)

  /// Every stream is a terminal `width` columns wide.
  package static func interactive(width: Int = 80) -> TerminalTraits {
    TerminalTraits(
      isInputTerminal: true, isOutputTerminal: true, isErrorTerminal: true, width: width)
  }
}
