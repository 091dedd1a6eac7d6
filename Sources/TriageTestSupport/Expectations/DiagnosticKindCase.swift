import RunbookCore
import Testing

/// One row of a table of diagnostic kinds: the kind, the code and the message it should word,
/// and the row's place in the test source, so that a failure points at its row.
package struct DiagnosticKindCase: CustomTestStringConvertible, Sendable {
  package var kind: any DiagnosticKind
  package var code: String
  package var message: String
  package var sourceLocation: Testing.SourceLocation
  package var testDescription: String { "\(code): \(message)" }

  package init(
    _ kind: any DiagnosticKind, _ code: String, _ message: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    self.kind = kind
    self.code = code
    self.message = message
    self.sourceLocation = sourceLocation
  }

  /// Expects the kind to word exactly this row's code and message.
  package func expectWordsItsFacts() {
    #expect(kind.code == code, sourceLocation: sourceLocation)
    #expect(kind.message == message, sourceLocation: sourceLocation)
  }
}
