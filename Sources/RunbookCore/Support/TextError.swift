/// What went wrong inside one text a runbook holds (an expression, a template, a due time), as
/// facts that know how to put themselves into words.
package protocol TextProblem: Sendable, Equatable {
  /// What went wrong and what was expected, without the position.
  var message: String { get }
}

/// A problem at a place inside one text a runbook holds.
///
/// The text is an expression (`ExpressionError`, and the checker's `ExpressionDiagnostic`), a
/// template (`TemplateError`) or a due time (`DueRuleError`); each of those is this type with its
/// own kind of problem.
///
/// `offset` counts `Character`s from the start of the text (0-based) and `length` how many the
/// problem covers (0 at the end of the text); the loader turns them into a `SourceLocation` with
/// the scalar's `TextOrigin`. (`PatternError` is not one of them: it has no length, and its
/// description is `N: message`, which `lint` prints for `pattern`.)
package struct TextError<Problem: TextProblem>: Error, Sendable, Equatable,
  CustomStringConvertible
{
  /// What went wrong: `DueRuleError.Kind` is `DueRuleErrorKind`.
  package typealias Kind = Problem

  package var kind: Kind
  /// The `Character` offset (0-based) in the text.
  package var offset: Int
  /// How many characters the problem covers.
  package var length: Int

  package init(_ kind: Kind, offset: Int, length: Int) {
    self.kind = kind
    self.offset = offset
    self.length = length
  }

  package init(_ kind: Kind, range: Range<Int>) {
    self.init(kind, offset: range.lowerBound, length: range.count)
  }

  /// What went wrong and what was expected, without the position.
  package var message: String { kind.message }

  /// `offset N: message`.
  package var description: String { "offset \(offset): \(message)" }
}
