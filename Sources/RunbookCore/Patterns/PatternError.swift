/// Why a `pattern` was refused, and where.
///
/// `offset` counts `Character`s from the start of the pattern (0-based), like every column the
/// tool reports. The kind carries facts; `message` turns them into words.
package struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong with the pattern.
  package enum Kind: Sendable, Equatable {
    /// `*`, `+`, `?` or `{n}` with nothing before it to repeat (`*a`, `a**`, `(|+)`).
    case nothingToRepeat(String)
    /// A `(` without its `)`.
    case unclosedGroup
    /// A `)` that closes no group.
    case unmatchedParenthesis
    /// A `[` without its `]`.
    case unclosedClass
    /// `[]` or `[^]`, which pattern dialects read differently.
    case emptyClass
    /// A character that must be escaped to be literal here: `{`, `}`, `]`, or `[` inside a class.
    case mustBeEscaped(Character)
    /// A range whose ends are reversed (`[z-a]`) or not single characters (`[\d-z]`).
    case badRange(String)
    /// `{m,n}` with `m` greater than `n`, or a count over ``PatternSyntax/maximumCount``.
    case badCount(String)
    /// A group kind other than `(…)` and `(?:…)`: lookaround, named groups, inline flags.
    case unsupportedGroup(String)
    /// An escape other than the supported ones (`\b`, `\1`, `\p{L}`, …).
    case unsupportedEscape(Character)
    /// A `\` at the very end.
    case trailingBackslash
    /// Groups nested deeper than ``PatternSyntax/maximumDepth``.
    case nestedTooDeeply
    /// Counted repeats that write out to more than ``PatternProgram/maximumSize`` steps, or a
    /// program whose size times the longest answer passes ``TextPattern/costBudget``.
    case tooLarge
  }

  package var kind: Kind
  /// The `Character` offset (0-based) in the pattern.
  package var offset: Int

  package init(_ kind: Kind, offset: Int) {
    self.kind = kind
    self.offset = offset
  }

  /// What is wrong and what was expected, without the position.
  package var message: String {
    switch kind {
    case .nothingToRepeat(let quantifier):
      return "'\(quantifier)' has nothing to repeat; write \\\(quantifier.prefix(1)) for a literal"
        + " \(quantifier.prefix(1))"
    case .unclosedGroup:
      return "the group opened here is not closed; expected ')'"
    case .unmatchedParenthesis:
      return "')' closes no group; write \\) for a literal )"
    case .unclosedClass:
      return "the class opened here is not closed; expected ']'"
    case .emptyClass:
      return "an empty class is read differently by different pattern dialects; expected a "
        + "character before ']', or \\] for a literal ]"
    case .mustBeEscaped(let character):
      return "write \\\(character) for a literal \(character)"
    case .badRange(let range):
      return "'\(range)' is not a range; expected a single character on each side of '-', "
        + "the lower first"
    case .badCount(let count):
      return "'\(count)' is not a count; expected {n}, {n,} or {m,n} with m <= n <= "
        + "\(PatternSyntax.maximumCount)"
    case .unsupportedGroup(let opening):
      return "'\(opening)' is not supported (no lookaround, named groups or inline flags); "
        + "expected a group (…) or (?:…)"
    case .unsupportedEscape(let character):
      return "'\\\(character)' is not supported; expected \\d \\w \\s \\D \\W \\S, \\n \\t \\r \\f "
        + "\\v, or \\ before one of ^ $ \\ . * + ? ( ) [ ] { } | / (and - in a class)"
    case .trailingBackslash:
      return "the pattern ends with a lone \\; expected a character after it"
    case .nestedTooDeeply:
      return "groups nest deeper than \(PatternSyntax.maximumDepth)"
    case .tooLarge:
      return "the pattern is too large once its counted repeats are written out "
        + "(its size times the longest answer, 64 KiB, passes the budget of 100 million steps)"
    }
  }

  package var description: String { "\(offset): \(message)" }
}
