/// A `pattern` of a text question, compiled once when the runbook loads and used for every
/// answer; an answer must match in full.
///
/// The syntax is the part of regular expressions that ECMAScript (JSON Schema validators, which
/// read the schema `triage answers-schema` writes), PCRE and Swift agree on: see
/// ``PatternSyntax``. Matching is our own (``PatternProgram``): linear in the answer's length,
/// and much cheaper to set up than Swift's `Regex`, which cost more than the rest of loading a
/// runbook.
package struct TextPattern: Sendable, Equatable, CustomStringConvertible {
  /// The pattern as written.
  package let source: String
  private let program: PatternProgram

  /// Compiles `source`.
  ///
  /// - Throws: `PatternError` at the first problem, with its `Character` offset.
  package init(_ source: String) throws(PatternError) {
    let syntax = try PatternSyntax.parse(source)
    guard let program = PatternProgram(syntax),
      program.instructions.count * AnswerLimit.maximumBytes <= Self.costBudget
    else { throw PatternError(.tooLarge, offset: 0) }
    self.source = source
    self.program = program
  }

  /// The most steps one match may take: the program's size times the longest answer
  /// (``AnswerLimit/maximumBytes``) may not pass 100 million, about a tenth of a second.
  ///
  /// So with 64 KiB answers a program has at most 1,525 instructions: `[A-Z]{2}-\d{4,8}` has
  /// about 20, `\w{1000}` a thousand; a pattern over the budget is refused when the runbook
  /// loads, at the pattern's column.
  package static let costBudget = 100_000_000

  /// Whether all of `text` matches; text longer than ``AnswerLimit/maximumBytes`` never does,
  /// which keeps a match within ``costBudget`` whatever the caller checked.
  package func matchesWhole(_ text: String) -> Bool {
    guard text.utf8.count <= AnswerLimit.maximumBytes else { return false }
    return program.matchesWhole(text)
  }

  package var description: String { source }

  package static func == (lhs: TextPattern, rhs: TextPattern) -> Bool { lhs.source == rhs.source }
}
