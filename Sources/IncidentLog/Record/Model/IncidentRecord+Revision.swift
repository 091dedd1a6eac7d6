import Foundation

extension IncidentRecord {
  /// `revises`: the record a re-triage (`triage run --revises`) revises, `{id, sha256}`.
  package struct Revises: Sendable, Equatable {
    /// The revised record's id.
    package var id: String
    /// Its `integrity.sha256`, so the link cannot be moved to another record unnoticed.
    package var sha256: String

    /// Creates the member.
    package init(id: String, sha256: String) {
      self.id = id
      self.sha256 = sha256
    }
  }

  /// An entry of `changes`: one outcome that differs from the revised record's.
  ///
  /// ```json
  /// {"kind": "notification", "item": "customers", "change": "added",
  ///  "before": null, "after": {"to": "Every customer", "due": "2026-04-04T09:00:00Z"}}
  /// {"kind": "severity", "item": null, "change": "changed", "before": "medium", "after": "high"}
  /// ```
  package struct Change: Sendable, Equatable {
    /// What changed: an action, a notification, or one of the record-wide outcomes.
    package enum Kind: String, Sendable, Equatable, CaseIterable {
      case notification, action, severity, decision
      case threatModel = "threat_model"
    }

    /// How it changed.
    package enum Verb: String, Sendable, Equatable, CaseIterable {
      /// A new action or notification.
      case added
      /// An action or notification the revision no longer has.
      case removed
      /// The same item with another due time.
      case dueMoved = "due-moved"
      /// A record-wide outcome (or an item's text) with another value.
      case changed
    }

    /// What changed.
    package var kind: Kind
    /// The action's or notification's id; nil for severity, decision and threat model.
    package var item: String?
    /// How.
    package var change: Verb
    /// The value before (`null` for an added item).
    package var before: JSONValue
    /// The value after (`null` for a removed item).
    package var after: JSONValue

    /// Creates an entry.
    package init(kind: Kind, item: String?, change: Verb, before: JSONValue, after: JSONValue) {
      self.kind = kind
      self.item = item
      self.change = change
      self.before = before
      self.after = after
    }
  }
}

extension IncidentRecord {
  /// Reads `revises`, `changes` and `carried`, when present.
  mutating func readRevision(_ root: DocumentReader) throws(RecordDecodingError) {
    if let member = try root.optionalMember("revises") {
      revises = Revises(
        id: try member.member("id", expected: "a record id").string(),
        sha256: try member.member("sha256", expected: "a string").string())
    }
    changes = try root.optionalMember("changes")?.elements().map(Change.init(reader:))
    carried = try root.optionalMember("carried")?.strings()
  }

  /// Writes `revises`, `changes` and `carried`, when set.
  func writeRevision(into object: inout JSONObject) {
    object["revises"] = revises.map { ["id": .string($0.id), "sha256": .string($0.sha256)] }
    object["changes"] = changes.map { .array($0.map(\.jsonValue)) }
    object["carried"] = carried.map { .array($0.map(JSONValue.string)) }
  }
}

extension IncidentRecord.Change {
  init(reader: DocumentReader) throws(RecordDecodingError) {
    let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
    let verbs = Verb.allCases.map(\.rawValue).joined(separator: ", ")
    self.init(
      kind: try reader.member("kind", expected: "one of " + kinds).raw(Kind.self),
      item: try reader.optionalMember("item")?.optionalString(),
      change: try reader.member("change", expected: "one of " + verbs).raw(Verb.self),
      before: try reader.optionalMember("before")?.value ?? .null,
      after: try reader.optionalMember("after")?.value ?? .null)
  }

  /// The entry as JSON, `{kind, item, change, before, after}`.
  package var jsonValue: JSONValue {
    var object = JSONObject()
    object["kind"] = .string(kind.rawValue)
    object["item"] = item.map(JSONValue.string) ?? .null
    object["change"] = .string(change.rawValue)
    object["before"] = before
    object["after"] = after
    return .object(object)
  }
}
