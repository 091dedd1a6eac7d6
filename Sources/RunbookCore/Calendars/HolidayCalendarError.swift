import YAMLLite

/// Why a holiday calendar file was refused, and where.
package struct HolidayCalendarError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  package enum Kind: Sendable, Equatable {
    /// The document is not a mapping.
    case notAMapping
    /// A required key (`calendar`, `dates`) is absent.
    case missingKey(String)
    /// A top-level key other than `calendar`, `title`, `dates`, with the nearest one.
    case unknownKey(String, suggestion: String?)
    /// `calendar` or `title` is not a single line of text.
    case notText(key: String)
    /// The calendar id is not lower-case kebab (`us-federal`).
    case badCalendarName(String)
    /// `dates` is neither a mapping of date to name nor a list of dates.
    case datesNotCollection
    /// A date that is not `YYYY-MM-DD` (or does not exist, like `2026-02-30`).
    case badDate(String)
    /// A date given twice.
    case duplicateDate(String)
  }

  package var kind: Kind
  package var location: SourceLocation

  package init(_ kind: Kind, at location: SourceLocation) {
    self.kind = kind
    self.location = location
  }

  /// What went wrong and what was expected.
  package var message: String {
    switch kind {
    case .notAMapping:
      return "a holiday calendar is a mapping with 'calendar', 'title' and 'dates'"
    case .missingKey(let key):
      return "the holiday calendar has no '\(key)'"
    case .unknownKey(let key, let suggestion):
      let hint = Suggestion.didYouMean(suggestion)
      return "unknown key '\(key)'; a holiday calendar has 'calendar', 'title' and 'dates'\(hint)"
    case .notText(let key):
      return "'\(key)' must be a single line of text"
    case .badCalendarName(let name):
      return "'\(name)' is not a calendar id; expected lower-case words joined by '-' (us-federal)"
    case .datesNotCollection:
      return "'dates' must map each date to its holiday's name (2026-01-01: New Year's Day)"
    case .badDate(let text):
      return "'\(text)' is not a date; expected YYYY-MM-DD (2026-01-01)"
    case .duplicateDate(let text):
      return "the date \(text) is listed twice"
    }
  }

  /// `file:line:column: message`.
  package var description: String { "\(location): \(message)" }
}
