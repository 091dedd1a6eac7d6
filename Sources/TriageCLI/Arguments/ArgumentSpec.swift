/// One declared positional argument: `<file>`, `[<path> ...]`.
package struct ArgumentSpec: Sendable, Equatable {
  /// How many words the argument takes.
  package enum Arity: Sendable, Equatable {
    case required
    case optional
    case zeroOrMore
    case oneOrMore
  }

  /// The value name (`file`); also the key to read it from an `Invocation`.
  package var name: String
  package var arity: Arity
  /// One sentence for the help screen.
  package var help: String

  package init(_ name: ArgumentName, arity: Arity = .required, help: String) {
    self.name = name.rawValue
    self.arity = arity
    self.help = help
  }

  /// `<file>`, `[<file>]`, `[<path> ...]` or `<path> ...`, as in a usage line.
  var synopsis: String {
    switch arity {
    case .required: return "<\(name)>"
    case .optional: return "[<\(name)>]"
    case .zeroOrMore: return "[<\(name)> ...]"
    case .oneOrMore: return "<\(name)> ..."
    }
  }
}
