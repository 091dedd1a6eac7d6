/// What is wrong with the facts vocabulary, an obligation file, or a runbook's use of them:
/// each case carries the facts, and `code` and `message` word them.
package enum ObligationProblem: DiagnosticKind, Equatable {
  /// Two facts with one name.
  case duplicateFact(String, firstLine: Int)
  /// An `obligations:` id that is not kebab words with at most one `--`.
  case badFileID(String)
  /// A duty id that is not kebab words (with at most the file id's one `--`).
  case badDutyID(String)
  /// A `jurisdiction:` that is no ISO 3166 code, `EU` or `ANY`.
  case badJurisdiction(String)
  /// A date that is not `YYYY-MM-DD`.
  case badDay(key: String, found: String)
  /// The `obligations:` id differs from the file name.
  case fileNameMismatch(id: String, fileName: String)
  /// The `jurisdiction:` differs from the one the file id names.
  case jurisdictionMismatch(String, fileID: String, expected: String)
  /// A duty id that does not start with its file's id and a hyphen.
  case dutyIDPrefix(String, fileID: String)
  /// A duty id used twice in the library.
  case duplicateDuty(String, first: String)
  /// A required text (`citation`, `url`) that is empty.
  case emptyValue(key: String, duty: String)
  /// A `url` that is not http or https.
  case badURL(String)
  /// A due anchor that names no fact.
  case unknownDueAnchor(String, suggestion: String?)
  /// A due anchor that names a fact that is not a datetime.
  case dueAnchorNotDatetime(String, type: FactType)
  /// A due anchor that counts from the record, which a library duty cannot know.
  case dueAnchorRecorded
  /// An `ID.sent` anchor whose ID is no duty of the library.
  case unknownDutyAnchor(String, suggestion: String?)
  /// `in-force-from` after `in-force-until`.
  case inForceOrder(from: String, until: String)
  /// A duty without `due:` that does not quote the statute's words either.
  case noDeadlineQuote(String)
  /// A `fact:` naming no fact of the vocabulary.
  case unknownFact(String, suggestion: String?)
  /// A question whose type cannot answer its fact.
  case factTypeMismatch(question: String, fact: String, factType: FactType, type: QuestionType)
  /// A choice id of a question that is not an id of its fact.
  case choiceNotInFact(String, fact: String, suggestion: String?)
  /// A runbook notification with the id of a library duty.
  case notificationShadowsDuty(String)
  /// `fact:` used or `obligations:` given, but no facts file was found.
  case noFactsFile(searched: [String])
  /// A `holidays:` calendar not found (or not loading) in `calendars/` beside the library.
  case unknownCalendar(String)
  /// An obligation file that could not be read.
  case unreadableFile(String)
  /// An `obligations:` glob that matches no file of the library.
  case globMatchesNothing(String)
  /// An item of a `residents` answer that is not `CODE: COUNT`.
  case badResidents(String)
  /// A `regimes:` value that is not a condition (a list or a mapping).
  case regimeNotCondition(String, found: String)
  /// A `regimes:` file id that names no obligation file.
  case unknownRegimeFile(String, suggestion: String?)

  package var code: String {
    switch self {
    case .duplicateFact, .duplicateDuty: "duplicate-id"
    case .badFileID, .badDutyID, .dutyIDPrefix: "bad-id"
    case .badJurisdiction, .jurisdictionMismatch: "bad-jurisdiction"
    case .badDay, .inForceOrder: "bad-date"
    case .fileNameMismatch: "file-name"
    case .emptyValue, .badURL: "missing-citation"
    case .unknownDueAnchor, .unknownFact, .unknownDutyAnchor: "unknown-name"
    case .dueAnchorNotDatetime, .dueAnchorRecorded: "due-anchor"
    case .noDeadlineQuote: "no-deadline-quote"
    case .factTypeMismatch: "type-mismatch"
    case .choiceNotInFact: "unknown-choice"
    case .regimeNotCondition: "bad-regime"
    case .unknownRegimeFile: "no-library"
    case .notificationShadowsDuty: "duplicate-id"
    case .noFactsFile, .globMatchesNothing, .unreadableFile: "no-library"
    case .unknownCalendar: "calendar-not-found"
    case .badResidents: "bad-residents"
    }
  }

  package var message: String {
    switch self {
    case .duplicateFact(let name, let line):
      "the fact '\(name)' is already defined at line \(line)"
    case .badFileID(let id):
      "'\(id)' is not an obligations id: use the lower-case jurisdiction code, then '--' and a "
        + "regime id when needed, like 'us-tx' or 'eu--gdpr'"
    case .badDutyID(let id):
      "'\(id)' is not a duty id: use lower-case kebab words after the file id, like "
        + "'us-tx-residents' or 'eu--gdpr-authority'"
    case .badJurisdiction(let code):
      "'\(code)' is not a jurisdiction: use an ISO 3166-1 (DE) or 3166-2 (US-TX) code, EU, US "
        + "or ANY, in capitals"
    case .badDay(let key, let found):
      "'\(key)' must be a date like '2026-12-04', not '\(found)'"
    case .fileNameMismatch(let id, let fileName):
      "the obligations id '\(id)' must equal the file name ('\(fileName)')"
    case .jurisdictionMismatch(let code, let fileID, let expected):
      "the file '\(fileID)' names the jurisdiction \(expected), not \(code)"
    case .dutyIDPrefix(let id, let fileID):
      "the duty id '\(id)' must start with its file id, '\(fileID)-'"
    case .duplicateDuty(let id, let first):
      "the duty id '\(id)' is already used in \(first)"
    case .emptyValue(let key, let duty):
      "the duty '\(duty)' needs a '\(key)'"
    case .badURL(let url):
      "'\(url)' is not an http or https address"
    case .unknownDueAnchor(let name, let suggestion):
      "the due anchor '\(name)' is not a fact" + Suggestion.didYouMean(suggestion)
    case .dueAnchorNotDatetime(let name, let type):
      "the due anchor '\(name)' is a \(type.rawValue) fact, not a datetime"
    case .dueAnchorRecorded:
      "a library duty cannot count from 'recorded': name a datetime fact (aware_at) instead"
    case .unknownDutyAnchor(let id, let suggestion):
      "'\(id).sent' names no duty of the library" + Suggestion.didYouMean(suggestion)
    case .inForceOrder(let from, let until):
      "in-force-from (\(from)) is after in-force-until (\(until))"
    case .noDeadlineQuote(let id):
      "the duty '\(id)' has no 'due': quote the statute's words in 'no-fixed-deadline'"
    case .unknownFact(let name, let suggestion):
      "unknown name '\(name)': it is not a fact of the vocabulary (obligations/facts.yaml) nor "
        + "residents_here, residents_max_subdivision, residents_total or jurisdiction"
        + Suggestion.didYouMean(suggestion)
    case .factTypeMismatch(let question, let fact, let factType, let type):
      "the question '\(question)' is a \(type.rawValue) question, but the fact '\(fact)' is a "
        + "\(factType.rawValue): ask it as "
        + factType.questionTypes.map(\.rawValue).joined(separator: " or ")
    case .regimeNotCondition(let id, let found):
      "'\(id)' under regimes: needs a condition over facts, like "
        + "regulated_as has 'sec-registrant', not \(found)"
    case .unknownRegimeFile(let id, let suggestion):
      "'\(id)' under regimes: names no obligation file in the library"
        + Suggestion.didYouMean(suggestion)
    case .choiceNotInFact(let choice, let fact, let suggestion):
      "the choice '\(choice)' is not a value of the fact '\(fact)'"
        + Suggestion.didYouMean(suggestion)
    case .notificationShadowsDuty(let id):
      "the notification '\(id)' has the id of a duty of the obligations library; rename it or "
        + "rely on the library's duty"
    case .noFactsFile(let searched):
      "no obligations/facts.yaml was found (searched \(searched.joined(separator: ", ")))"
    case .unknownCalendar(let name):
      "the holiday calendar '\(name)' is not in calendars/ beside the library (or does not "
        + "load); name one that is, or 'none' for weekends only"
    case .unreadableFile(let path):
      "\(path) cannot be read"
    case .globMatchesNothing(let glob):
      "'\(glob)' matches no obligation file"
    case .badResidents(let message):
      message
    }
  }
}
