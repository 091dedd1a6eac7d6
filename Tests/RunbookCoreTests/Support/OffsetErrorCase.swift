import Testing

/// One row of a table of refusals: the text, the kind of error it is refused with, and the
/// offset and length of the part the error points at.
struct OffsetErrorCase<Kind: Sendable>: Sendable, CustomTestStringConvertible {
  var text: String
  var kind: Kind
  var offset: Int
  var length: Int
  var testDescription: String { text.debugDescription }
}

extension OffsetErrorCase {
  /// Expects `parse` to refuse the text with the error `expected` makes from this row's kind,
  /// offset and length.
  func expectRefusal<Value, Failure: Error & Equatable>(
    by parse: (String) throws(Failure) -> Value,
    as expected: (Kind, _ offset: Int, _ length: Int) -> Failure,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    do {
      let value = try parse(text)
      Issue.record("parsed as \(value)", sourceLocation: sourceLocation)
    } catch {
      #expect(error == expected(kind, offset, length), sourceLocation: sourceLocation)
    }
  }
}
