/// Whether the user allowed colour on the command line.
package enum ColourChoice: Sendable, Equatable {
  /// Colour on a terminal unless the environment says otherwise.
  case automatic
  /// Never colour (`--no-color`).
  case never
}

/// The one place that decides whether text gets colour.
package enum ColourPolicy {
  /// Colour is used only on a terminal, never with `NO_COLOR` set to anything non-empty
  /// (no-color.org), never with `TERM=dumb`, and never after `--no-color`.
  package static func usesColour(
    isTerminal: Bool, environment: Environment, choice: ColourChoice
  ) -> Bool {
    guard choice == .automatic, isTerminal else { return false }
    if let noColour = environment[.noColor], !noColour.isEmpty { return false }
    return environment[.term] != "dumb"
  }
}
