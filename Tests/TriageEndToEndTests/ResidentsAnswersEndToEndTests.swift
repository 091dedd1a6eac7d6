import Foundation
import Testing
import TriageTestSupport

/// `answers-template` and `answers-schema` describe a `residents` question's `CODE: COUNT` items
/// and the `facts:` an answers file may give.
@Suite struct ResidentsAnswersEndToEndTests {
  static let runbook = """
    runbook: residents-check
    title: Residents
    version: 1.0.0
    obligations: library
    sections:
      - id: facts
        title: Facts
        questions:
          - {id: affected, ask: Residents affected, type: list, fact: residents}
          - {id: role, ask: Do we own the data?, type: choice, choices: [owner, maintainer], fact: data_role}
    decision:
      - say: Work through the duties below.

    """

  func workspace() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try folder.write(Self.runbook, to: "residents-check.yaml")
    try folder.write(
      try BundledRunbooks.text(at: "obligations/facts.yaml"), to: "obligations/facts.yaml")
    return folder
  }

  @Test func theTemplateGivesTheItemsShapeAndAnExample() throws {
    let folder = try workspace()
    let result = try runTriage(
      ["answers-template", "residents-check.yaml"], currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output.contains(
        """
          # Residents affected
          # list, required, a list of CODE: COUNT items, like ['US-TX: 1200', 'DE: 40']
          # CODE: ISO 3166-1 alpha-2 (DE) or 3166-2 (US-TX, CA-QC), EU or ANY, in capitals;
          # COUNT: the people affected there, a whole number, or ? while not known
          affected: 
        """), "\(result)")
  }

  @Test func theSchemaChecksEachItemAndAcceptsFacts() throws {
    let folder = try workspace()
    let result = try runTriage(
      ["answers-schema", "residents-check.yaml"], currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let properties = try #require(schema["properties"] as? [String: Any])
    let answers = try #require(properties["answers"] as? [String: Any])
    let affected = try #require(
      (answers["properties"] as? [String: Any])?["affected"] as? [String: Any])
    let array = try #require((affected["anyOf"] as? [[String: Any]])?.first)
    let items = try #require(array["items"] as? [String: Any])
    let pattern = try #require(items["pattern"] as? String)
    let regex = try NSRegularExpression(pattern: pattern)
    func matches(_ text: String) -> Bool {
      regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
    #expect(matches("US-TX: 1200") && matches("DE:?") && matches("EU: 3") && matches("ANY: 0"))
    #expect(!matches("Texas: 3") && !matches("US-TX: 1.5") && !matches("us-tx: 3"))
    // Facts by name, with the same shapes; an answers file may give either or both.
    let facts = try #require(
      (properties["facts"] as? [String: Any])?["properties"] as? [String: Any])
    #expect(facts.keys.sorted() == ["data_role", "residents"])
    #expect(schema["required"] == nil)
    #expect((schema["anyOf"] as? [Any])?.count == 2)
  }
}
