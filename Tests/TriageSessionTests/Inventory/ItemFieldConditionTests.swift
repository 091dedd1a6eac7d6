import Foundation
import RunbookCore
import Testing
import TriageSession

/// `item.NAME` in the `when` of a `for-each` rule: the item's inventory field, text; an unset
/// field (no inventory) compares false; a name that is no field is an error at its column, with
/// the nearest field; outside a `for-each` rule `item.kind` names nothing.
@Suite("Item fields in for-each conditions")
struct ItemFieldConditionTests {
  static let runbookText = """
    runbook: items
    title: Items
    version: 1.0.0
    sections:
      - id: facts
        title: Facts
        questions:
          - id: credentials
            ask: Which credentials?
            type: list
            fact: vendor_credentials
    actions:
      - id: rotate
        kind: rotate
        for-each: credentials
        title: 'Rotate {{item}}'
        when: not (item.kind == 'oauth-client')
        not-required:
          - when: item.kind == 'oauth-client'
            because: '{{item}} was revoked by the platform.'
        due: immediately
    """

  static func load(_ text: String) -> (runbook: Runbook?, diagnostics: [Diagnostic]) {
    let loaded = RunbookLoader.load(Array(text.utf8), file: "items.yaml")
    return (loaded.runbook, loaded.diagnostics)
  }

  static func outcomes(fields: [String: [String: String]]) throws -> Outcomes {
    var runbook = try #require(load(runbookText).runbook, "\(load(runbookText).diagnostics)")
    runbook.itemFields = ["credentials": fields]
    return OutcomeEvaluator.evaluate(
      runbook, answers: ["credentials": .list(["grant", "deploy-key"])], recorded: Date(),
      calendar: nil)
  }

  @Test func aFieldDecidesEachItem() throws {
    let outcomes = try Self.outcomes(fields: [
      "grant": ["kind": "oauth-client"], "deploy-key": ["kind": "ssh-key"],
    ])
    #expect(outcomes.actions.map(\.id) == ["rotate[deploy-key]"])
    #expect(outcomes.notRequired.map(\.id) == ["rotate[grant]"])
    #expect(outcomes.notRequired.map(\.because) == ["grant was revoked by the platform."])
  }

  @Test func withoutFieldsEveryItemIsRotated() throws {
    let outcomes = try Self.outcomes(fields: [:])
    #expect(outcomes.actions.map(\.id) == ["rotate[grant]", "rotate[deploy-key]"])
    #expect(outcomes.notRequired.isEmpty)
  }

  @Test func anUnknownFieldIsAnErrorAtItsColumnWithTheNearest() {
    let text = Self.runbookText.replacingOccurrences(
      of: "when: not (item.kind == 'oauth-client')", with: "when: not (item.knd == 'oauth-client')")
    let problems = Self.load(text).diagnostics.filter { $0.severity == .error }
    // Line 17: `    when: not (item.knd ...`; the name starts at column 16.
    #expect(
      problems.contains {
        $0.location.line == 17 && $0.location.column == 16 && $0.message.contains("'item.kind'")
      }, "\(problems.map { "\($0.location.line):\($0.location.column) \($0.message)" })")
  }

  @Test func outsideAForEachRuleItNamesNothing() {
    let text = Self.runbookText + "\nseverity:\n  - level: high\n    when: item.kind == 'x'\n"
    let problems = Self.load(text).diagnostics.filter { $0.severity == .error }
    #expect(problems.contains { $0.code == "unknown-name" && $0.message.contains("item.kind") })
  }
}
