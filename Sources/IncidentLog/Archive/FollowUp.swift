import Foundation
import RunbookCore

/// One open action or notification of an open record, with its due time worked out.
package struct FollowUp: Sendable, Equatable {
  /// The record's id.
  package var record: String
  /// The record's runbook id.
  package var runbook: String
  /// The record's severity.
  package var severity: String
  /// The action or notification.
  package var item: FollowUpItem
  /// The due time, when known (recorded, or computed for a chained deadline whose anchor was
  /// sent).
  package var due: Date?
  /// Whether `due` is before now.
  package var isOverdue: Bool
  /// Why there is no due time or how it was found (`pending until authority is sent`), if
  /// worth saying.
  package var remark: String?

  /// Creates a follow-up.
  package init(
    record: String, runbook: String, severity: String, item: FollowUpItem, due: Date?,
    isOverdue: Bool, remark: String?
  ) {
    self.record = record
    self.runbook = runbook
    self.severity = severity
    self.item = item
    self.due = due
    self.isOverdue = isOverdue
    self.remark = remark
  }

  /// What is known about a runbook's holiday calendar, for business-day chained deadlines.
  package enum CalendarLookup: Sendable {
    /// The runbook was found; it names this calendar, or none.
    case found(HolidayCalendar?)
    /// The runbook could not be found or loaded.
    case runbookNotFound
  }

  /// The open follow-ups of `state` (none when it is closed or superseded by a revision, which
  /// carries them), in the record's order; an item not yet determined is one, without a due
  /// time, remarked `to determine: <because>`.
  ///
  /// - Parameters:
  ///   - state: a record with its amendments applied.
  ///   - now: the time overdue is measured against.
  ///   - calendar: the holiday calendar of a runbook id; asked only for a business-day rule.
  package static func followUps(
    of state: RecordState, now: Date, calendar: (String) -> CalendarLookup
  ) -> [FollowUp] {
    followUps(of: FollowUpSource(state), now: now, calendar: calendar)
  }

  /// The open follow-ups of a record kept as a ``FollowUpSource`` (in the summary index), as
  /// the form taking a ``RecordState`` finds them.
  package static func followUps(
    of source: FollowUpSource, now: Date, calendar: (String) -> CalendarLookup
  ) -> [FollowUp] {
    source.items.map { item in
      let (due, remark) = dueTime(of: item, in: source, calendar: calendar)
      return FollowUp(
        record: source.record, runbook: source.runbook, severity: source.severity, item: item,
        due: due, isOverdue: due.map { $0 < now } ?? false, remark: remark)
    }
  }

  /// Whether `left` comes before `right` in the order follow-ups are listed in: overdue first
  /// (most overdue first), then by due time, then those without one.
  ///
  /// Items due at the same time keep the order they had (the standard library's sort is
  /// stable): sorted from record order, ties stay in record and then item order.
  package static func isOrderedBefore(_ left: FollowUp, _ right: FollowUp) -> Bool {
    switch (left.due, right.due) {
    case (let a?, let b?): return a < b
    case (.some, nil): return true
    default: return false
    }
  }

  private static func dueTime(
    of item: FollowUpItem, in state: FollowUpSource, calendar: (String) -> CalendarLookup
  ) -> (Date?, String?) {
    if item.isUndetermined { return (nil, "to determine: \(item.note ?? "")") }
    if let text = item.due, let date = UTCTimestamp.date(from: text) { return (date, nil) }
    guard item.due == "pending", let ruleText = item.dueRule else { return (nil, nil) }
    guard let rule = try? DueRule.parse(ruleText) else {
      return (nil, "pending: cannot read due rule '\(ruleText)'")
    }
    guard case .sent(let anchorID) = rule.anchor else { return (nil, "pending (\(ruleText))") }
    // A repeated notification's chained deadline counts from the same item's anchor.
    let itemAnchor = RepeatedItem.split(item.id).map { RepeatedItem.expand(anchorID, key: $0.key) }
    guard
      let sentAt = (itemAnchor.flatMap(state.notification) ?? state.notification(anchorID))?
        .sentAt
    else {
      return (nil, "pending until \(anchorID) is sent (\(ruleText))")
    }
    guard rule.unit == .businessDays else {
      return (rule.dueDate(from: sentAt, calendar: nil), ruleText)
    }
    switch calendar(state.runbook) {
    case .found(let holidays):
      return (rule.dueDate(from: sentAt, calendar: holidays), ruleText)
    case .runbookNotFound:
      return (
        rule.dueDate(from: sentAt, calendar: nil),
        "\(ruleText); runbook \(state.runbook) not found, so holidays are not counted"
      )
    }
  }
}
