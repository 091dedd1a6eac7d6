import RunbookCore
import Testing
import YAMLLite

/// The due forms of issue 12 through the loader: errors land at their column in the file, and
/// every anchor of an `earliest of` is checked.
@Suite("Due forms in a runbook")
struct DueFormsLoadingTests {
  static let cases: [LintCase] = [
    LintCase(
      name: "the second anchor of an earliest of is no date answer",
      replace: "due: 24h after discovered_at",
      with: "due: earliest of 4 hours after discovered_at; 24 hours after exposed",
      code: "due-anchor", line: 25, column: 66,
      message: "a due time counts from a date or datetime answer, and 'exposed' is a yesno question"
    ),
    LintCase(
      name: "the first anchor of an earliest of is misspelt",
      replace: "due: 24h after discovered_at",
      with: "due: earliest of 4 hours after discoverd_at; 1 day after recorded",
      code: "unknown-name", line: 25, column: 36, message: "'discoverd_at'"),
    LintCase(
      name: "an unknown zone at its column", replace: "due: 24h after discovered_at",
      with: "due: 4 business days after discovered_at by 17:30 America/NewYork",
      code: "bad-due", line: 25, column: 55,
      message: "'America/NewYork' is not a known time zone; expected an IANA name such as "
        + "America/New_York, Europe/Berlin or UTC; did you mean 'America/New_York'?"),
    LintCase(
      name: "an earliest of with one rule", replace: "due: 24h after discovered_at",
      with: "due: earliest of 24h after discovered_at", code: "bad-due", line: 25, column: 10,
      message: "'earliest of' needs two or more rules"),
  ]

  @Test(arguments: cases)
  func reportsLintError(_ lint: LintCase) throws {
    let result = RunbookLoader.load(Array(lint.source.utf8), file: "sample.yaml")
    #expect(result.runbook == nil)
    let errors = result.diagnostics.filter { $0.severity == .error }
    let first = try #require(errors.first, "no error for \(lint.name)")
    #expect(errors.count == 1, "\(errors)")
    #expect(first.code == lint.code)
    #expect(
      first.location == SourceLocation(file: "sample.yaml", line: lint.line, column: lint.column))
    #expect(first.message.contains(lint.message), "\(first.message)")
  }

  @Test("every new form loads clean, with its source kept")
  func newFormsLoad() throws {
    for due in [
      "earliest of 4 hours after discovered_at; 1 day after recorded",
      "4 business days after discovered_at by 17:30 America/New_York",
      "60 days after year-end of discovered_at",
    ] {
      let source = sampleRunbook.replacingOccurrences(
        of: "due: 24h after discovered_at", with: "due: \(due)")
      let result = RunbookLoader.load(Array(source.utf8), file: "sample.yaml")
      #expect(result.diagnostics == [], "\(due)")
      let rule = try #require(result.runbook?.actions.first?.due)
      #expect(rule.source == due)
      #expect(rule.rule == (try DueRule.parse(due)))
    }
  }
}
