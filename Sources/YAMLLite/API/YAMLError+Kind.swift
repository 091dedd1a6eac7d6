extension YAMLError {
  /// The kinds of refusal.
  ///
  /// Cases name what the input did; `message` says what was expected.
  package enum Kind: Sendable, Equatable {
    // MARK: - Bytes
    /// The bytes are not valid UTF-8.
    case invalidUTF8
    /// A NUL byte.
    case nulByte
    /// A control or non-character code point YAML does not allow (value given).
    case controlCharacter(UInt32)
    /// A byte order mark after the start of the file.
    case byteOrderMarkInside
    /// A raw U+0085, U+2028 or U+2029: a line break for YAML 1.1 parsers, text for YAML 1.2.
    case unicodeLineBreak(UInt32)

    // MARK: - Outside the subset
    case anchorNotSupported
    case aliasNotSupported
    case tagNotSupported
    case directiveNotSupported
    case multipleDocuments
    /// A sequence or mapping used as a mapping key.
    case complexKey
    /// A `? ` explicit key.
    case explicitKey
    /// A `: value` with no key before it.
    case emptyKey
    /// The same key twice in one mapping; the error is at the second, `firstLine` names the first.
    case duplicateKey(String, firstLine: Int)

    // MARK: - Structure
    /// A tab where indentation is read.
    case tabIndentation
    /// A line indented where nothing can start at that column.
    case badIndentation
    /// Nesting deeper than `limit` collections.
    case nestingTooDeep(limit: Int)
    /// A line at a mapping's column that is not `key:`.
    case expectedKey
    /// A line at a sequence's column that is not `- `.
    case expectedSequenceEntry
    /// `key: value: more` or `--- key: value`: a mapping starting on a line that already has one.
    case mappingNotAllowedHere
    /// `key: - item`: a block sequence starting after a key on the same line.
    case sequenceNotAllowedHere
    /// An implicit key spread over more than one line.
    case multilineKey
    /// An implicit key longer than `limit` bytes.
    case keyTooLong(limit: Int)
    /// Text after a complete value on its line (the character found).
    case trailingContent(Character)
    /// A character that cannot start a value here.
    case unexpectedCharacter(Character)

    // MARK: - Scalars
    case unterminatedQuote
    case invalidEscape
    /// A `---` or `...` line inside a quoted scalar.
    case documentMarkerInScalar
    /// Something other than chomping, an indentation digit or a comment after `|` or `>`.
    case invalidBlockScalarHeader
    /// An empty line before a block scalar's first text, indented more than that text.
    case blockScalarLeadingSpaces
    /// An indentation digit on a block scalar at the root of the document.
    case blockScalarIndicatorAtRoot
    /// A `|` or `>` block scalar (not `-`) whose text runs to the end of the file without a
    /// final line break, which YAML parsers read differently.
    case blockScalarWithoutFinalLineBreak
    /// A line inside a quoted scalar or flow collection not indented more than its key or `-`.
    case continuationNotIndented

    // MARK: - Flow collections
    case unterminatedFlowCollection
    /// Between two entries, something other than `,` or the closing bracket (given).
    case expectedFlowSeparator(Character)
    /// Two commas in a row, or a comma first.
    case emptyFlowEntry
    /// A block sequence entry, block scalar or document marker inside `[...]` or `{...}`.
    case blockCollectionInFlow
    case documentMarkerInFlow
  }
}

