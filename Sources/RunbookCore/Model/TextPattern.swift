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
    guard let program = PatternProgram(syntax) else { throw PatternError(.tooLarge, offset: 0) }
    self.source = source
    self.program = program
  }

  /// Whether all of `text` matches.
  package func matchesWhole(_ text: String) -> Bool {
    program.matchesWhole(text)
  }

  package var description: String { source }

  package static func == (lhs: TextPattern, rhs: TextPattern) -> Bool { lhs.source == rhs.source }
}
