import Foundation
import Testing

/// `triage answers-template` and `answers-schema` on the real binary and the bundled runbook.
@Suite struct AnswersEndToEndTests {
  @Test func writesATemplateThatParsesAsYAML() throws {
    let template = try runTriage(["answers-template", BundledRunbook.path])
    #expect(template.status == 0, "\(template)")
    #expect(template.output.contains("\nrunbook: ai-tool-source-leak\nresponder: \nanswers:\n"))
    #expect(template.output.contains("\n  discovered_at: \n"), "an anchor has no default")
    #expect(!template.output.contains("\n  about_source_leaks:"), "notes take no answer")
    let parsed = try runTriage(["parse", "-", "--json"], standardInput: template.output)
    #expect(parsed.status == 0, "\(parsed)")
    let tree = try JSONSerialization.jsonObject(with: Data(parsed.output.utf8)) as? [String: Any]
    let answers = tree?["answers"] as? [String: Any]
    #expect(answers?.count == 28)
    #expect(answers?["our_data_exposed"] as? String == "no")
  }

  @Test func writesASchemaThatIsJSONWithOnePropertyPerQuestion() throws {
    let result = try runTriage(
      ["answers-schema", BundledRunbook.id, "--runbooks", BundledRunbook.folder])
    #expect(result.status == 0, "\(result)")
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    let properties = try #require(schema["properties"] as? [String: Any])
    let runbook = try #require(properties["runbook"] as? [String: Any])
    #expect(runbook["const"] as? String == "ai-tool-source-leak")
    let answers = try #require(properties["answers"] as? [String: Any])
    #expect(answers["additionalProperties"] as? Bool == false)
    let questions = try #require(answers["properties"] as? [String: Any])
    #expect(questions.count == 28)
    let exposure = try #require(questions["exposure"] as? [String: Any])
    // A multi: an array of choice ids, or one comma-separated text.
    let forms = try #require(exposure["anyOf"] as? [[String: Any]])
    #expect(forms.map { $0["type"] as? String } == ["array", "string"])
    let pattern = try #require(
      (questions["vendor_statement_url"] as? [String: Any])?["pattern"] as? String)
    #expect(pattern == #"^(?:https?://\S+)$"#)
  }
}
