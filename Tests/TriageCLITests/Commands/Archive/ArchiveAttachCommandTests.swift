import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// `triage archive attach` in-process, on the fixture archive at `/w/log`.
@Suite struct ArchiveAttachCommandTests {
  let tree: InMemoryFileSystem
  let record = "20210401T093000Z-0000000a"
  let notice = "<html><body>Acme: we were breached on 30 March.</body></html>\n"

  init() {
    tree = InMemoryFileSystem(
      Dictionary(
        uniqueKeysWithValues: archiveFixtureDocuments.map { ("/w/log/" + $0.path, $0.text) }))
  }

  /// Runs `triage archive ARGUMENTS --archive log` in `/w`.
  func run(_ arguments: String...) -> (exit: TriageExit, output: String, error: String) {
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(["archive"] + arguments + ["--archive", "log"], context: context)
    return (exit, context.capturedOutput, context.capturedError)
  }

  var hash: String { SHA256.hexHash(Array(notice.utf8)) }
  var keptPath: String { "/w/log/evidence/sha256/\(hash.prefix(2))/\(hash)" }

  func evidenceFiles() -> [String] {
    tree.allFiles(under: "/w/log").filter { $0.hasPrefix("evidence/") }
  }

  @Test func attachKeepsTheFileByHashAndWritesAnEvidenceAmendment() throws {
    tree.add(["/w/notice.html": notice])
    let before = Set(tree.allFiles(under: "/w/log"))
    let result = run("attach", "20210401", "notice.html", "--note", "As published, 2 April")
    #expect(result.exit == .success, "\(result.error)")
    let added = Set(tree.allFiles(under: "/w/log")).subtracting(before).filter {
      !$0.hasPrefix(".")
    }
    let amendment = try #require(added.first { $0.hasPrefix("amendments/") })
    #expect(added.count == 2)
    #expect(
      result.output == """
        Record \(record): evidence notice.html attached (\(notice.utf8.count) bytes, text/html, sha256 \(hash.prefix(12))).
        Kept: \(keptPath)
        Wrote /w/log/\(amendment)

        """)
    #expect(tree.text(at: keptPath) == notice)
    #expect(try tree.permissions(at: keptPath) == 0o600)
    let document = try JSONValue.parse(
      Array(try #require(tree.text(at: "/w/log/" + amendment)).utf8))
    let stored = try Amendment(json: document)
    #expect(
      stored.change
        == .evidence(
          EvidenceFile(
            sha256: hash, size: notice.utf8.count, name: "notice.html", mediaType: "text/html",
            note: "As published, 2 April")))
    #expect(run("verify").output.hasPrefix("Archive intact: 8 documents checked.\n"))
    let show = run("show", "20210401")
    #expect(
      show.output.contains(
        """
        Evidence:

        - notice.html: \(notice.utf8.count) bytes, text/html, sha256 \(hash.prefix(12)), attached 2027-01-15T08:00:00Z by
        """))
  }

  @Test func theSameBytesAreKeptOnce() {
    tree.add(["/w/notice.html": notice, "/w/copy.html": notice])
    #expect(run("attach", "20210401", "notice.html").exit == .success)
    let again = run("attach", "20210415", "copy.html")
    #expect(again.exit == .success)
    #expect(
      again.output.contains("Already kept (the same bytes; not copied again): \(keptPath)\n"))
    #expect(evidenceFiles() == ["evidence/sha256/\(hash.prefix(2))/\(hash)"])
    #expect(run("verify").output.hasPrefix("Archive intact: 9 documents checked.\n"))
  }

  @Test func aTextFileWithASecretIsRefusedWithItsPositionAndNothingIsWritten() {
    let token = MadeUpSecrets.gitHubToken()
    tree.add(["/w/export.log": "GET /api 200\nPOST /login 302 Authorization: token \(token)\n"])
    let before = tree.allFiles(under: "/w/log")
    let result = run("attach", "20210401", "export.log")
    #expect(result.exit == .dataError)
    #expect(
      result.error
        == "triage: export.log:2:38: looks like a GitHub token; evidence is kept as it stands, "
        + "so redact the secret (and rotate it) before attaching. Nothing was written.\n")
    #expect(!result.error.contains(token))
    #expect(tree.allFiles(under: "/w/log") == before)
  }

  @Test func aFileOverTwentyFiveMiBIsRefused() {
    tree.add(["/w/big.log": String(repeating: "x", count: (25 << 20) + 1)])
    let before = tree.allFiles(under: "/w/log")
    let result = run("attach", "20210401", "big.log")
    #expect(result.exit == .dataError)
    #expect(result.error == "triage: big.log: larger than the limit of 25 MiB for evidence\n")
    #expect(tree.allFiles(under: "/w/log") == before)
  }

  @Test func verifyNamesAChangedAndAMissingEvidenceFile() throws {
    tree.add(["/w/notice.html": notice])
    #expect(run("attach", "20210401", "notice.html").exit == .success)
    try tree.replaceFile(Array((notice + "edited").utf8), at: keptPath)
    let changed = run("verify")
    #expect(changed.exit == .dataError)
    let relative = "evidence/sha256/\(hash.prefix(2))/\(hash)"
    #expect(
      changed.output.hasPrefix(
        "evidence: \(relative): evidence 'notice.html' of amendment 20270115T080000Z-"))
    #expect(changed.output.contains(" was changed: its contents hash to "))
    #expect(changed.output.contains("Archive NOT intact: 1 problem in 8 documents."))
    try tree.removeFile(at: keptPath)
    let missing = run("verify")
    #expect(missing.exit == .dataError)
    #expect(missing.output.contains("is missing (deleted)\n"))
  }

  @Test func hiddenCharactersInTheNameNeverReachTheArchive() throws {
    tree.add(["/w/notice\u{202E}lmth.exe": notice])
    let result = run("attach", "20210401", "notice\u{202E}lmth.exe")
    #expect(result.exit == .success)
    #expect(result.output.contains("evidence notice_lmth.exe attached"))
    let amendments = tree.allFiles(under: "/w/log/amendments").compactMap {
      tree.text(at: "/w/log/amendments/" + $0)
    }
    #expect(amendments.contains { $0.contains("\"name\": \"notice_lmth.exe\"") })
    #expect(!amendments.contains { $0.contains("\u{202E}") })
  }

  @Test func evidenceMayBeAttachedToAClosedRecord() {
    tree.add(["/w/notice.html": notice])
    let result = run("attach", "20210402", "notice.html")
    #expect(result.exit == .success, "\(result.error)")
  }

  @Test func aMissingFileIsExit66AndASecretNoteIsRefused() {
    #expect(run("attach", "20210401", "nowhere.pdf").exit == .noInput)
    tree.add(["/w/notice.html": notice])
    let secret = run("attach", "20210401", "notice.html", "--note", MadeUpSecrets.gitHubToken())
    #expect(secret.exit == .dataError)
    #expect(evidenceFiles().isEmpty)
  }
}

extension ArchiveAttachCommandTests {
  @Test func aBinaryFileIsKeptAndSaidToBeUnscanned() throws {
    let bytes: [UInt8] = [0x25, 0x50, 0x44, 0x46, 0x2D, 0xFF, 0xFE, 0x00, 0x01]
    try tree.writeNewFile(bytes, at: "/w/statement.pdf")
    let result = run("attach", "20210401", "statement.pdf")
    #expect(result.exit == .success, "\(result.error)")
    #expect(result.output.contains("(9 bytes, application/pdf, sha256 "))
    #expect(
      result.output.hasSuffix(
        "Not scanned for secrets: not UTF-8 text (a PDF or an image); check it by hand.\n"))
    let hash = SHA256.hexHash(bytes)
    #expect(try tree.readFile(at: "/w/log/evidence/sha256/\(hash.prefix(2))/\(hash)") == bytes)
  }
}
