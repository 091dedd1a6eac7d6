import Foundation

/// What changed between a record and its revision: the `changes` of a re-triage.
///
/// Items are matched by id. An action or notification only the revision has is `added`, one
/// only the earlier record has is `removed` (moving to not required counts as removed), one
/// whose due time differs is `due-moved`, and one whose title or addressee differs is
/// `changed`. Severity, decision and threat model are compared as values. Notifications come
/// first (they are what a revision most often adds), then actions, then the record-wide
/// outcomes.
package enum RecordChanges {
  /// The changes from `earlier` to `revision`, in the order above, items in record order.
  package static func between(
    _ earlier: IncidentRecord, _ revision: IncidentRecord
  ) -> [IncidentRecord.Change] {
    let before = (earlier.notifications ?? []).map(Item.init(notification:))
    let after = (revision.notifications ?? []).map(Item.init(notification:))
    var changes = items(before, after, kind: .notification)
    changes += items(
      (earlier.actions ?? []).map(Item.init(action:)),
      (revision.actions ?? []).map(Item.init(action:)), kind: .action)
    if earlier.severity != revision.severity {
      changes.append(
        .init(
          kind: .severity, item: nil, change: .changed,
          before: earlier.severity.map { .string($0.rawValue) } ?? .null,
          after: revision.severity.map { .string($0.rawValue) } ?? .null))
    }
    if earlier.decision != revision.decision {
      changes.append(
        .init(
          kind: .decision, item: nil, change: .changed,
          before: earlier.decision.map(JSONValue.string) ?? .null,
          after: revision.decision.map(JSONValue.string) ?? .null))
    }
    if earlier.threatModel != revision.threatModel {
      changes.append(
        .init(
          kind: .threatModel, item: nil, change: .changed,
          before: threatModel(earlier.threatModel), after: threatModel(revision.threatModel)))
    }
    return changes
  }

  /// An action or notification reduced to what a change compares.
  private struct Item {
    var id: String
    /// `title` for an action, `to` for a notification.
    var label: String
    var text: String
    var due: IncidentRecord.Due

    init(action: IncidentRecord.Action) {
      self.init(id: action.id, label: "title", text: action.title, due: action.due)
    }

    init(notification: IncidentRecord.Notification) {
      self.init(id: notification.id, label: "to", text: notification.to, due: notification.due)
    }

    init(id: String, label: String, text: String, due: IncidentRecord.Due) {
      self.id = id
      self.label = label
      self.text = text
      self.due = due
    }

    /// `{title|to, due}`: the item as an added or removed change shows it.
    var jsonValue: JSONValue {
      var object = JSONObject()
      object[label] = .string(text)
      object["due"] = due.jsonValue
      return .object(object)
    }
  }

  private static func items(
    _ before: [Item], _ after: [Item], kind: IncidentRecord.Change.Kind
  ) -> [IncidentRecord.Change] {
    let earlier = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let later = Set(after.map(\.id))
    var changes: [IncidentRecord.Change] = []
    for item in after {
      guard let old = earlier[item.id] else {
        changes.append(
          .init(kind: kind, item: item.id, change: .added, before: .null, after: item.jsonValue))
        continue
      }
      if old.due != item.due {
        changes.append(
          .init(
            kind: kind, item: item.id, change: .dueMoved, before: old.due.jsonValue,
            after: item.due.jsonValue))
      }
      if old.text != item.text {
        changes.append(
          .init(
            kind: kind, item: item.id, change: .changed, before: .string(old.text),
            after: .string(item.text)))
      }
    }
    for item in before where !later.contains(item.id) {
      changes.append(
        .init(kind: kind, item: item.id, change: .removed, before: item.jsonValue, after: .null))
    }
    return changes
  }

  private static func threatModel(_ value: IncidentRecord.ThreatModel?) -> JSONValue {
    value.map { ["changed": .bool($0.changed), "because": .string($0.because)] } ?? .null
  }

  /// One line per change, as the review and the report show them:
  /// `+ notification customers: Every customer, due 2026-04-04T09:00:00Z`.
  package static func lines(of changes: [IncidentRecord.Change]) -> [String] {
    changes.map { change in
      let subject =
        change.item.map { "\(change.kind.rawValue) \($0)" }
        ?? change.kind.rawValue.replacingOccurrences(of: "_", with: " ")
      switch change.change {
      case .added: return "+ new \(subject): \(describe(change.after))"
      case .removed: return "- dropped \(subject): \(describe(change.before))"
      case .dueMoved:
        return "~ \(subject) due moved: \(describe(change.before)) -> \(describe(change.after))"
      case .changed:
        return "~ \(subject): \(describe(change.before)) -> \(describe(change.after))"
      }
    }
  }

  /// A change's value in words: `Every customer, due 2026-04-04T09:00:00Z`.
  private static func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: return "none"
    case .string(let text): return text
    case .bool(let flag): return flag ? "yes" : "no"
    case .object(let object):
      if let changed = object["changed"], case .bool(let flag) = changed {
        return (flag ? "changed" : "unchanged") + ": " + (object["because"]?.stringValue ?? "")
      }
      let text = object["to"]?.stringValue ?? object["title"]?.stringValue ?? ""
      guard let due = object["due"] else { return text }
      return due == .null ? "\(text), no due time" : "\(text), due \(describe(due))"
    default: return CanonicalJSON.string(of: value)
    }
  }
}
