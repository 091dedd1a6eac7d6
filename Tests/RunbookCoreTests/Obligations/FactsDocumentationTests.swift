import Foundation
import RunbookCore
import Testing
import TriageTestSupport

/// docs/facts.md and Schemas/facts.schema.json stay in step with facts.yaml and the engine.
struct FactsDocumentationTests {
  func vocabulary() throws -> FactVocabulary {
    let bytes = Array(try BundledRunbooks.text(at: "obligations/facts.yaml").utf8)
    return try #require(FactVocabulary.load(bytes, file: "facts.yaml").0)
  }

  @Test func everyFactIsDocumentedWithItsTypeAndValues() throws {
    let page = try String(
      contentsOfFile: BundledRunbooks.packageRoot + "/docs/facts.md", encoding: .utf8)
    for fact in try vocabulary().facts {
      let values = fact.choiceIDs.map { "`\($0)`" }.joined(separator: ", ")
      #expect(
        page.contains("| `\(fact.name)` | \(fact.type.rawValue) | \(values) |"),
        "docs/facts.md lacks \(fact.name) as in facts.yaml")
    }
  }

  @Test func theSchemaNamesEveryFactType() throws {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: BundledRunbooks.packageRoot + "/Schemas/facts.schema.json"))
    let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let properties = schema["properties"] as? [String: Any]
    let facts = properties?["facts"] as? [String: Any]
    let items = facts?["items"] as? [String: Any]
    let itemProperties = items?["properties"] as? [String: Any]
    let type = itemProperties?["type"] as? [String: Any]
    #expect(type?["enum"] as? [String] == FactType.allCases.map(\.rawValue))
  }
}
