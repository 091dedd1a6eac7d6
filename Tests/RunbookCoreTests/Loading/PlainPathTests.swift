import Foundation
import RunbookCore
import Testing
import TriageTestSupport

/// The path and file-name work a run does without Foundation gives what Foundation gives.
@Suite struct PlainPathTests {
  static let paths = [
    "/w/Runbooks/x.yaml", "/w/Runbooks/", "/w//Runbooks/x.yaml", "/x.yaml", "/", "", "x.yaml",
    "Runbooks/x.yaml", "./Runbooks/x.yaml", "/w/Runbooks/./x.yaml", "/w/naïve/é.yaml",
    "Runbooks//", "/w/Runbooks/..", "a/b/c",
  ]

  @Test("the last component is deleted as NSString deletes it", arguments: paths)
  func deletingLastComponent(_ path: String) {
    #expect(PlainPath.deletingLastComponent(path) == (path as NSString).deletingLastPathComponent)
  }

  @Test(
    "a component is appended as NSString appends it",
    arguments: paths, ["calendars", "facts.yaml", "a/b", "/c", "d/", "", "é.yml"])
  func appending(_ folder: String, _ name: String) {
    #expect(
      PlainPath.appending(name, to: folder)
        == (folder as NSString).appendingPathComponent(name))
  }

  @Test("the library listing's ids are the YAML names without their extension")
  func listingIDs() {
    let names = [
      "us-tx.yaml", "eu--gdpr.yml", ".yaml", ".yml", "x.YAML", "notes.yaml.txt", "d.tar.yaml",
      "é.yaml", "f.yml.yaml", "yaml", "g.yamlx", "facts.yaml", "h.yaml\u{301}", "i.ya",
    ]
    var files: [String: String] = [:]
    for name in names { files["/r/obligations/" + name] = "" }
    let listed = ObligationLibrary.fileIDs(
      in: "/r/obligations", fileSystem: InMemoryFileSystem(files))
    let expected = names.filter { RunbookLibrary.isYAMLFileName($0) && $0 != "facts.yaml" }
      .sorted()
    #expect(listed.map(\.path) == expected.map { "/r/obligations/" + $0 })
    #expect(listed.map(\.id) == expected.map { ($0 as NSString).deletingPathExtension })
  }
}
