import Foundation
import RunbookCore
import YAMLLite

/// A test of a runbook: a fixed clock, answers as in an answers file, and the outcomes the
/// runbook must produce from them (`Runbooks/tests/RUNBOOK-ID/NAME.yaml`).
///
/// ```yaml
/// scenario: circleci-2023-full-rotation
/// runbook: ci-cd-secrets-exposure
/// recorded: '2023-01-05T09:00:00Z'
/// answers: { uses_platform: yes }
/// sent: { initial-report: '2023-01-06T10:00:00Z' }
/// expect:
///   severity: high
///   actions: [rotate-ci-secrets]
///   due: { rotate-ci-secrets: '2023-01-06T08:00:00Z' }
/// ```
///
/// Every expectation keeps where it was written, so a failure points at its line.
package struct Scenario: Sendable, Equatable {
  /// The scenario's name (`scenario:`).
  package var name: String
  package var description: String?
  /// The id of the runbook under test, and where it was written.
  package var runbookID: String
  package var runbookLocation: SourceLocation
  /// For a library scenario (`obligations: library` and `facts:` instead of `runbook:` and
  /// `answers:`), the files it uses; `runbookID` is then ``ObligationLibrary/runbookID`` and
  /// `answers` holds the facts.
  package var obligations: ObligationSelection? = nil
  /// The fixed clock: the record's creation time and what `now` means.
  package var recorded: Date
  package var responder: String?
  /// The answers, read exactly as an answers file's.
  package var answers: AnswersFile
  /// Notifications marked sent, by id, for chained (`ID.sent`) due times.
  package var sent: [SentNotification]
  /// What the outcomes must be, in the order written.
  package var expectations: [Expectation]
  /// The file the scenario came from, as given.
  package var file: String
  /// `item-fields:`: the per-item fields an inventory would give (see `Runbook.itemFields`).
  package var itemFields: [String: [String: [String: String]]] = [:]
}

/// A notification a scenario marks as sent, and when.
package struct SentNotification: Sendable, Equatable {
  package var id: String
  package var at: Date
  package var location: SourceLocation
}

/// One thing a scenario expects of the outcomes, with where it was written.
package struct Expectation: Sendable, Equatable {
  /// What is expected.
  package enum Kind: Sendable, Equatable {
    /// `severity: high`.
    case severity(SeverityLevel)
    /// `decision: '...'`: the exact headline after templating.
    case decision(String)
    /// `decision-contains: '...'`: a substring of the headline.
    case decisionContains(String)
    /// An item of `actions:` (true) or `actions-absent:` (false).
    case action(String, applies: Bool)
    /// An item of `notifications:` (true) or `notifications-absent:` (false).
    case notification(String, applies: Bool)
    /// An entry of `due:`: an action's or notification's due time.
    case due(String, DueExpectation)
    /// `threat-model: yes` or `no`: whether the incident changes our threat model.
    case threatModel(Bool)
    /// `rotate: yes` or `no`: whether any required action is of a kind that changes a credential
    /// (rotate, revoke or reset), the report's "Do we rotate credentials?".
    case rotate(Bool)
    /// An item of `not-required:`: an action or notification not required, with a reason.
    case notRequired(String)
    /// An item of `undetermined:`: an action or notification not yet determined.
    case undetermined(String)
  }

  package var kind: Kind
  /// Where the expected value (or, for `due`, the id) was written.
  package var location: SourceLocation

  package init(_ kind: Kind, at location: SourceLocation) {
    self.kind = kind
    self.location = location
  }
}

/// An expected due time: an absolute UTC time, or `pending` (a chained due time whose anchor is
/// not set).
package enum DueExpectation: Sendable, Equatable {
  case at(Date)
  case pending
}
