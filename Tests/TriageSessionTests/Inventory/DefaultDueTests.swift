import Foundation
import RunbookCore
import Testing
import TriageSession

/// `default-due:` on a `for-each` rule whose due reads the item's inventory fields.
///
/// An item that cannot fill them counts by the default, and says so; without one it stays
/// undetermined. The same runbook is cross-checked by `scripts/validate-runbooks --self-test`
/// (DefaultDue).
@Suite("A for-each rule's default due")
struct DefaultDueTests {
  static let runbookText = """
    runbook: clocks
    title: Per-client clocks
    version: 1.0.0
    sections:
      - id: start
        title: Start
        questions:
          - id: discovered_at
            ask: When?
            type: datetime
          - id: affected_clients
            ask: Which clients?
            type: list
            fact: affected_clients
    notifications:
      - id: notify-client
        for-each: affected_clients
        to: 'client {{item}}'
        due: '{{item.notice_within}} after discovered_at'
        default-due: 72 hours after discovered_at
    """

  /// 2026-04-01T09:00:00Z.
  static let discovered = Date(timeIntervalSince1970: 1_775_034_000)

  static func load(_ text: String) -> (runbook: Runbook?, diagnostics: [Diagnostic]) {
    let loaded = RunbookLoader.load(Array(text.utf8), file: "clocks.yaml")
    return (loaded.runbook, loaded.diagnostics)
  }

  static func outcomes(_ text: String = runbookText) throws -> Outcomes {
    var runbook = try #require(load(text).runbook)
    runbook.itemFields = [
      "affected_clients": [
        "acme": ["notice_within": "24 hours"], "globex": ["notice_within": "promptly"],
      ]
    ]
    let answers: [String: Value] = [
      "discovered_at": .time(discovered), "affected_clients": .list(["acme", "globex", "initech"]),
    ]
    return OutcomeEvaluator.evaluate(
      runbook, answers: answers, recorded: discovered, calendar: nil)
  }

  @Test func anItemWithoutAClauseCountsByTheDefaultAndSaysSo() throws {
    let outcomes = try Self.outcomes()
    #expect(
      outcomes.notifications.map(\.id) == [
        "notify-client[acme]", "notify-client[globex]", "notify-client[initech]",
      ])
    #expect(
      outcomes.notifications.map(\.due) == [
        .at(Self.discovered + 86_400), .at(Self.discovered + 3 * 86_400),
        .at(Self.discovered + 3 * 86_400),
      ])
    #expect(
      outcomes.notifications.map(\.dueRule) == [
        "24 hours after discovered_at", "72 hours after discovered_at",
        "72 hours after discovered_at",
      ])
    #expect(
      outcomes.notifications.map(\.dueNote) == [
        nil,
        "the due time \"{{item.notice_within}} after discovered_at\" does not give a due rule "
          + "for globex: default 72 hours after discovered_at",
        "no notice clause for initech in the inventory: default 72 hours after discovered_at",
      ])
    #expect(outcomes.undetermined.isEmpty)
  }

  @Test func withoutADefaultTheItemStaysUndetermined() throws {
    let text = Self.runbookText.replacingOccurrences(
      of: "\n    default-due: 72 hours after discovered_at", with: "")
    let outcomes = try Self.outcomes(text)
    #expect(outcomes.notifications.map(\.id) == ["notify-client[acme]"])
    #expect(
      outcomes.undetermined.map(\.because) == [
        "the due time \"{{item.notice_within}} after discovered_at\" does not give a due rule "
          + "for globex",
        "no notice clause for initech in the inventory",
      ])
  }

  /// Each problem of a `default-due`, at its line and column.
  @Test(arguments: [
    ("default-due: 72 hours after found_at", "unknown-name", 20, 33),
    ("default-due: 72 fortnights after discovered_at", "bad-due", 20, 21),
    ("default-due: '{{item.notice_within}} after discovered_at'", "bad-due", 20, 19),
  ])
  func defaultDueIsCheckedLikeDue(written: String, code: String, line: Int, column: Int) {
    let text = Self.runbookText.replacingOccurrences(
      of: "default-due: 72 hours after discovered_at", with: written)
    let problems = Self.load(text).diagnostics.filter { $0.severity == .error }
    #expect(
      problems.contains {
        $0.code == code && $0.location.line == line && $0.location.column == column
      }, "\(problems.map { "\($0.location.line):\($0.location.column) \($0.code)" })")
  }

  @Test func aDefaultBesideAPlainDueIsNeverUsed() {
    let text = Self.runbookText.replacingOccurrences(
      of: "'{{item.notice_within}} after discovered_at'", with: "24 hours after discovered_at")
    let problems = Self.load(text).diagnostics
    #expect(
      problems.contains {
        $0.code == "unused-default-due" && $0.location.line == 20 && $0.location.column == 18
      }, "\(problems)")
  }
}
