import RunbookCore
import Testing
import TriageTestSupport
import YAMLLite

/// One misuse of `for-each`: an edit of ``forEachRunbook`` and the error it must give, where.
struct ForEachLintCase: CustomTestStringConvertible, Sendable {
  let name: String
  let replace: String
  let with: String
  let code: String
  let line: Int
  let column: Int
  let message: String

  var testDescription: String { name }
  var source: String { forEachRunbook.replacingOccurrences(of: replace, with: with) }
}

@Suite("Repeated groups: loading and lint")
struct ForEachLintTests {
  @Test func fixtureLoadsCleanWithItsGroupAndRules() throws {
    let result = RunbookLoader.load(Array(forEachRunbook.utf8), file: "r.yaml")
    #expect(result.diagnostics.map(\.description) == [])
    let runbook = try #require(result.runbook)
    #expect(runbook.sections.map(\.forEach) == [nil, "credentials_held"])
    #expect(runbook.actions.map(\.forEach) == ["credentials_held", nil])
    #expect(runbook.notifications.first?.forEach == "credentials_held")
    #expect(runbook.group(holding: "client")?.id == "each-credential")
    #expect(runbook.group(holding: "vendor") == nil)
  }

  /// The fixture with a datetime question in its repeated group, for due anchors.
  static let withTime = forEachRunbook.replacingOccurrences(
    of: "        when: used_in_production\n",
    with: "        when: used_in_production\n      - id: client_told_at\n"
      + "        ask: When was the client told?\n        type: datetime\n")

  static let cases: [ForEachLintCase] = [
    ForEachLintCase(
      name: "for-each naming an unknown question",
      replace: "    for-each: credentials_held\n    questions",
      with: "    for-each: credential_held\n    questions", code: "unknown-name", line: 19,
      column: 15,
      message: "for-each names 'credential_held', which is no question of this runbook; "
        + "did you mean 'credentials_held'?"),
    ForEachLintCase(
      name: "for-each naming a question that is not a list",
      replace: "    for-each: credentials_held\n    questions",
      with: "    for-each: vendor\n    questions", code: "for-each-not-a-list", line: 19,
      column: 15,
      message: "for-each needs a list or multi question, and 'vendor' is a text question"),
    ForEachLintCase(
      name: "for-each naming a question of its own or a later section",
      replace: "    for-each: credentials_held\n    questions",
      with: "    for-each: client\n    questions", code: "forward-reference", line: 19,
      column: 15,
      message: "for-each names 'client', asked in section 'each-credential'"),
    ForEachLintCase(
      name: "nested for-each", replace: "    for-each: credentials_held\n    to:",
      with: "    for-each: credential_kind\n    to:", code: "nested-for-each", line: 52,
      column: 15,
      message: "for-each names 'credential_kind', a question of the repeated group "
        + "'each-credential': nested for-each is not supported"),
    ForEachLintCase(
      name: "a group question in a template outside its group",
      replace: "say: Review what {{vendor}} held.",
      with: "say: Review what {{used_in_production}} held.", code: "outside-group", line: 38,
      column: 24,
      message: "'used_in_production' is asked once per item of 'credentials_held' (group "
        + "'each-credential'): only that group and for-each rules over 'credentials_held' can "
        + "name it"),
    ForEachLintCase(
      name: "a group question in a condition outside its group",
      replace: "    when: vendor\n", with: "    when: used_in_production\n",
      code: "outside-group", line: 35, column: 11,
      message: "'used_in_production' is asked once per item"),
    ForEachLintCase(
      name: "a question named item", replace: "      - id: vendor\n",
      with: "      - id: item\n", code: "duplicate-id", line: 8, column: 9,
      message: "'item' names the item in a repeated group or for-each rule"),
    ForEachLintCase(
      name: "item outside a group", replace: "say: Review what {{vendor}} held.",
      with: "say: Rotate what {{item}} held.", code: "unknown-name", line: 38, column: 24,
      message: "unknown name 'item'"),
  ]

  @Test(arguments: cases)
  func reportsMisuse(_ lint: ForEachLintCase) throws {
    let result = RunbookLoader.load(Array(lint.source.utf8), file: "r.yaml")
    #expect(result.runbook == nil)
    let errors = result.diagnostics.filter { $0.severity == .error }
    let error = try #require(
      errors.first { $0.code == lint.code }, "no \(lint.code) error in \(errors)")
    #expect(error.location == SourceLocation(file: "r.yaml", line: lint.line, column: lint.column))
    #expect(error.message.hasPrefix(lint.message), "\(error.message)")
  }

  @Test func dueTimeFromAGroupAnswerOnlyInAForEachRule() throws {
    let outside = Self.withTime.replacingOccurrences(
      of: "    title: Review the vendor relationship with {{vendor}}\n",
      with: "    title: Review the vendor relationship with {{vendor}}\n"
        + "    due: 1 day after client_told_at\n")
    let result = RunbookLoader.load(Array(outside.utf8), file: "r.yaml")
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == ["outside-group"])
    #expect(errors.first?.location == SourceLocation(file: "r.yaml", line: 53, column: 22))
    let inside = Self.withTime.replacingOccurrences(
      of: "due: 24 hours after discovered_at", with: "due: 24 hours after client_told_at")
    #expect(RunbookLoader.load(Array(inside.utf8), file: "r.yaml").diagnostics.map(\.code) == [])
  }

  @Test func itemKeysAreSluggedAndUnique() {
    #expect(
      RepeatedItem.keys(for: ["Deploy Key", "deploy-key", "", "npm  token!", "Ünïcode"])
        == ["deploy-key", "deploy-key-2", "item-3", "npm-token", "n-code"])
    #expect(RepeatedItem.slug(String(repeating: "ab ", count: 40)).count <= 48)
    #expect(RepeatedItem.split("rotate[deploy-key]")?.key == "deploy-key")
    #expect(RepeatedItem.split("rotate[Deploy]") == nil)
    #expect(RepeatedItem.split("rotate") == nil)
  }
}
