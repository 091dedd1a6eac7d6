import Foundation
import RunbookCore

/// The one place a record meets its JSON: ``IncidentRecord/init(json:)`` reads it, and
/// ``IncidentRecord/jsonValue`` writes it in the documented key order.
extension IncidentRecord {
  /// Reads a `triage-record/1` document.
  ///
  /// Members the record lacks stay nil (older and hand-made records lack some); members it has
  /// must hold what the format says. Unknown members are ignored.
  ///
  /// - Throws: ``RecordDecodingError`` naming the first member that does not fit, by its path.
  package init(json: JSONValue) throws(RecordDecodingError) {
    let root = DocumentReader(root: json)
    let format = try root.member("format", expected: "\"\(Self.format)\"")
    guard try format.string() == Self.format else { throw format.mismatch("\"\(Self.format)\"") }
    self.init(id: try root.member("id", expected: "a string").string())
    createdAt = try root.optionalMember("created_at")?.time()
    if let reference = try root.optionalMember("runbook") {
      runbook = RunbookReference(
        id: try reference.member("id", expected: "a string").string(),
        version: try reference.member("version", expected: "a string").string(),
        sha256: try reference.member("sha256", expected: "a string").string())
    }
    responder = try root.optionalMember("responder")?.string()
    mode = try root.optionalMember("mode")?.raw(RecordBuilder.Mode.self)
    if let member = try root.optionalMember("resumed_from") {
      resumedFrom = ResumedFrom(
        draft: try member.member("draft", expected: "a file name").string(),
        savedAt: try member.member("saved_at", expected: DocumentReader.timeExpectation).time())
    }
    tlp = try root.optionalMember("tlp")?.raw(TLP.self)
    answers = try root.optionalMember("answers").map(Self.namedValues)
    trail = try root.optionalMember("trail")?.elements().map(TrailEntry.init(reader:))
    unused = try root.optionalMember("unused").map(Self.namedValues)
    derived = try root.optionalMember("derived").map(Self.namedValues)
    severity = try root.optionalMember("severity")?.raw(SeverityLevel.self)
    decision = try root.optionalMember("decision")?.string()
    actions = try root.optionalMember("actions")?.elements().map(Action.init(reader:))
    notifications = try root.optionalMember("notifications")?.elements().map(
      Notification.init(reader:))
    if let member = try root.optionalMember("threat_model") {
      threatModel = ThreatModel(
        changed: try member.member("changed", expected: "true or false").boolean(),
        because: try member.member("because", expected: "a string").string())
    }
    notRequired = try root.optionalMember("not_required")?.elements().map(
      UnrequiredItem.init(reader:))
    undetermined = try root.optionalMember("undetermined")?.elements().map(
      UnrequiredItem.init(reader:))
    lawAsOf = try root.optionalMember("law_as_of")?.string()
    if let member = try root.optionalMember("inventory") {
      inventory = try InventoryReference(reader: member)
    }
    scans = try root.optionalMember("scans")?.elements().map(\.value)
    try readRevision(root)
    if let member = try root.optionalMember("integrity") {
      integrity = Integrity(
        parents: try member.member("parents", expected: "a list of hashes").strings(),
        reportSHA256: try member.optionalMember(DocumentIntegrity.reportMemberName)?.string(),
        sha256: try member.member("sha256", expected: "a string").string())
    }
  }

