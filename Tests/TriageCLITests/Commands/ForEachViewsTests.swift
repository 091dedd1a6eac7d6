import Foundation
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport

/// `answers-template`, `answers-schema` and `graph` for a runbook with a repeated group.
@Suite struct ForEachViewsTests {
  let files = ["r.yaml": forEachRunbook]

  @Test func templateHasTheGroupAsASkeletonThatFillsInPerItem() throws {
    let template = InProcessRun(["answers-template", "r.yaml"], files: files).output
    #expect(template.contains("  each-credential:\n  #   ITEM:\n"))
    #expect(template.contains("  #     used_in_production: \n"))
    let (empty, problems) = AnswersFile.load(Array(template.utf8), file: "a.yaml")
    #expect(problems == [])
    #expect(
      empty?.entries.map(\.questionID) == [
        "vendor", "discovered_at", "credentials_held", "each-credential",
      ])
    let filled =
      template
      .replacingOccurrences(of: "  vendor: \n", with: "  vendor: Acme\n")
      .replacingOccurrences(of: "  discovered_at: \n", with: "  discovered_at: now\n")
      .replacingOccurrences(of: "  credentials_held: \n", with: "  credentials_held: [a key]\n")
      .replacingOccurrences(of: "  #   ITEM:\n", with: "    a key:\n")
      .replacingOccurrences(of: "  #     credential_kind: \n", with: "      credential_kind: ssh\n")
      .replacingOccurrences(
        of: "  #     used_in_production: \n", with: "      used_in_production: yes\n")
    let (file, fileProblems) = AnswersFile.load(Array(filled.utf8), file: "a.yaml")
    #expect(fileProblems == [])
    let runbook = try #require(
      RunbookLoader.load(Array(forEachRunbook.utf8), file: "r.yaml").runbook)
    var session = Session(runbook: runbook)
    let applied = try #require(file).apply(to: &session, now: Date(timeIntervalSince1970: 0))
    #expect(applied.filter { $0.severity == .error }.map(\.description) == [])
    #expect(session.values()["used_in_production[a-key]"] == .boolean(true))
  }

  @Test func schemaNestsTheGroupsQuestionsPerItem() throws {
    let text = InProcessRun(["answers-schema", "r.yaml"], files: files).output
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let properties = schema["properties"] as? [String: Any]
    let answers = (properties?["answers"] as? [String: Any])?["properties"] as? [String: Any]
    #expect(answers?["used_in_production"] == nil)
    let group = answers?["each-credential"] as? [String: Any]
    let item = group?["additionalProperties"] as? [String: Any]
    let itemProperties = item?["properties"] as? [String: Any]
    #expect(
      itemProperties.map { Set($0.keys) } == ["credential_kind", "used_in_production", "client"])
  }

  @Test func graphLoopsOverTheItemsAndLinksForEachOutcomesToTheirList() {
    let graph = InProcessRun(["graph", "r.yaml"], files: files).output
    #expect(graph.contains("(for each item of<br/>credentials_held)"))
    #expect(graph.contains("  q_client -.->|\"next item\"| q_credential_kind\n"))
    #expect(graph.contains("  q_credentials_held -.->|\"no items\"| done\n"))
    #expect(graph.contains("  q_credentials_held -.->|\"for each\"| action_rotate\n"))
    #expect(!graph.contains("q_item"))
  }
}
