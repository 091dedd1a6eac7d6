// Benchmarks for IncidentLog, compiled with its sources by run.sh (no package changes needed).
//
//   bench sha256 FILE          hash a file in 1 MiB chunks, print digest and MB/s
//   bench build DIR COUNT      append COUNT records to a new archive in DIR
//   bench verify DIR           verify the archive in DIR, print documents/s
import Foundation

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func sampleRecord(id: String, at date: Date, index: Int) -> JSONValue {
  let trail: [JSONValue] = (0..<30).map { question in
    [
      "question": .string("q\(question)"),
      "asked": .string("Question number \(question) about the incident, with some words?"),
      "answer": .string("An answer of moderate length for question \(question) of \(index)."),
      "at": "2026-04-01T09:30:00Z",
    ]
  }
  return [
    "format": "triage-record/1", "id": .string(id), "created_at": "2026-04-01T09:30:00Z",
    "runbook": ["id": "ai-tool-source-leak", "version": "1.2.0", "sha256": .string(String(repeating: "a", count: 64))],
    "responder": "Dana Ortiz", "mode": "answers-file", "severity": "high",
    "decision": "Rotate the keys and notify the vendor", "trail": .array(trail),
    "answers": ["vendor": "Example AI", "our_data_exposed": false, "count": .number(Double(index))],
    "tlp": "TLP:AMBER",
  ]
}

let arguments = CommandLine.arguments
switch arguments.dropFirst().first {
case "sha256" where arguments.count == 3:
  guard let handle = FileHandle(forReadingAtPath: arguments[2]) else { exit(66) }
  var hasher = SHA256()
  var total = 0
  let elapsed = seconds {
    while true {
      let chunk = handle.readData(ofLength: 1 << 20)
      if chunk.isEmpty { break }
      total += chunk.count
      chunk.withUnsafeBytes { hasher.update($0) }
    }
  }
  print(Hex.string(of: hasher.finalize()), String(format: "%.0f MB/s", Double(total) / 1e6 / elapsed))
case "build" where arguments.count == 4:
  let store = ArchiveStore(root: arguments[2])
  let count = Int(arguments[3]) ?? 100
  let start = Date(timeIntervalSince1970: 1_775_035_800)
  let elapsed = try seconds {
    for index in 0..<count {
      let date = start.addingTimeInterval(Double(index) * 60)
      let id = DocumentID.generate(at: date)
      try store.append(document: sampleRecord(id: id, at: date, index: index), kind: .record, id: id, createdAt: date)
    }
  }
  print(String(format: "appended %d records in %.2fs", count, elapsed))
case "verify" where arguments.count == 3:
  let store = ArchiveStore(root: arguments[2])
  var report: VerificationReport?
  let elapsed = try seconds { report = try store.verify() }
  let count = report?.documentCount ?? 0
  print(
    String(format: "verified %d documents in %.3fs (%.0f/s), %d issues, %d heads", count, elapsed,
      Double(count) / elapsed, report?.issues.count ?? -1, report?.heads.count ?? -1))
default:
  print("usage: bench sha256 FILE | build DIR COUNT | verify DIR")
  exit(2)
}