  /// The record as JSON, members in the documented order; nil members are left out.
  package var jsonValue: JSONValue {
    // Each member appended in order (the keys are different literals), with no search for a
    // member of the same name.
    var object = JSONObject(capacity: 32)
    object.appendNew("format", .string(Self.format))
    object.appendNew("id", .string(id))
    object.appendNew("created_at", createdAt.map { .string(UTCTimestamp.string(from: $0)) })
    object.appendNew(
      "runbook",
      runbook.map {
        var member = JSONObject(capacity: 3)
        member.appendNew("id", .string($0.id))
        member.appendNew("version", .string($0.version))
        member.appendNew("sha256", .string($0.sha256))
        return .object(member)
      })
    object.appendNew("responder", responder.map(JSONValue.string))
    object.appendNew("mode", mode.map { .string($0.rawValue) })
    object.appendNew(
      "resumed_from",
      resumedFrom.map {
        var member = JSONObject(capacity: 2)
        member.appendNew("draft", .string($0.draft))
        member.appendNew("saved_at", .string(UTCTimestamp.string(from: $0.savedAt)))
        return .object(member)
      })
    object.appendNew("tlp", tlp.map { .string($0.rawValue) })
    object.appendNew("answers", answers.map(Self.json))
    object.appendNew("trail", trail.map(Self.json))
    object.appendNew("unused", unused.map(Self.json))
    object.appendNew("derived", derived.map(Self.json))
    object.appendNew("severity", severity.map { .string($0.rawValue) })
    object.appendNew("decision", decision.map(JSONValue.string))
    object.appendNew("actions", actions.map { .array($0.map(\.jsonValue)) })
    object.appendNew("notifications", notifications.map { .array($0.map(\.jsonValue)) })
    object.appendNew(
      "threat_model",
      threatModel.map {
        var member = JSONObject(capacity: 2)
        member.appendNew("changed", .bool($0.changed))
        member.appendNew("because", .string($0.because))
        return .object(member)
      })
    object.appendNew("not_required", notRequired.map { .array($0.map(\.jsonValue)) })
    object.appendNew("undetermined", undetermined.map { .array($0.map(\.jsonValue)) })
    object.appendNew("law_as_of", lawAsOf.map(JSONValue.string))
    object.appendNew("inventory", inventory?.jsonValue)
    object.appendNew("scans", scans.map(JSONValue.array))
    writeRevision(into: &object)
    // Through the subscript: a revision's members come before it (an old record may order
    // them otherwise).
    object["integrity"] = integrity.map {
      var member = JSONObject(capacity: 3)
      member.appendNew("parents", .array($0.parents.map(JSONValue.string)))
      member.appendNew(DocumentIntegrity.reportMemberName, $0.reportSHA256.map(JSONValue.string))
      member.appendNew("sha256", .string($0.sha256))
      return .object(member)
    }
    return .object(object)
  }

  private static func namedValues(
    _ reader: DocumentReader
  ) throws(RecordDecodingError) -> [NamedValue] {
    try reader.members().map { (member) throws(RecordDecodingError) in
      NamedValue(name: member.key, value: try RecordValue(reader: member.reader))
    }
  }

  /// The trail as JSON, each time written once for a run of entries that share it (an
  /// answers file gives all its answers at one time).
  private static func json(_ trail: [TrailEntry]) -> JSONValue {
    var times = RepeatedTimeText(UTCTimestamp.string(from:))
    return .array(trail.map { entry in entry.jsonValue(at: times.text(of: entry.at)) })
  }

  /// The named values as one object; a repeated name keeps its first place and last value.
  private static func json(_ values: [NamedValue]) -> JSONValue {
    var object = JSONObject(capacity: values.count)
    if hasRepeatedName(values) {
      for entry in values { object[entry.name] = entry.value.jsonValue }
    } else {
      // Nearly always (the names are question ids): each appended with no search.
      for entry in values { object.appendNew(entry.name, entry.value.jsonValue) }
    }
    return .object(object)
  }

  /// Whether two of `values` have the same name, as ``JSONObject`` compares keys (by bytes):
  /// only names of the same byte count are compared, the counts kept on the stack.
  private static func hasRepeatedName(_ values: [NamedValue]) -> Bool {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: values.count) { counts in
      for index in values.indices {
        counts.initializeElement(at: index, to: values[index].name.utf8.count)
      }
      for index in values.indices {
        for earlier in 0..<index
        where counts[earlier] == counts[index]
          && JSONObject.isSameKey(values[earlier].name, values[index].name)
        {
          return true
        }
      }
      return false
    }
  }
}

extension RecordValue {
  init(reader: DocumentReader) throws(RecordDecodingError) {
    switch reader.value {
    case .null: self = .null
    case .bool(let flag): self = .boolean(flag)
    case .number(let number): self = .number(number)
    case .string(let text): self = .string(text)
    case .array(let items):
      let texts = items.compactMap(\.stringValue)
      guard texts.count == items.count else {
        throw reader.mismatch("a boolean, number, string, list of strings or null")
      }
      self = .list(texts)
    case .object:
      throw reader.mismatch("a boolean, number, string, list of strings or null")
    }
  }

  /// The value as JSON.
  package var jsonValue: JSONValue {
    switch self {
    case .null: .null
    case .boolean(let flag): .bool(flag)
    case .number(let number): .number(number)
    case .string(let text): .string(text)
    case .list(let items): .array(items.map(JSONValue.string))
    }
  }
}

extension IncidentRecord.Due {
  static let expectation = DocumentReader.timeExpectation + ", \"pending\" or null"

  init(reader: DocumentReader?) throws(RecordDecodingError) {
    guard let reader else {
      self = .none
      return
    }
    switch reader.value {
    case .null: self = .none
    case .string("pending"): self = .pending
    case .string:
      guard let date = try? reader.time() else { throw reader.mismatch(Self.expectation) }
      self = .at(date)
    default: throw reader.mismatch(Self.expectation)
    }
  }

