/// The name of a positional argument (`runbook` for `<runbook>`), as a value only this file makes.
///
/// Like `OptionName`: commands declare (`ArgumentSpec(.runbook, ...)`) and read
/// (`invocation.argument(.runbook)`) by the same static member, so a typo fails to compile.
package struct ArgumentName: Sendable, Hashable, CustomStringConvertible {
  /// The name shown in usage lines (`<runbook>`).
  package let rawValue: String

  /// A name for an argument declared outside the list below (tests declare their own).
  package init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  package var description: String { rawValue }
}

extension ArgumentName {
  package static let command = ArgumentName("command")
  package static let file = ArgumentName("file")
  package static let id = ArgumentName("id")
  package static let item = ArgumentName("item")
  package static let path = ArgumentName("path")
  package static let person = ArgumentName("person")
  package static let record = ArgumentName("record")
  package static let runbook = ArgumentName("runbook")
  package static let shell = ArgumentName("shell")
  package static let text = ArgumentName("text")
}
