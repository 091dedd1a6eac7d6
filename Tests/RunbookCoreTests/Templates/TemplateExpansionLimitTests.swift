import RunbookCore
import Testing

/// An expanded template is bounded: repeats of a long answer stop at a marker.
@Suite struct TemplateExpansionLimitTests {
  static let longAnswer = String(repeating: "x", count: 60_000)

  @Test func twentyRepeatsOfALongAnswerAreCutAtTheLimit() throws {
    let template = try Template.parse(String(repeating: "{{a}},", count: 20))
    let environment: [String: Value] = ["a": .string(Self.longAnswer)]
    let limit = template.expansionLimit(with: environment)
    #expect(limit == 65_536)
    let text = template.rendered(with: environment)
    let marker = Template.truncationMarker(limit: limit)
    #expect(text.hasSuffix(marker))
    #expect(text.utf8.count == limit + marker.utf8.count)
  }

  @Test func aTemplateNamingEachAnswerOnceExpandsInFull() throws {
    let template = try Template.parse("{{a}} and {{b}}")
    let environment: [String: Value] = [
      "a": .string(Self.longAnswer), "b": .string(Self.longAnswer),
    ]
    #expect(template.rendered(with: environment) == Self.longAnswer + " and " + Self.longAnswer)
  }

  @Test func theCutFallsOnACharacterBoundary() throws {
    let template = try Template.parse("{{a}}{{a}}")
    let accents = String(repeating: "é", count: 40_000)
    let text = template.rendered(with: ["a": .string(accents)])
    let limit = template.expansionLimit(with: ["a": .string(accents)])
    let body = text.dropLast(Template.truncationMarker(limit: limit).count)
    #expect(body.allSatisfy { $0 == "é" })
    #expect(body.utf8.count <= limit)
    #expect(body.utf8.count > limit - 2)
  }
}