  var jsonValue: JSONValue {
    switch self {
    case .none: .null
    case .at(let date): .string(UTCTimestamp.string(from: date))
    case .pending: "pending"
    }
  }
}

extension IncidentRecord.TrailEntry {
  init(reader: DocumentReader) throws(RecordDecodingError) {
    self.init(
      question: try reader.member("question", expected: "a question id").string(),
      asked: try reader.member("asked", expected: "a string").string(),
      answer: try reader.optionalMember("answer").map(RecordValue.init(reader:)) ?? .null,
      at: try reader.member("at", expected: DocumentReader.timeExpectation).time(),
      source: try reader.optionalMember("source").map(IncidentRecord.Source.init(reader:)),
      replaced: try reader.optionalMember("replaced").map { (member) throws(RecordDecodingError) in
        IncidentRecord.Replaced(
          answer: try member.optionalMember("answer").map(RecordValue.init(reader:)) ?? .null,
          source: try member.optionalMember("source").map(IncidentRecord.Source.init(reader:)))
      })
  }

  var jsonValue: JSONValue { jsonValue(at: UTCTimestamp.string(from: at)) }

  /// The entry as JSON, with `at` written as `atText` (its time as ``UTCTimestamp`` writes it).
  func jsonValue(at atText: String) -> JSONValue {
    var object = JSONObject(capacity: 6)
    object.appendNew("question", .string(question))
    object.appendNew("asked", .string(asked))
    object.appendNew("answer", answer.jsonValue)
    object.appendNew("at", .string(atText))
    object.appendNew("source", source?.jsonValue)
    object.appendNew(
      "replaced",
      replaced.map { replaced in
        var member = JSONObject(capacity: 2)
        member.appendNew("answer", replaced.answer.jsonValue)
        member.appendNew("source", replaced.source?.jsonValue)
        return .object(member)
      })
    return .object(object)
  }

}

extension IncidentRecord.Source {
  init(reader: DocumentReader) throws(RecordDecodingError) {
    self.init(
      kind: try reader.member("kind", expected: "\"inventory\" or \"responder\"").string(),
      file: try reader.optionalMember("file")?.string(),
      line: try reader.optionalMember("line")?.int(),
      inventorySHA256: try reader.optionalMember("inventory_sha256")?.string())
  }

  var jsonValue: JSONValue {
    var object = JSONObject(capacity: 4)
    object.appendNew("kind", .string(kind))
    object.appendNew("file", file.map(JSONValue.string))
    object.appendNew("line", line.map { .number(Double($0)) })
    object.appendNew("inventory_sha256", inventorySHA256.map(JSONValue.string))
    return .object(object)
  }
}

extension IncidentRecord.InventoryReference {
  init(reader: DocumentReader) throws(RecordDecodingError) {
    var items: [String: [String: [String: String]]] = [:]
    for list in try reader.optionalMember("items")?.members() ?? [] {
      var entries: [String: [String: String]] = [:]
      for item in try list.reader.members() {
        var fields: [String: String] = [:]
        for field in try item.reader.members() { fields[field.key] = try field.reader.string() }
        entries[item.key] = fields
      }
      items[list.key] = entries
    }
    self.init(
      sha256: try reader.member("sha256", expected: "a string").string(),
      vendor: try reader.member("vendor", expected: "a vendor id").string(), items: items)
  }

  /// The reference as JSON, each level's members in key order.
  ///
  /// A dictionary's keys are different to Swift's `==`, so their bytes are different too: each
  /// member is appended with no search for one of the same name.
  var jsonValue: JSONValue {
    var object = JSONObject(capacity: 3)
    object.appendNew("sha256", .string(sha256))
    object.appendNew("vendor", .string(vendor))
    if !items.isEmpty {
      // The keys sorted alone (not key-value pairs, each move of which retains and releases
      // a dictionary), each value then looked up.
      var lists = JSONObject(capacity: items.count)
      for list in items.keys.sorted() {
        guard let entries = items[list] else { continue }
        var itemObject = JSONObject(capacity: entries.count)
        for item in entries.keys.sorted() {
          guard let fields = entries[item] else { continue }
          var fieldObject = JSONObject(capacity: fields.count)
          for name in fields.keys.sorted() {
            guard let value = fields[name] else { continue }
            fieldObject.appendNew(name, .string(value))
          }
          itemObject.appendNew(item, .object(fieldObject))
        }
        lists.appendNew(list, .object(itemObject))
      }
      object.appendNew("items", .object(lists))
    }
    return .object(object)
  }
}

