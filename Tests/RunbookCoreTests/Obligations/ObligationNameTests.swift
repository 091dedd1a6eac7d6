import Foundation
import RunbookCore
import Testing
import TriageTestSupport

/// File ids, their jurisdictions, the library listing and resident items, read without
/// Foundation's string and path methods: the same answers those methods give.
@Suite("Obligation names read in pure Swift")
struct ObligationNameTests {
  @Test(
    "a file id is one or two kebab parts around --",
    arguments: [
      ("us-tx", true), ("eu--gdpr", true), ("eu--gdpr-authority", true), ("a--b--c", false),
      ("a---b", false), ("--gdpr", false), ("eu--", false), ("", false), ("EU--gdpr", false),
      ("us-", false),
    ])
  func fileIDs(_ text: String, _ valid: Bool) {
    #expect(ObligationFile.isFileID(text) == valid)
    // The same as cutting with Foundation.
    let parts = text.components(separatedBy: "--")
    let expected =
      (1...2).contains(parts.count) && parts.allSatisfy { IDPattern.kebab.matches($0) }
    #expect(ObligationFile.isFileID(text) == expected)
  }

  @Test(
    "a file id's jurisdiction is its part before --, in capitals",
    arguments: ["us-tx", "eu--gdpr", "any--contracts", "gb--uk-gdpr", "a---b", "--x", "x--", ""])
  func jurisdictions(_ id: String) {
    let expected = (id.components(separatedBy: "--").first ?? id).uppercased()
    #expect(ObligationFile.jurisdiction(ofFileID: id) == expected)
  }

  @Test("the listing gives each YAML file's id and path, the vocabulary left out")
  func listing() {
    let files = [
      "/r/obligations/facts.yaml": "", "/r/obligations/us-tx.yaml": "",
      "/r/obligations/eu--gdpr.yml": "", "/r/obligations/notes.txt": "",
    ]
    for folder in ["/r/obligations", "/r/obligations/"] {
      let listed = ObligationLibrary.fileIDs(in: folder, fileSystem: InMemoryFileSystem(files))
      #expect(listed.map(\.id) == ["eu--gdpr", "us-tx"])
      #expect(
        listed.map(\.path) == ["/r/obligations/eu--gdpr.yml", "/r/obligations/us-tx.yaml"])
    }
  }

  @Test(
    "spaces and tabs are trimmed as Foundation trims .whitespaces; newlines stay",
    arguments: [
      "US-TX", " US-TX ", "\tUS-TX\t", "\u{00A0}DE\u{3000}", "US-TX\n", "\n US-TX", "   ", "",
      "é ", " naïve",
    ])
  func trimming(_ text: String) {
    #expect(text.trimmedOfSpaces == text.trimmingCharacters(in: .whitespaces))
    #expect(text[...].trimmedOfSpaces == text.trimmingCharacters(in: .whitespaces))
  }

  @Test("a resident item's code and count may have spaces and tabs around them")
  func residentItemsTrimmed() throws {
    let counts = try ResidentCounts(items: ["\tUS-TX :\t1200 ", "DE:\u{00A0}?"])
    #expect(counts.entries.map(\.code) == ["US-TX", "DE"])
    #expect(counts.entries.map(\.count) == [1200, nil])
    #expect(throws: ResidentCounts.ItemError.self) { try ResidentCounts.entry("US-TX\n: 3") }
  }
}
