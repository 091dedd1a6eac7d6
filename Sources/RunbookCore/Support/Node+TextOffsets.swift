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
  public func location(ofTextOffset offset: Int) -> SourceLocation {
    guard case .scalar(let scalar) = content, !scalar.text.contains(where: \.isNewline),
      offset >= 0, offset <= scalar.text.count
    else { return location }
    var shifted = location
    switch scalar.style {
    case .plain:
      shifted.column += offset
    case .singleQuoted where !scalar.text.contains("'"):
      shifted.column += offset + 1
    case .doubleQuoted where !scalar.text.contains(where: { $0 == "\"" || $0 == "\\" }):
      shifted.column += offset + 1
    default:
      return location
    }
    return shifted
  }
}
