/// An answer as a person or a file gave it, before it is read by the question's type.
package enum AnswerInput: Sendable, Equatable {
  /// One piece of text: typed at a prompt, or a scalar in an answers file.
  case text(String)
  /// Several items: a list in an answers file, or lines typed for a `list` question.
  case items([String])
}
