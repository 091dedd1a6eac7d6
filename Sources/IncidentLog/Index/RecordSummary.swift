/// What `archive list`, `follow-ups`, `due`, `calendar` and `stats` need of one record, with
/// its amendments applied: one entry of the summary index (``SummaryIndex``).
///
/// Made from a ``RecordState`` only, so a command gives the same answer from the index as from
/// the record's files.
package struct RecordSummary: Sendable, Equatable {
  /// The record's file.
  package var location: DocumentLocation
  /// `created_at` as written, or "".
  package var createdAt: String
  /// The severity level, or "".
  package var severity: String
  /// The headline, or "".
  package var decision: String
  /// The TLP marking, or "".
  package var tlp: String
  /// Who answered, or "".
  package var responder: String
  /// The runbook's id, or "".
  package var runbookID: String
  /// Whether a `close` amendment names the record.
  package var isClosed: Bool
  /// The id of the record this one revises, if any.
  package var revises: String?
  /// The record that revises this one, named by a `superseded` amendment, if any.
  package var supersededBy: String?
  /// How many of its actions are open (closed or not).
  package var openActions: Int
  /// How many of its notifications are open (closed or not).
  package var openNotifications: Int
  /// Its open items, for the follow-up commands.
  package var followUps: FollowUpSource

  /// The summary of a record's state.
  package init(_ state: RecordState) {
    location = state.stored.location
    createdAt = state.createdAt
    severity = state.severity
    decision = state.decision
    tlp = state.tlp
    responder = state.responder
    runbookID = state.runbookID
    isClosed = state.isClosed
    revises = state.record.revises?.id
    supersededBy = state.supersededBy
    openActions = state.actions.filter(\.isOpen).count
    openNotifications = state.notifications.filter(\.isOpen).count
    followUps = FollowUpSource(state)
  }

  /// The record's id.
  package var id: String { location.id }
  /// `open` or `closed`.
  package var status: String { isClosed ? "closed" : "open" }
}