extension YAMLError.Kind {
  /// A sentence for a person: what the input did and what was expected.
  var message: String {
    switch self {
    case .invalidUTF8: return "the file is not valid UTF-8 here; expected UTF-8 text"
    case .nulByte: return "a NUL byte is not allowed in YAML; expected text"
    case .controlCharacter(let value):
      return "the character U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4)) "
        + "is not allowed in YAML; write it as an escape in a double-quoted string"
    case .unicodeLineBreak(let value):
      let escape = value == 0x85 ? "\\N" : value == 0x2028 ? "\\L" : "\\P"
      return "the character U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4)) is a "
        + "line break for some YAML parsers and not for others; write it as \(escape) "
        + "in a double-quoted string"
    case .byteOrderMarkInside:
      return "a byte order mark is only allowed at the start of the file"
    case .anchorNotSupported:
      return "anchors (&name) are not supported; write the value out in full"
    case .aliasNotSupported:
      return "aliases (*name) are not supported; write the value out in full"
    case .tagNotSupported:
      return "tags (!tag) are not supported; every value is a string, quote it if needed"
    case .directiveNotSupported:
      return "directives (%YAML, %TAG) are not supported; expected the document to start"
    case .multipleDocuments:
      return "only one document is allowed; expected the end of the file"
    case .complexKey:
      return "a sequence or mapping cannot be a key; expected a plain or quoted key"
    case .explicitKey:
      return "explicit keys ('? ') are not supported; write 'key: value'"
    case .emptyKey:
      return "a ':' with no key before it; expected 'key: value'"
    case .duplicateKey(let key, let firstLine):
      return "duplicate key \"\(key)\": first defined on line \(firstLine); keys must be unique"
    case .tabIndentation:
      return "a tab is used for indentation; expected spaces"
    case .badIndentation:
      return "unexpected indentation; expected this line to line up with an enclosing key or '-'"
    case .nestingTooDeep(let limit):
      return "nesting is deeper than \(limit) levels; expected a flatter document"
    case .expectedKey:
      return "expected 'key: value' at this indentation"
    case .expectedSequenceEntry:
      return "expected a '- ' sequence entry at this indentation"
    case .mappingNotAllowedHere:
      return "a mapping cannot start on this line; put 'key: value' on its own, indented line"
    case .sequenceNotAllowedHere:
      return "a sequence cannot start after a key on the same line; put '- item' on the next line"
    case .multilineKey:
      return "a key must fit on one line; expected ':' on the key's line"
    case .keyTooLong(let limit):
      return "a key is longer than \(limit) characters; expected a shorter key"
    case .trailingContent(let character):
      return "unexpected '\(character)' after the value; expected the end of the line or a comment"
    case .unexpectedCharacter(let character):
      return "unexpected '\(character)'; quote the value if it starts with an indicator character"
    case .unterminatedQuote:
      return "this quoted string is not closed; expected a closing quote"
    case .invalidEscape:
      return "invalid escape sequence; expected one of \\0 \\a \\b \\t \\n \\v \\f \\r \\e \\\" "
        + "\\/ \\\\ \\N \\_ \\L \\P \\xXX \\uXXXX \\UXXXXXXXX or an escaped space"
    case .documentMarkerInScalar:
      return "a document marker inside a quoted string; expected the closing quote first"
    case .invalidBlockScalarHeader:
      return "invalid block scalar header; expected '|' or '>' then optional '+'/'-' and 1-9"
    case .blockScalarLeadingSpaces:
      return
        "an empty line before a block scalar's text has more spaces than the text's indentation"
    case .blockScalarWithoutFinalLineBreak:
      return "the file ends inside this block scalar without a line break; "
        + "expected a line break at the end (parsers disagree on the text without one)"
    case .continuationNotIndented:
      return "this line continues a quoted string or flow collection; "
        + "expected it to be indented more than the key or '-' it belongs to"
    case .blockScalarIndicatorAtRoot:
      return "an indentation indicator on a top-level block scalar is ambiguous; remove the digit"
    case .unterminatedFlowCollection:
      return "this flow collection is not closed; expected ']' or '}'"
    case .expectedFlowSeparator(let closing):
      return "expected ',' or '\(closing)' in the flow collection"
    case .emptyFlowEntry:
      return "an empty entry in a flow collection; expected a value before ','"
    case .blockCollectionInFlow:
      return "block syntax ('- ', '|', '>') inside a flow collection; expected a flow value"
    case .documentMarkerInFlow:
      return "a document marker inside a flow collection; expected it to be closed first"
    }
  }
}

extension String {
  /// The string with zeros in front up to `width` characters (`"A0"` to `"00A0"`).
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
