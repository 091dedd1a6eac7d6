import IncidentLog
import Testing
import TriageTestSupport

/// The names and media types attached files are kept under, and where a secret is found.
@Suite struct EvidenceNameTests {
  @Test(
    "names are base names with hidden characters replaced",
    arguments: [
      ("/tmp/vendor/notice.html", "notice.html"),
      ("report\u{202E}lmth.exe", "report_lmth.exe"),
      ("a\u{1B}]0;title\u{07}.txt", "a_]0;title_.txt"),
      ("line\nbreak\ttab.log", "line_break_tab.log"),
      ("back\\slash.pdf", "back_slash.pdf"),
      ("zero\u{200B}width.csv", "zero_width.csv"),
      ("", "evidence"),
      ("/", "evidence"),
      ("..", "evidence"),
    ])
  func neutralised(_ input: String, _ expected: String) {
    #expect(EvidenceName.neutralised(input) == expected)
  }

  @Test func longNamesAreCutAtACharacterBoundary() {
    let name = EvidenceName.neutralised(String(repeating: "é", count: 200))
    #expect(name.utf8.count <= 255)
    #expect(name == String(repeating: "é", count: 127))
  }

  @Test(
    "media types by extension",
    arguments: [
      ("notice.HTML", "text/html"), ("statement.pdf", "application/pdf"),
      ("export.log", "text/plain"), ("session.har", "application/json"),
      ("mail.eml", "message/rfc822"), ("blob", "application/octet-stream"),
      (".hidden", "application/octet-stream"), ("archive.xyz", "application/octet-stream"),
    ])
  func mediaType(_ name: String, _ expected: String) {
    #expect(EvidenceName.mediaType(of: name) == expected)
  }

  @Test func aSecretIsPlacedAtItsLineAndColumn() {
    let token = MadeUpSecrets.gitHubToken()
    let text = "first line\nsecond line\n  käy = \(token) trailing\n"
    let found = EvidenceSecretScan.firstSecret(in: Array(text.utf8))
    #expect(found?.line == 3)
    #expect(found?.column == 9)
    #expect(found?.kind == "a GitHub token")
  }

  @Test func binaryFilesAndCleanTextPass() {
    #expect(EvidenceSecretScan.firstSecret(in: [0xFF, 0xFE, 0x00, 0x67, 0x68, 0x70]) == nil)
    #expect(EvidenceSecretScan.firstSecret(in: Array("The vendor's notice.\n".utf8)) == nil)
  }
}
