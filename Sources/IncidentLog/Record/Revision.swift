import Foundation
import RunbookCore

/// A re-triage (`triage run --revises`): the earlier record, as it stands now, and what its
/// revision keeps of it.
///
/// The revision names the earlier record (`revises`), lists what changed in the outcomes
/// (`changes`, see ``RecordChanges``) and which of its open items stay open (`carried`).
/// Items the earlier record settled (sent, done, dropped, not required) keep that state in the
/// revision, so nothing is done twice; open items the revision no longer has are closed on the
/// earlier record by a `superseded` amendment naming the revision. An item of both whose
/// deadline counts from when it was recorded (`immediately`, `1 week after recorded`) keeps
/// the earlier due time: a revision does not extend a deadline already running.
package struct Revision: Sendable, Equatable {
  /// The earlier record with its amendments applied.
  package var earlier: RecordState

  /// A revision of `earlier`.
  package init(of earlier: RecordState) { self.earlier = earlier }

  /// `record` as a revision of the earlier one: `revises`, `changes` and `carried` set, and
  /// the earlier record's settled items settled alike.
  package func applied(to record: IncidentRecord) -> IncidentRecord {
    var revised = record
    revised.revises = IncidentRecord.Revises(id: earlier.id, sha256: earlier.stored.sha256)
    revised.actions = revised.actions?.map { action in
      var action = action
      if let old = earlier.record.actions?.first(where: { $0.id == action.id }),
        Self.countsFromRecording(old.dueRule, action.dueRule)
      {
        action.due = old.due
      }
      return action
    }
    revised.notifications = revised.notifications?.map { notification in
      var notification = notification
      if let old = earlier.record.notifications?.first(where: { $0.id == notification.id }),
        Self.countsFromRecording(old.dueRule, notification.dueRule)
      {
        notification.due = old.due
      }
      return notification
    }
    revised.changes = RecordChanges.between(earlier.record, revised)
    revised.carried = carried(in: record)
    revised.actions = revised.actions?.map { action in
      var action = action
      if let status = earlier.action(action.id)?.status,
        let settled = IncidentRecord.Action.Status(rawValue: status), settled != .open
      {
        action.status = settled
      }
      // An owner given by `archive assign` (or the earlier `--owner`) stays with the action.
      let recorded = earlier.record.actions?.first { $0.id == action.id }?.owner
      if let owner = earlier.action(action.id)?.owner, owner != recorded || action.owner == nil {
        action.owner = owner
      }
      return action
    }
    revised.notifications = revised.notifications?.map { notification in
      var notification = notification
      if let sentAt = earlier.notification(notification.id)?.sentAt {
        notification.status = .sent
        notification.sentAt = sentAt
      }
      return notification
    }
    let declared = (earlier.actions + earlier.notifications).filter(\.isNotRequired).compactMap {
      item -> (item: String, because: String)? in
      let inRevision =
        revised.actions?.contains { $0.id == item.id } == true
        || revised.notifications?.contains { $0.id == item.id } == true
      return inRevision ? (item.id, item.note ?? "") : nil
    }
    if !declared.isEmpty { revised.applyNotRequired(declared) }
    return revised
  }

  /// The earlier record's open items that `record` still has, in the earlier record's order.
  package func carried(in record: IncidentRecord) -> [String] {
    let ids = itemIDs(of: record)
    return openItems.filter { ids.contains($0) }
  }

  /// The earlier record's open items that `record` no longer has: the `superseded` amendment
  /// closes them.
  package func dropped(in record: IncidentRecord) -> [String] {
    let ids = itemIDs(of: record)
    return openItems.filter { !ids.contains($0) }
  }

  /// The `superseded` amendment of the earlier record, naming `revision`.
  package func supersession(
    by revision: IncidentRecord, id: String, responder: String, at time: Date
  ) -> Amendment {
    Amendment(
      id: id, createdAt: time, record: earlier.id, recordSHA256: earlier.stored.sha256,
      responder: responder, change: .superseded(by: revision.id, items: dropped(in: revision)))
  }

  /// Whether both due rules are the same and count only from the record's creation.
  private static func countsFromRecording(_ earlier: String?, _ later: String?) -> Bool {
    guard let earlier, earlier == later, let rule = try? DueRule.parse(earlier) else {
      return false
    }
    return rule.anchors.allSatisfy { $0 == .recorded || $0 == .immediately }
  }

  private var openItems: [String] {
    earlier.isClosed ? [] : (earlier.actions + earlier.notifications).filter(\.isOpen).map(\.id)
  }

  private func itemIDs(of record: IncidentRecord) -> Set<String> {
    Set((record.actions ?? []).map(\.id) + (record.notifications ?? []).map(\.id))
  }
}
