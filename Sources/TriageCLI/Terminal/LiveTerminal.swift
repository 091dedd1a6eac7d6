#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal: `isatty(3)` and the window size, read in this one place.
enum LiveTerminal {
  /// The traits of this process's standard streams.
  ///
  /// The width is the terminal's (`TIOCGWINSZ` on standard output, else standard error), else
  /// `COLUMNS`, else unknown.
  static func traits(environment: Environment) -> TerminalTraits {
    TerminalTraits(
      isInputTerminal: isatty(0) == 1,
      isOutputTerminal: isatty(1) == 1,
      isErrorTerminal: isatty(2) == 1,
      width: windowWidth(of: 1) ?? windowWidth(of: 2) ?? environment[.columns].flatMap(Int.init))
  }

  private static func windowWidth(of descriptor: Int32) -> Int? {
    var size = winsize()
    #if canImport(Glibc)
      let result = ioctl(descriptor, UInt(TIOCGWINSZ), &size)
    #else
      let result = ioctl(descriptor, TIOCGWINSZ, &size)
    #endif
    guard result == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
