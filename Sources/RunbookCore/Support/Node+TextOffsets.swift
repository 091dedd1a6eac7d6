import YAMLLite

extension Node {
  /// The file position of the `Character` at `offset` in this scalar's text, as well as the
  /// scalar's form allows; use it to place an `ExpressionError`, `ExpressionDiagnostic`,
  /// `TemplateError` or `DueRuleError` in the runbook file.
  ///
  /// - A plain scalar on one line: the node's column plus `offset`.
  /// - A single- or double-quoted scalar on one line with no escapes or doubled quotes in the
  ///   source: one more column for the opening quote.
  /// - Anything else (block scalars, folded or multi-line text, escapes, collections): the node's
  ///   own location, since the text no longer maps column for column onto the source.
  ///
  /// The YAML parser is written elsewhere; this relies only on `Node.location` being where the
  /// scalar starts (its opening quote, for a quoted scalar).
  package func location(ofTextOffset offset: Int) -> SourceLocation {
    // A plain scalar's text starts where the node does, on one line or not: no need to look at
    // the text (an answers file asks this of every value).
    if offset == 0, case .scalar(let scalar) = content, scalar.style == .plain { return location }
    guard offset >= 0, let mapping = textColumnMapping, offset <= mapping.count else {
      return location
    }
    var shifted = mapping.first
    shifted.column += offset
    return shifted
  }

  /// How this scalar's text maps onto the source (see ``location(ofTextOffset:)``): where
  /// offset 0 is, and the last offset that maps column for column (the text's length); nil
  /// when every offset maps to the node's own location.
  package var textColumnMapping: (first: SourceLocation, count: Int)? {
    guard case .scalar(let scalar) = content else { return nil }
    let text = scalar.text
    // The checks look at UTF-8 bytes (quotes, backslashes and ASCII breaks are single bytes);
    // only text with other bytes needs `Character`s, for the other line breaks and the count.
    let isASCII = !text.utf8.contains { $0 >= 0x80 }
    let hasBreak =
      isASCII
      ? text.utf8.contains { (0x0A...0x0D).contains($0) } : text.contains(where: \.isNewline)
    guard !hasBreak else { return nil }
    let count = isASCII ? text.utf8.count : text.count
    var first = location
    switch scalar.style {
    case .plain:
      break
    case .singleQuoted where !text.utf8.contains(UInt8(ascii: "'")):
      first.column += 1
    case .doubleQuoted
    where !text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }):
      first.column += 1
    default:
      return nil
    }
    return (first, count)
  }
}
