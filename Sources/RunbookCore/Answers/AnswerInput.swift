/// An answer as a person or a file gave it, before it is read by the question's type.
package enum AnswerInput: Sendable, Equatable {
  /// One piece of text: typed at a prompt, or a scalar in an answers file.
  case text(String)
  /// Several items: a list in an answers file, or lines typed for a `list` question.
  case items([String])
}

/// Why an answer was refused, in words for the person who gave it.
package struct AnswerProblem: Error, Sendable, Equatable {
  package enum Kind: String, Sendable, Equatable {
    case empty, wrongType, outOfRange, patternMismatch, unknownChoice, looksLikeSecret
  }

  package var kind: Kind
  package var message: String

  package init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }
}
