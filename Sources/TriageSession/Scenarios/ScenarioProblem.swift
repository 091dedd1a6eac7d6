import Foundation
import RunbookCore

/// What is wrong with a scenario file, or how its runbook's outcomes differ from it.
///
/// Each case carries the facts; `code` and `message` word them.
package enum ScenarioProblem: DiagnosticKind, Equatable {
  // MARK: - Reading the file

  /// The document is not a mapping.
  case notAMapping
  /// A key the mapping `place` ("a scenario", "'expect'") does not have, with the nearest one.
  case unknownKey(String, in: String, suggestion: String?)
  /// A required top-level key that is absent.
  case missingKey(String)
  /// `expect:` is not a mapping.
  case expectNotMapping
  /// `due:` is not a mapping.
  case dueNotMapping
  /// `sent:` is not a mapping.
  case sentNotMapping
  /// An expected severity that names no level.
  case unknownSeverity(String)
  /// The value of `key` is not text.
  case expectedText(key: String)
  /// The value of `key` is not a lower-case kebab id.
  case badID(key: String, found: String)
  /// The value of `key` is not a UTC time.
  case badTime(key: String, found: String)
  /// The value of `key` is not a list of ids.
  case expectedIDList(key: String)
  /// The value of `key` (`threat-model`, `rotate`) is not yes or no.
  case expectedYesNo(key: String, found: String)

  // MARK: - Running it

  /// The scenario names another runbook (`scenarioRunbook`) than the one it runs against.
  case runbookMismatch(scenarioRunbook: String, runbook: String)
  /// An id that names no `noun` ("action", "action or notification") of the runbook.
  case unknownID(String, noun: String, runbook: String, suggestion: String?)
  /// Another severity than expected.
  case unexpectedSeverity(expected: SeverityLevel, got: SeverityLevel)
  /// Another decision than expected.
  case unexpectedDecision(expected: String, got: String)
  /// A decision without the expected text.
  case decisionLacks(String, got: String)
  /// An action or notification (`noun`) that applies when it should not, or the reverse;
  /// `when` is its condition's source.
  case unexpectedPresence(noun: String, id: String, expected: Bool, when: String?)
  /// Another due time than expected for `id`.
  case unexpectedDue(id: String, expected: DueExpectation, found: DueFound)
  /// Another threat-model answer than expected; `got` is nil when no entry matched.
  case unexpectedThreatModel(expected: Bool, got: Bool?)
  /// Another rotation answer than expected; `changes` are the ids of the required credential
  /// changes (rotate, revoke, reset), empty when there are none.
  case unexpectedRotation(expected: Bool, changes: [String])
  /// An action or notification `id` expected to be `expected` ("not required",
  /// "undetermined") that is `got` ("required", "not applicable", ...).
  case unexpectedOutcomeState(id: String, expected: String, got: String)

  /// What a due time turned out to be, when it was not the expected one.
  package enum DueFound: Sendable, Equatable {
    /// The action or notification (`noun`) does not apply; `when` is its condition's source.
    case notApplying(noun: String, when: String?)
    /// Its due state, and the rule's text.
    case state(DueState, rule: String?)
  }

  package var code: String {
    switch self {
    case .notAMapping, .expectNotMapping, .dueNotMapping, .sentNotMapping: "expected-mapping"
    case .unknownKey: "unknown-key"
    case .missingKey: "missing-key"
    case .unknownSeverity: "unknown-severity"
    case .expectedText: "expected-text"
    case .badID: "bad-id"
    case .badTime: "bad-time"
    case .expectedIDList: "expected-list"
    case .expectedYesNo: "expected-boolean"
    case .runbookMismatch: "runbook-mismatch"
    case .unknownID(_, let noun, _, _):
      "unknown-" + noun.split(separator: " ").joined(separator: "-")
    case .unexpectedSeverity: "unexpected-severity"
    case .unexpectedDecision, .decisionLacks: "unexpected-decision"
    case .unexpectedPresence(let noun, _, let expected, _):
      expected ? "missing-\(noun)" : "unexpected-\(noun)"
    case .unexpectedDue: "unexpected-due"
    case .unexpectedThreatModel: "unexpected-threat-model"
    case .unexpectedRotation: "unexpected-rotation"
    case .unexpectedOutcomeState: "unexpected-outcome"
    }
  }

  package var message: String {
    switch self {
    case .notAMapping:
      "a scenario is a mapping with 'scenario:', 'runbook:', 'recorded:', 'answers:' and 'expect:'"
    case .unknownKey(let key, let place, let suggestion):
      "unknown key '\(key)' in \(place)" + Suggestion.didYouMean(suggestion)
    case .missingKey(let key):
      "a scenario needs '\(key):'"
    case .expectNotMapping:
      "'expect' must be a mapping of outcomes"
    case .dueNotMapping:
      "'due' must map action or notification ids to UTC times"
    case .sentNotMapping:
      "'sent' must map notification ids to UTC times"
    case .unknownSeverity(let text):
      "'\(text)' is not a severity; use one of "
        + SeverityLevel.allCases.map(\.rawValue).joined(separator: ", ")
    case .expectedText(let key):
      "'\(key)' must be text"
    case .badID(let key, let found):
      "'\(key)' must be a lower-case kebab id, not '\(found)'"
    case .badTime(let key, let found):
      "\(key): expected a UTC time like 2026-04-01T09:30:00Z, not '\(found)'"
    case .expectedIDList(let key):
      "'\(key)' must be a list of ids"
    case .expectedYesNo(let key, let found):
      "'\(key)' must be yes or no, not '\(found)'"
    case .runbookMismatch(let scenarioRunbook, let runbook):
      "this scenario is for runbook '\(scenarioRunbook)', not '\(runbook)'"
    case .unknownID(let id, let noun, let runbook, let suggestion):
      "unknown \(noun) '\(id)' in runbook '\(runbook)'" + Suggestion.didYouMean(suggestion)
    case .unexpectedSeverity(let expected, let got):
      "expected severity \(expected.rawValue), got \(got.rawValue)"
    case .unexpectedDecision(let expected, let got):
      "expected decision \(Self.quoted(expected)), got \(Self.quoted(got))"
    case .decisionLacks(let text, let got):
      "expected the decision to contain \(Self.quoted(text)), got \(Self.quoted(got))"
    case .unexpectedPresence(let noun, let id, true, let when):
      "expected \(noun) '\(id)', but it does not apply" + Self.condition(when)
    case .unexpectedPresence(let noun, let id, false, let when):
      "expected no \(noun) '\(id)', but it applies" + Self.condition(when)
    case .unexpectedDue(let id, let expected, let found):
      "expected \(Self.wanted(id, expected)), \(Self.phrase(found))"
    case .unexpectedThreatModel(let expected, let got):
      "expected threat model changed: \(expected ? "yes" : "no"), got "
        + (got.map { $0 ? "yes" : "no" } ?? "no answer (no threat-model entry matched)")
    case .unexpectedRotation(true, _):
      "expected a credential to rotate, revoke or reset, but no action of those kinds applies"
    case .unexpectedRotation(false, let changes):
      "expected no rotation, but " + changes.map { "'\($0)'" }.joined(separator: ", ")
        + (changes.count == 1 ? " applies" : " apply")
    case .unexpectedOutcomeState(let id, let expected, let got):
      "expected '\(id)' \(expected), but it is \(got)"
    }
  }

  private static func quoted(_ text: String) -> String { "\"\(text)\"" }

  private static func condition(_ when: String?) -> String {
    when.map { " (when: \($0))" } ?? " (it has no condition)"
  }

  private static func wanted(_ id: String, _ expected: DueExpectation) -> String {
    switch expected {
    case .at(let date): "'\(id)' due at \(UTCTimestamp.string(from: date))"
    case .pending: "'\(id)' pending"
    }
  }

  private static func phrase(_ found: DueFound) -> String {
    switch found {
    case .notApplying(let noun, let when):
      return "but the \(noun) does not apply" + condition(when)
    case .state(let state, let rule):
      let phrase = rule.map { " (\($0))" } ?? ""
      switch state {
      case .at(let got, _): return "got \(UTCTimestamp.string(from: got))\(phrase)"
      case .pending(let anchor): return "got pending: it waits for \(anchor)\(phrase)"
      case .none: return "but it has no due time"
      }
    }
  }
}
