import RunbookCore

/// What is wrong around a runbook file rather than inside it.
///
/// Its holiday calendar, its id among other runbooks, or a scenario that cannot reach it. Each
/// case carries the facts; `code` and `message` word them.
package enum RunbookFileProblem: DiagnosticKind, Equatable {
  /// The runbook names a holiday calendar no folder has.
  case calendarNotFound(String)
  /// The holiday calendar file does not load.
  case badCalendar(HolidayCalendarError)
  /// The holiday calendar is not a YAMLLite document, or cannot be read: the error's words
  /// (with `name` when the error does not say which file).
  case unreadableCalendar(name: String?, reason: String)
  /// Two runbook files with one id.
  case duplicateRunbookID(String, first: String, second: String)
  /// No runbook with the scenario's id in the folders searched.
  case runbookNotFound(String, folders: [String])
  /// The scenario's runbook did not load: the words of the error that stopped it.
  case runbookNotLoaded(reason: String)
  /// A file found among scenarios that has no `scenario:` key.
  case notAScenario

  package var code: String {
    switch self {
    case .calendarNotFound: "unknown-calendar"
    case .badCalendar, .unreadableCalendar: "bad-calendar"
    case .duplicateRunbookID: "duplicate-runbook-id"
    case .runbookNotFound, .runbookNotLoaded: "runbook-not-loaded"
    case .notAScenario: "not-a-scenario"
    }
  }

  package var message: String {
    switch self {
    case .calendarNotFound(let name):
      "holiday calendar '\(name)' not found: expected calendars/\(name).yaml beside the "
        + "runbook or in a runbooks folder"
    case .badCalendar(let error):
      error.message
    case .unreadableCalendar(let name?, let reason):
      "holiday calendar '\(name)': \(reason)"
    case .unreadableCalendar(nil, let reason):
      reason
    case .duplicateRunbookID(let id, let first, let second):
      "two runbooks have the id '\(id)': \(first) and \(second)"
    case .runbookNotFound(let id, let folders):
      "no runbook with id '\(id)' in \(folders.joined(separator: ", "))"
    case .runbookNotLoaded(let reason):
      reason
    case .notAScenario:
      "not a scenario file: no top-level 'scenario:' key"
    }
  }
}
