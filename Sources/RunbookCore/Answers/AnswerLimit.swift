/// How long one answer may be: 64 KiB of UTF-8, all items of a list together.
///
/// The bound keeps a pasted log out of the record and makes the cost of checking an answer
/// against a question's `pattern` known when the runbook loads (``TextPattern/costBudget``).
package enum AnswerLimit {
  /// The most UTF-8 bytes one answer may have.
  package static let maximumBytes = 64 << 10

  /// The problem with `input` when it is over the limit, else nil.
  package static func problem(with input: AnswerInput) -> AnswerProblem? {
    let size: Int
    switch input {
    case .text(let text): size = text.utf8.count
    case .items(let items): size = items.reduce(0) { $0 + $1.utf8.count }
    }
    return size > maximumBytes ? .tooLong(limit: maximumBytes) : nil
  }
}
