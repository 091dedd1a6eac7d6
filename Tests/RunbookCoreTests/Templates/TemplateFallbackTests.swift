import RunbookCore
import Testing

/// `{{name ?? text}}`: the text stands in for an unset or empty value, so a rendered text has
/// no gap where the inventory (or an answer) holds nothing.
@Suite struct TemplateFallbackTests {
  @Test func anUnsetNameShowsItsFallback() throws {
    let template = try Template.parse("to {{item.notice_to ?? their security contact}} now")
    #expect(template.rendered(with: [:]) == "to their security contact now")
  }

  @Test func anEmptyValueShowsItsFallback() throws {
    let template = try Template.parse("{{owner??nobody yet}}")
    #expect(template.rendered(with: ["owner": .string("")]) == "nobody yet")
  }

  @Test func aSetValueWins() throws {
    let template = try Template.parse("{{ item.notice_to ?? their security contact }}")
    let environment: [String: Value] = ["item.notice_to": .string("sec@acme.example")]
    #expect(template.rendered(with: environment) == "sec@acme.example")
  }

  @Test func theNameIsStillTheReferenceAndPositioned() throws {
    let template = try Template.parse("a {{ vendor ?? someone }}")
    #expect(template.references.map(\.name) == ["vendor"])
    #expect(template.references.map(\.offset) == [5])
  }

  @Test func anEmptyFallbackIsRefusedAtTheMarker() {
    #expect {
      try Template.parse("x {{vendor ??  }}")
    } throws: { error in
      guard let error = error as? TemplateError else { return false }
      return error.offset == 11 && error.message.contains("'??' gives no text")
    }
  }

  @Test func anInvalidNameBeforeTheMarkerIsStillRefused() {
    #expect(throws: TemplateError.self) { try Template.parse("{{two words ?? x}}") }
  }
}
