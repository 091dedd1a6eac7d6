import Foundation
import RunbookCore

/// An incident record (`triage-record/1`, docs/record-format.md) as typed values.
///
/// Records are read from JSON at one point, ``init(json:)``, and written at one point,
/// ``jsonValue`` (both in `IncidentRecord+JSON.swift`). Every member but `format` and `id` is
/// optional: records made by hand or by early versions lack some of them, and a member that is
/// absent on reading stays absent on writing, so a record written by `triage` reads back and
/// writes out to the same bytes (and the same hash).
package struct IncidentRecord: Sendable, Equatable {
  /// The format this type reads and writes.
  package static let format = "triage-record/1"

  /// The record's id, also in its file name.
  package var id: String
  /// When it was made.
  package var createdAt: Date?
  /// The runbook it was made with.
  package var runbook: RunbookReference?
  /// Who answered.
  package var responder: String?
  /// How the answers were given.
  package var mode: RecordBuilder.Mode?
  /// The draft the run was resumed from, when it was (`triage run --resume`).
  package var resumedFrom: ResumedFrom?
  /// The record's Traffic Light Protocol marking.
  package var tlp: TLP?
  /// Every asked question's answer, in the order asked.
  package var answers: [NamedValue]?
  /// The questions as shown, with their answers and times.
  package var trail: [TrailEntry]?
  /// Answers given for questions that were not asked.
  package var unused: [NamedValue]?
  /// The runbook's `derive` values.
  package var derived: [NamedValue]?
  /// The severity level.
  package var severity: SeverityLevel?
  /// The headline.
  package var decision: String?
  /// The actions that apply.
  package var actions: [Action]?
  /// The notifications that apply.
  package var notifications: [Notification]?
  /// Whether the incident changes our threat model, and why (absent in older records, and when
  /// the runbook states no `threat-model` rules).
  package var threatModel: ThreatModel?
  /// The actions and notifications not required, with reasons (absent when none, and in older
  /// records).
  package var notRequired: [UnrequiredItem]?
  /// The actions and notifications not yet determined, with what is missing (absent when none).
  package var undetermined: [UnrequiredItem]?
  /// The day whose law the obligations library was applied as of (`law_as_of`, the day of
  /// `aware_at`); absent when the runbook uses no library, and in older records.
  package var lawAsOf: String?
  /// The inventory that answered questions (`run --vendor`), or nil.
  package var inventory: InventoryReference?
  /// The package scans (`triage-affected/1` JSON) that answered questions, as evidence.
  package var scans: [JSONValue]?
  /// The record this one revises (`triage run --revises`), by id and hash; nil otherwise.
  package var revises: Revises?
  /// What changed in the outcomes since the revised record (`changes`); nil when not a revision.
  package var changes: [Change]?
  /// The ids of the revised record's open items still open in this one (`carried`).
  package var carried: [String]?
  /// The parents and hash the archive store adds when it writes the record.
  package var integrity: Integrity?

  /// Creates a record; members left nil are absent from its JSON.
  package init(
    id: String, createdAt: Date? = nil, runbook: RunbookReference? = nil, responder: String? = nil,
    mode: RecordBuilder.Mode? = nil, tlp: TLP? = nil, answers: [NamedValue]? = nil,
    trail: [TrailEntry]? = nil, unused: [NamedValue]? = nil, derived: [NamedValue]? = nil,
    severity: SeverityLevel? = nil, decision: String? = nil, actions: [Action]? = nil,
    notifications: [Notification]? = nil, integrity: Integrity? = nil
  ) {
    self.id = id
    self.createdAt = createdAt
    self.runbook = runbook
    self.responder = responder
    self.mode = mode
    self.tlp = tlp
    self.answers = answers
    self.trail = trail
    self.unused = unused
    self.derived = derived
    self.severity = severity
    self.decision = decision
    self.actions = actions
    self.notifications = notifications
    self.integrity = integrity
  }

  /// `resumed_from`: the draft a run continued, `{draft, saved_at}`.
  ///
  /// The draft's answers were re-read like typed ones, but their times come from the draft
  /// file, which anyone could have edited; this says so in the record.
  package struct ResumedFrom: Sendable, Equatable {
    /// The draft's file name, such as `20260401T093000Z-1a2b3c4d.json`.
    package var draft: String
    /// When the draft says it was saved (no later than when it was resumed).
    package var savedAt: Date

    /// Creates the member.
    package init(draft: String, savedAt: Date) {
      self.draft = draft
      self.savedAt = savedAt
    }
  }

  /// The runbook a record was made with: `{id, version, sha256}`.
  package struct RunbookReference: Sendable, Equatable {
    /// The runbook's id.
    package var id: String
    /// Its version.
    package var version: String
    /// The SHA-256 of the runbook file's bytes.
    package var sha256: String

    /// Creates a reference.
    package init(id: String, version: String, sha256: String) {
      self.id = id
      self.version = version
      self.sha256 = sha256
    }
  }

  /// `integrity`: the hashes of the heads the writer saw, its report's hash, and the record's
  /// own hash.
  package struct Integrity: Sendable, Equatable {
    /// The parents' hashes, sorted.
    package var parents: [String]
    /// The SHA-256 of the Markdown report beside the record (`report_sha256`); nil in records
    /// written before reports were covered.
    package var reportSHA256: String?
    /// The SHA-256 of the record's canonical JSON without `integrity.sha256`.
    package var sha256: String

    /// Creates an integrity member.
    package init(parents: [String], reportSHA256: String? = nil, sha256: String) {
      self.parents = parents
      self.reportSHA256 = reportSHA256
      self.sha256 = sha256
    }
  }

  /// A member of `answers`, `unused` or `derived`: a name and its value.
  package struct NamedValue: Sendable, Equatable {
    /// The question id or `derive` name.
    package var name: String
    /// The value.
    package var value: RecordValue

    /// Creates a named value.
    package init(name: String, value: RecordValue) {
      self.name = name
      self.value = value
    }
  }
}
