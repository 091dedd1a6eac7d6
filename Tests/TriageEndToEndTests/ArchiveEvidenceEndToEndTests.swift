import Foundation
import Testing
import TriageTestSupport

/// `triage archive attach`, `due` and `calendar` on the real binary, on the fixture archive
/// (records of 2021: two deadlines long overdue, one due in 2099, one record closed).
@Suite struct ArchiveEvidenceEndToEndTests {
  let folder: TemporaryDirectory
  let archive: String
  let notice = "<html><body>Acme: incident notice, 2 April.</body></html>\n"

  init() throws {
    folder = try TemporaryDirectory()
    archive = try ArchiveTestSupport.writeFixture(in: folder)
  }

  func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  @Test func attachKeepsAnOwnerOnlyCopyOnceAndVerifyNamesItsChange() throws {
    let file = try folder.write(notice, to: "notice.html").path
    let first = try ArchiveTestSupport.archive(
      ["attach", "20210401", file, "--note", "v1"], archive)
    #expect(first.status == 0, "\(first)")
    let kept = try #require(
      ArchiveTestSupport.files(under: archive).first { $0.hasPrefix("evidence/") })
    #expect(try mode(archive + "/" + kept) == 0o600)
    for folderPath in ["evidence", "evidence/sha256", (kept as NSString).deletingLastPathComponent]
    {
      #expect(try mode(archive + "/" + folderPath) == 0o700, "\(folderPath)")
    }
    #expect(try String(contentsOfFile: archive + "/" + kept, encoding: .utf8) == notice)
    let second = try ArchiveTestSupport.archive(["attach", "20210415", file], archive)
    #expect(second.status == 0, "\(second)")
    #expect(second.output.contains("Already kept"))
    #expect(ArchiveTestSupport.files(under: archive).filter { $0.hasPrefix("evidence/") } == [kept])
    let intact = try ArchiveTestSupport.archive(["verify"], archive)
    #expect(intact.status == 0, "\(intact)")
    #expect(intact.output.hasPrefix("Archive intact: 9 documents checked.\n"))

    try FileManager.default.setAttributes(
      [.posixPermissions: 0o600], ofItemAtPath: archive + "/" + kept)
    try (notice + "<!-- edited -->").write(
      toFile: archive + "/" + kept, atomically: false, encoding: .utf8)
    let changed = try ArchiveTestSupport.archive(["verify"], archive)
    #expect(changed.status == 65)
    #expect(changed.output.hasPrefix("evidence: \(kept): evidence 'notice.html' of amendment "))
    #expect(changed.output.contains("was changed: its contents hash to"))
  }

  @Test func aSecretInAnAttachedLogIsRefusedAtItsLine() throws {
    let token = MadeUpSecrets.gitHubToken()
    let file = try folder.write("ok\nok\nexport GITHUB_TOKEN=\(token)\n", to: "ci.log").path
    let result = try ArchiveTestSupport.archive(["attach", "20210401", file], archive)
    #expect(result.status == 65)
    #expect(result.error.hasPrefix("triage: ci.log:3:21: looks like a GitHub token;"))
    #expect(!result.error.contains(token))
    #expect(!ArchiveTestSupport.files(under: archive).contains { $0.hasPrefix("evidence/") })
  }

  @Test func dueExitsOneWhenSomethingIsOverdue() throws {
    let result = try ArchiveTestSupport.archive(["due", "--json"], archive)
    #expect(result.status == 1, "\(result)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(object["format"] as? String == "triage-due/1")
    let items = try #require(object["items"] as? [[String: Any]])
    #expect(
      items.map { $0["item"] as? String } == [
        "regulator-followup", "final-report", "review-contract",
      ])
    #expect(items.map { $0["overdue"] as? Bool } == [true, true, false])
    let soon = try ArchiveTestSupport.archive(["due", "--within", "2w"], archive)
    #expect(soon.status == 1)
    #expect(!soon.output.contains("review-contract"))
  }

  @Test func calendarFileIsOwnerOnlyCRLFWithStableUIDs() throws {
    let path = folder.url.appendingPathComponent("deadlines.ics").path
    let first = try ArchiveTestSupport.archive(["calendar", "-o", path], archive)
    #expect(first.status == 0, "\(first)")
    #expect(try mode(path) == 0o600)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    let uids = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
    #expect(uids.count == 3)
    #expect(!text.contains("0000000b"))
    let again = try ArchiveTestSupport.archive(["calendar"], archive)
    #expect(again.output.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } == uids)
  }
}