extension IncidentRecord.Action {
  init(reader: DocumentReader) throws(RecordDecodingError) {
    self.init(
      id: try reader.member("id", expected: "an action id").string(),
      kind: try reader.optionalMember("kind")?.raw(ActionKind.self),
      title: try reader.member("title", expected: "a string").string(),
      owner: try reader.optionalMember("owner")?.optionalString(),
      due: try IncidentRecord.Due(reader: reader.optionalMember("due")),
      dueRule: try reader.optionalMember("due_rule")?.optionalString(),
      details: try reader.optionalMember("details")?.optionalString(),
      status: try reader.optionalMember("status")?.raw(Status.self) ?? .open)
    approver = try reader.optionalMember("approver")?.string()
    dueNote = try reader.optionalMember("due_note")?.string()
  }

  /// The action as JSON; `kind` is left out when unknown, so an old record reads back unchanged.
  var jsonValue: JSONValue {
    var object = JSONObject(capacity: 10)
    object.appendNew("id", .string(id))
    object.appendNew("kind", kind.map { .string($0.rawValue) })
    object.appendNew("title", .string(title))
    object.appendNew("owner", owner.map(JSONValue.string) ?? .null)
    object.appendNew("due", due.jsonValue)
    object.appendNew("due_rule", dueRule.map(JSONValue.string) ?? .null)
    object.appendNew("details", details.map(JSONValue.string) ?? .null)
    object.appendNew("status", .string(status.rawValue))
    object.appendNew("approver", approver.map(JSONValue.string))
    object.appendNew("due_note", dueNote.map(JSONValue.string))
    return .object(object)
  }
}

extension IncidentRecord.Notification {
  init(reader: DocumentReader) throws(RecordDecodingError) {
    self.init(
      id: try reader.member("id", expected: "a notification id").string(),
      to: try reader.member("to", expected: "a string").string(),
      due: try IncidentRecord.Due(reader: reader.optionalMember("due")),
      dueRule: try reader.optionalMember("due_rule")?.optionalString(),
      basis: try reader.optionalMember("basis")?.optionalString(),
      draft: try reader.optionalMember("draft")?.optionalString(),
      status: try reader.optionalMember("status")?.raw(Status.self) ?? .open,
      sentAt: try reader.optionalMember("sent_at")?.time())
    obligation = try reader.optionalMember("obligation").map(ObligationReference.init(reader:))
    approver = try reader.optionalMember("approver")?.string()
    dueNote = try reader.optionalMember("due_note")?.string()
  }

  var jsonValue: JSONValue {
    var object = JSONObject(capacity: 11)
    object.appendNew("id", .string(id))
    object.appendNew("to", .string(to))
    object.appendNew("due", due.jsonValue)
    object.appendNew("due_rule", dueRule.map(JSONValue.string) ?? .null)
    object.appendNew("basis", basis.map(JSONValue.string) ?? .null)
    object.appendNew("draft", draft.map(JSONValue.string) ?? .null)
    object.appendNew("status", .string(status.rawValue))
    object.appendNew("sent_at", sentAt.map { .string(UTCTimestamp.string(from: $0)) })
    object.appendNew("obligation", obligation?.jsonValue)
    object.appendNew("approver", approver.map(JSONValue.string))
    object.appendNew("due_note", dueNote.map(JSONValue.string))
    return .object(object)
  }
}

extension IncidentRecord.UnrequiredItem {
  init(reader: DocumentReader) throws(RecordDecodingError) {
    let type = try reader.member("type", expected: "action or notification").raw(ItemType.self)
    let titleKey = type == .action ? "title" : "to"
    self.init(
      id: try reader.member("id", expected: "an id").string(), type: type,
      kind: try reader.optionalMember("kind")?.raw(ActionKind.self),
      title: try reader.member(titleKey, expected: "a string").string(),
      because: try reader.member("because", expected: "a string").string())
    obligation = try reader.optionalMember("obligation").map(ObligationReference.init(reader:))
  }

  /// The entry as JSON: `title` (and `kind`) for an action, `to` for a notification.
  var jsonValue: JSONValue {
    var object = JSONObject(capacity: 6)
    object.appendNew("id", .string(id))
    object.appendNew("type", .string(type.rawValue))
    object.appendNew("kind", kind.map { .string($0.rawValue) })
    object.appendNew(type == .action ? "title" : "to", .string(title))
    object.appendNew("because", .string(because))
    object.appendNew("obligation", obligation?.jsonValue)
    return .object(object)
  }
}
