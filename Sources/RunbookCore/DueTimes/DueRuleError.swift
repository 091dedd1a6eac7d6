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
  /// A keyword is missing: `of` after `earliest`; `found` is the word in its place.
  case missingWord(String, after: String, found: String?)
  /// `earliest of` with a single rule.
  case earliestOfNeedsTwo
  /// Nothing where a rule of an `earliest of` should be (after `of`, or after a `;`).
  case missingRule
  /// A word after a rule of an `earliest of` that is not `;`.
  case missingSeparator(found: String)
  /// `by HH:MM ZONE` after a count of minutes or hours.
  case cutOffNeedsWholeDays(unit: String)
  /// `after year-end of` after a count of minutes or hours.
  case yearEndNeedsWholeDays(unit: String)
  /// `by` with nothing after it.
  case missingCutOffTime
  /// A cut-off time that is not `HH:MM` from 00:00 to 23:59.
  case badCutOffTime(String)
  /// A cut-off time with no zone after it.
  case missingTimeZone
  /// A zone name Foundation does not know; `suggestion` is the nearest known name.
  case unknownTimeZone(String, suggestion: String?)

  static let form =
    "'immediately', 'N UNIT after NAME' (72 hours after discovered_at) or 'earliest of RULE; RULE'"
  static let wholeDays = "days, weeks, months or business days"
  static let zoneExamples = "America/New_York, Europe/Berlin or UTC"
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
    case .missingWord(let expected, let previous, let found):
      let what = found.map { "'\($0)'" } ?? "the end of the text"
      return "expected '\(expected)' after '\(previous)'; found \(what)"
    case .earliestOfNeedsTwo:
      return "'earliest of' needs two or more rules separated by ';' "
        + "(earliest of 4 hours after classified_at; 24 hours after discovered_at)"
    case .missingRule:
      return "expected a rule here: \(Self.form)"
    case .missingSeparator(let found):
      return "unexpected '\(found)'; expected ';' and the next rule, or the end of the text"
    case .cutOffNeedsWholeDays(let unit):
      return "a cut-off ('by HH:MM ZONE') sets the time of day on the due day, so it needs "
        + "\(Self.wholeDays), not \(unit)"
    case .yearEndNeedsWholeDays(let unit):
      return "'year-end of' counts whole days from the end of the year; expected "
        + "\(Self.wholeDays), not \(unit)"
    case .missingCutOffTime:
      return "expected a time of day and a time zone after 'by' (by 17:30 America/New_York)"
    case .badCutOffTime(let found):
      return "'\(found)' is not a time of day; expected HH:MM from 00:00 to 23:59"
    case .missingTimeZone:
      return "expected a time zone after the time: an IANA name such as \(Self.zoneExamples)"
    case .unknownTimeZone(let found, let suggestion):
      return "'\(found)' is not a known time zone; expected an IANA name such as "
        + "\(Self.zoneExamples)\(Suggestion.didYouMean(suggestion))"
    }
  }
}
