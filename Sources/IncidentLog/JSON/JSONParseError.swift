/// Why a JSON text was refused, and where.
///
/// `line` and `column` count from 1; the column counts `Character`s (what a person sees), not
/// bytes, so `"é"` is one column.
package struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What was wrong.
  package enum Kind: Sendable, Equatable {
    /// The text ended inside a value (a truncated file).
    case unexpectedEndOfInput
    /// A byte that cannot start or continue a value here; `found` is the character seen.
    case unexpectedCharacter(found: String, expected: String)
    /// A number that does not follow the JSON grammar (leading zero, missing digits).
    case invalidNumber
    /// A number too large for a double.
    case numberOutOfRange
    /// A backslash escape that JSON does not define.
    case invalidEscape
    /// A `\u` escape without four hex digits, or a lone surrogate.
    case invalidUnicodeEscape
    /// A raw control character (U+0000 to U+001F) inside a string.
    case controlCharacterInString
    /// Bytes that are not UTF-8.
    case invalidUTF8
    /// An object repeats a key.
    case duplicateKey(String)
    /// Something follows the top-level value.
    case trailingContent
    /// Arrays and objects nested deeper than the parser allows.
    case nestingTooDeep
  }

  /// What was wrong.
  package var kind: Kind
  /// The line of the problem, from 1.
  package var line: Int
  /// The column of the problem, from 1, in `Character`s.
  package var column: Int

  /// Creates an error.
  package init(kind: Kind, line: Int, column: Int) {
    self.kind = kind
    self.line = line
    self.column = column
  }

  /// `LINE:COLUMN: message`.
  package var description: String { "\(line):\(column): \(message)" }

  /// The problem in words, without the position.
  package var message: String {
    switch kind {
    case .unexpectedEndOfInput: "unexpected end of input (is the file truncated?)"
    case .unexpectedCharacter(let found, let expected): "found \(found), expected \(expected)"
    case .invalidNumber: "invalid number"
    case .numberOutOfRange: "number out of range"
    case .invalidEscape: "invalid escape sequence"
    case .invalidUnicodeEscape: "invalid \\u escape (four hex digits, no lone surrogates)"
    case .controlCharacterInString: "control character in string (escape it)"
    case .invalidUTF8: "text is not valid UTF-8"
    case .duplicateKey(let key): "duplicate key \"\(key)\""
    case .trailingContent: "unexpected content after the JSON value"
    case .nestingTooDeep: "arrays and objects nested too deeply"
    }
  }
}
