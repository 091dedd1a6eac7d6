// Writes a large, correctly hash-chained archive directly (no lock, no fsync, no heads lookup):
// the fastest way to get 100,000 records for Benchmarks/archive/scale. Compiled by `scale`
// together with IncidentLog's sources, so it seals documents exactly as ArchiveStore does.
//
//   generator DIR COUNT     write COUNT records (and about 1.15 × COUNT amendments) into DIR
import Foundation
import RunbookCore

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[2]) else {
  print("usage: generator DIR COUNT")
  exit(2)
}
let root = arguments[1]
let start = 1_577_836_800.0  // 2020-01-01T00:00:00Z
let vendors = ["Acme", "Globex", "Umbrella", "Hooli", "Soylent", "Stark", "Wayne", "Wonka"]
let severities = ["critical", "high", "medium", "low", "none"]
let runbooks = ["ai-tool-source-leak", "saas-vendor-data-breach", "vendor-oauth-token-leak"]
var parent: String?
var written = 0
var createdDirectories: Set<String> = []

func time(_ seconds: Double) -> String { UTCTimestamp.string(from: Date(timeIntervalSince1970: seconds)) }

func write(_ object: JSONObject, kind: DocumentKind, id: String, at seconds: Double) {
  let (sealed, hash) = DocumentIntegrity.sealed(object, parents: parent.map { [$0] } ?? [])
  let directory = "\(root)/\(kind.directoryName)/\(ArchiveTime.monthPath(Date(timeIntervalSince1970: seconds)))"
  if createdDirectories.insert(directory).inserted {
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }
  let bytes = JSONPrettyPrinter.bytes(of: .object(sealed))
  guard FileManager.default.createFile(atPath: "\(directory)/\(id).json", contents: Data(bytes))
  else {
    print("cannot write \(directory)/\(id).json")
    exit(74)
  }
  parent = hash
  written += 1
}

func record(_ index: Int, id: String, at seconds: Double) -> JSONObject {
  let vendor = index % 100 == 0 ? "Initech" : vendors[index % vendors.count] + " \(index % 997)"
  let created = time(seconds)
  let trail: [JSONValue] = (0..<12).map { question in
    [
      "question": .string("q\(question)"),
      "asked": .string("Question \(question): what did \(vendor) say about the incident, and when?"),
      "answer": .string("Answer \(question) for record \(index): the statement of \(created)."),
      "at": .string(created),
    ]
  }
  let actions: [JSONValue] = (0..<4).map { action in
    [
      "id": .string("action-\(action)"), "title": .string("Follow up \(action) with \(vendor)"),
      "owner": .string(action % 2 == 0 ? "security lead" : "vendor manager"),
      "due": .string(time(seconds + Double(action + 1) * 86_400)),
      "due_rule": .string("\(action + 1) days after recorded"), "details": nil, "status": "open",
    ]
  }
  let notifications: [JSONValue] = [
    [
      "id": "authority", "to": "supervisory authority", "due": .string(time(seconds + 259_200)),
      "due_rule": "72h after recorded", "basis": "GDPR Art. 33(1)",
      "draft": .string("We report a personal data breach at our processor \(vendor)."),
      "status": "open",
    ],
    [
      "id": "final-report", "to": "supervisory authority", "due": "pending",
      "due_rule": "1 month after authority.sent", "basis": "GDPR Art. 33(4)", "draft": nil,
      "status": "open",
    ],
  ]
  let value: JSONValue = [
    "format": "triage-record/1", "id": .string(id), "created_at": .string(created),
    "runbook": [
      "id": .string(runbooks[index % runbooks.count]), "version": "1.0.0",
      "sha256": .string(String(repeating: "ab", count: 32)),
    ],
    "responder": "Dana Ortiz", "mode": "answers-file", "tlp": index % 50 == 0 ? "TLP:RED" : "TLP:AMBER",
    "answers": [
      "vendor": .string(vendor), "discovered_at": .string(created), "personal_data": .bool(index % 3 == 0),
      "records": .number(Double(index % 5000)), "exposure": ["credentials", "source-code"],
    ],
    "trail": .array(trail), "unused": [:], "derived": ["threat_model_changed": .bool(index % 2 == 0)],
    "severity": .string(severities[index % severities.count]),
    "decision": .string("Rotate the keys \(vendor) held and notify the authority."),
    "actions": .array(actions), "notifications": .array(notifications),
  ]
  return value.objectValue ?? JSONObject()
}

func amendment(
  id: String, at seconds: Double, record: String, recordHash: String, change: AmendmentChange
) -> JSONObject {
  let amendment = Amendment(
    id: id, createdAt: Date(timeIntervalSince1970: seconds), record: record,
    recordSHA256: recordHash, responder: "Sam Lee", change: change)
  return amendment.jsonValue.objectValue ?? JSONObject()
}

var generator = SystemRandomNumberGenerator()
for index in 0..<count {
  let seconds = start + Double(index) * 900
  let id = DocumentID.generate(at: Date(timeIntervalSince1970: seconds), using: &generator)
  write(record(index, id: id, at: seconds), kind: .record, id: id, at: seconds)
  let recordHash = parent ?? ""
  var changes: [AmendmentChange] = []
  if index % 10 == 0 { changes.append(.actionStatus(action: "action-0", status: .done, note: "Done by \(index).")) }
  if index % 20 == 5 {
    changes.append(.notificationSent(notification: "authority", sentAt: Date(timeIntervalSince1970: seconds + 3600)))
  }
  // As a team does: old records get closed; the newest 300 are still open, and one in a
  // thousand older ones was forgotten. (Open items are what follow-ups holds and sorts.)
  if index < count - 300 && index % 1000 != 999 {
    changes.append(.close(note: "Closed with record \(index)."))
  }
  for (offset, change) in changes.enumerated() {
    let at = seconds + 60 * Double(offset + 1)
    let amendmentID = DocumentID.generate(at: Date(timeIntervalSince1970: at), using: &generator)
    write(
      amendment(id: amendmentID, at: at, record: id, recordHash: recordHash, change: change),
      kind: .amendment, id: amendmentID, at: at)
  }
}
print("wrote \(written) documents into \(root)")
