import Foundation
import Testing
import TriageTestSupport

/// `triage archive verify` on the real binary: intact, then each kind of tampering, exit 65.
@Suite struct ArchiveVerifyEndToEndTests {
  let folder: TemporaryDirectory
  let archive: String
  let recordA = "records/2021/04/20210401T093000Z-0000000a.json"
  let recordB = "records/2021/04/20210402T120000Z-0000000b.json"
  let head = "amendments/2021/04/20210415T090000Z-000000c1.json"

  init() throws {
    folder = try TemporaryDirectory()
    archive = try ArchiveTestSupport.writeFixture(in: folder)
  }

  func verify(_ extra: String...) throws -> TriageResult {
    try ArchiveTestSupport.archive(["verify"] + extra, archive)
  }

  func edit(_ path: String, _ change: (String) -> String) throws {
    let full = archive + "/" + path
    try change(try String(contentsOfFile: full, encoding: .utf8))
      .write(toFile: full, atomically: true, encoding: .utf8)
  }

  @Test func anIntactArchivePrintsTheCountAndTheHead() throws {
    let result = try verify()
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output == """
        Archive intact: 7 documents checked.
        Reports not covered: 3 records written before records held their report's hash; their reports are not checked.
        Heads (1):
          92ead002a7dfb5847f22f01c056e9a2b5341f4fde9e6e9fc866ecd37ce751edf  \(head)

        """)
  }

  @Test func anEditedFieldIsNamed() throws {
    try edit(recordA) {
      $0.replacingOccurrences(of: "\"severity\": \"high\"", with: "\"severity\": \"low\"")
    }
    let result = try verify()
    #expect(result.status == 65)
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("record 20210401T093000Z-0000000a: \(recordA): edited: "))
    #expect(lines[1] == "Archive NOT intact: 1 problem in 7 documents.")
  }

  @Test func aDeletedRecordIsNamedThroughItsChildAndItsAmendment() throws {
    try FileManager.default.removeItem(atPath: archive + "/" + recordB)
    let result = try verify()
    #expect(result.status == 65)
    #expect(
      result.output.contains(
        "record 20210415T080000Z-0000000c: records/2021/04/20210415T080000Z-0000000c.json: names parent 18322e3a992a441a2904b0cbee1f8d2a2115875103f2b315b1aec02324f22e06, which is not in the archive"
      ))
    #expect(
      result.output.contains(
        "amendment 20210405T090000Z-000000b1: amendments/2021/04/20210405T090000Z-000000b1.json: its record 20210402T120000Z-0000000b is not in the archive (deleted, or edited and sealed again)\n"
      ))
  }

  @Test func aTruncatedFileIsNamed() throws {
    let full = archive + "/" + head
    let data = try Data(contentsOf: URL(fileURLWithPath: full))
    try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: full))
    let result = try verify()
    #expect(result.status == 65)
    #expect(
      result.output.hasPrefix(
        "amendment 20210415T090000Z-000000c1: \(head): truncated or not valid JSON"))
  }

  @Test func anInsertedDocumentWithAForgedParentIsNamed() throws {
    // A correctly sealed record whose parent is not in this archive: written by triage into
    // another archive, after a first record there, and copied in.
    let other = try TemporaryDirectory()
    try ArchiveTestSupport.writeRunbook(in: other)
    let otherArchive = other.url.appendingPathComponent("other").path
    for _ in 0..<2 {
      let run = try runTriage(ArchiveTestSupport.runArguments(other, archive: otherArchive))
      #expect(run.status == 0, "\(run)")
    }
    let heads = try ArchiveTestSupport.archive(["verify"], otherArchive)
    let line = try #require(heads.output.split(separator: "\n").last)
    let path = String(try #require(line.split(separator: " ").last))
    let target = archive + "/" + path
    try FileManager.default.createDirectory(
      atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: otherArchive + "/" + path, toPath: target)
    // Its report too: the test is about the forged parent.
    let reportPath = String(path.dropLast(".json".count)) + ".md"
    try FileManager.default.copyItem(
      atPath: otherArchive + "/" + reportPath,
      toPath: String(target.dropLast(".json".count)) + ".md")
    let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let result = try verify("--json")
    #expect(result.status == 65)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(report["intact"] as? Bool == false)
    let issues = try #require(report["issues"] as? [[String: Any]])
    #expect(issues.count == 1)
    #expect(issues.first?["id"] as? String == id)
    #expect(
      (issues.first?["message"] as? String)?.contains("inserted with a forged parent") == true)
  }
}
