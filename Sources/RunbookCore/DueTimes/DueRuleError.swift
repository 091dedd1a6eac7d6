/// Why a `due` text was refused, and where (`Character` offset, 0-based).
package typealias DueRuleError = TextError<DueRuleErrorKind>

/// What went wrong.
package enum DueRuleErrorKind: TextProblem {
  /// The text is empty.
  case emptyRule
  /// The first word is neither `immediately` nor a whole number; `suggestion` is
  /// `immediately` when the word looks like a misspelling of it.
  case badNumber(String, suggestion: String?)
  /// The count is 0: use `immediately`, or a count of 1 or more.
  case zeroAmount
  /// The count is larger than `DueRule.maximumAmount`.
  case amountTooLarge(String)
  /// A number with no unit after it.
  case missingUnit
  /// A word that names no unit; `suggestion` is replacement text (`hours`, `8 weeks`).
  case unknownUnit(String, suggestion: String?)
  /// `after` is missing; `found` is the word in its place (nil at the end of the text).
  case missingAfter(found: String?)
  /// Nothing after `after`.
  case missingAnchor
  /// An anchor that is not an id, `recorded` or `ID.sent`.
  case badAnchor(String)
  /// Words after the anchor (or after `immediately`).
  case unexpectedText(String)

  static let form = "'immediately' or 'N UNIT after NAME' (72 hours after discovered_at)"
  static let units = "minutes, hours (h), days (d), weeks (w), months or business days"

  /// What went wrong and what was expected.
  package var message: String {
    switch self {
    case .emptyRule:
      return "the due time is empty; expected \(Self.form)"
    case .badNumber(let found, let suggestion):
      if suggestion != nil {
        return "'\(found)' is not a due time" + Suggestion.didYouMean(suggestion)
      }
      return "'\(found)' is not a whole number; expected \(Self.form)"
    case .zeroAmount:
      return "a due time of 0 counts nothing; write 'immediately' or a count of 1 or more"
    case .amountTooLarge(let found):
      return "'\(found)' is too large; the count may be at most \(DueRule.maximumAmount)"
    case .missingUnit:
      return "the number has no unit; expected \(Self.units)"
    case .unknownUnit(let found, let suggestion):
      let hint = Suggestion.didYouMean(suggestion)
      return "'\(found)' is not a unit; expected \(Self.units)\(hint)"
    case .missingAfter(let found):
      let what = found.map { "'\($0)'" } ?? "the end of the text"
      return "expected 'after' and what the time counts from; found \(what)"
    case .missingAnchor:
      return "expected what the time counts from after 'after': a date or datetime question id, "
        + "'recorded', or a notification id followed by '.sent'"
    case .badAnchor(let found):
      return "'\(found)' is not an anchor; expected a date or datetime question id, 'recorded', "
        + "or a notification id followed by '.sent'"
    case .unexpectedText(let found):
      return "unexpected '\(found)' after the due time; expected the end of the text"
    }
  }
}
