import Foundation

extension IncidentRecord {
  /// An entry of `trail`: `{question, asked, answer, at}`, the prompt as shown.
  package struct TrailEntry: Sendable, Equatable {
    /// The question's id.
    package var question: String
    /// The prompt as shown.
    package var asked: String
    /// The answer (`null` when skipped).
    package var answer: RecordValue
    /// When it was answered.
    package var at: Date

    /// Creates a trail entry.
    package init(question: String, asked: String, answer: RecordValue, at: Date) {
      self.question = question
      self.asked = asked
      self.answer = answer
      self.at = at
    }
  }
}
