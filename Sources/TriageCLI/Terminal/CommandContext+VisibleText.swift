extension CommandContext {
  /// This context with standard output and standard error wrapped in `VisibleTextOutput` (once:
  /// wrapping again replaces the wrapper, to follow a changed colour choice).
  func showingVisibleText() -> CommandContext {
    var context = self
    context.standardOutput = VisibleTextOutput(
      Self.unwrapped(standardOutput), allowsStyles: outputStyle.isEnabled)
    context.standardError = VisibleTextOutput(
      Self.unwrapped(standardError), allowsStyles: errorStyle.isEnabled)
    return context
  }

  /// Where data goes that a program reads back (`archive export` as csv, md or jsonl): standard
  /// output as it is when that is a file or a pipe, and through the visible-text edge when it is
  /// a terminal, where a person reads it.
  package var dataOutput: any TextOutput {
    terminal.isOutputTerminal ? standardOutput : Self.unwrapped(standardOutput)
  }

  private static func unwrapped(_ output: any TextOutput) -> any TextOutput {
    (output as? VisibleTextOutput)?.underlying ?? output
  }
}
