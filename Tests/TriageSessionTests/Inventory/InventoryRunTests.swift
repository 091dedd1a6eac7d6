import Foundation
import RunbookCore
import Testing
import TriageSession
import TriageTestSupport

/// `run --vendor` below the command line: the inventory's answers with their sources, item
/// fields in for-each templates, due rules written as templates, and a responder replacing an
/// inventory answer.
@Suite("Runs that start from the inventory")
struct InventoryRunTests {
  static let runbookText = vendorItemsRunbook(
    questions: """
            - id: clients
              ask: Which clients?
              type: list
              fact: affected_clients

      """,
    rest: """
      actions:
        - id: rotate
          kind: rotate
          for-each: credentials
          title: 'Rotate {{item}} ({{item.name}})'
          owner: '{{item.owner}}'
          due: immediately
      notifications:
        - id: notify-client
          for-each: clients
          to: '{{item}} at {{item.notice_to}}'
          due: '{{item.notice_within}} after discovered_at'
      """)

  static let inventoryFiles: [String: String] = [
    "organisation.yaml": "organisation:\n  name: Us\n  facts:\n    established_in: [GB]",
    "vendors.yaml": """
    vendors:
      - id: filebox
        name: FileBox
        credentials:
          - {id: filebox-sftp, name: SFTP account, kind: password, owner: alice@example.com}
          - {id: filebox-api, name: API token, kind: api-token, owner: bob@example.com}
        data:
          - {id: files, elements: [name], residents: {DE: 5}, role: processor, clients: [acme, globex]}
    """,
    "clients.yaml": """
    clients:
      - id: acme
        name: ACME GmbH
        notice: {within: 5 business days, to: security@acme.example}
      - id: globex
        name: Globex
    """,
  ]

  static func runbook() throws -> Runbook {
    let loaded = RunbookLoader.load(Array(runbookText.utf8), file: "vendor-items.yaml")
    return try #require(loaded.runbook, "\(loaded.diagnostics)")
  }

  static func answers() throws -> InventoryAnswers {
    let tree = InMemoryFileSystem(
      Dictionary(uniqueKeysWithValues: inventoryFiles.map { ("/inv/" + $0.key, $0.value + "\n") }))
    let (loaded, diagnostics) = Inventory.load(folder: "/inv", named: "inv", fileSystem: tree)
    let inventory = try #require(loaded, "\(diagnostics)")
    let match = try inventory.match("FileBox").get()
    return InventoryAnswers(
      impact: inventory.impact(of: match), organisation: inventory.organisation, sha256: "ab12")
  }

  /// Friday 2026-12-04 16:00 UTC.
  static let aware = Date(timeIntervalSince1970: 1_796_400_000)

  /// The inventory's answers filled in as `run --vendor` fills them, at ``aware``.
  static func prefill(_ session: inout Session, from answers: InventoryAnswers) {
    Prefill(sources: [answers.answering(_:at:)], now: { aware }).fill(&session)
  }

  @Test func inventoryAnswersCarryTheirSourceAndFillItemTemplates() throws {
    let answers = try Self.answers()
    var runbook = try Self.runbook()
    runbook.itemFields = answers.itemFields(for: runbook)
    var session = Session(runbook: runbook)
    let discovered = try #require(runbook.question("discovered_at"))
    session.record(.time(Self.aware), for: discovered, at: Self.aware)
    Self.prefill(&session, from: answers)
    #expect(
      session.trail.filter { $0.source?.kind == .inventory }.map(\.question) == [
        "established_in", "credentials", "clients",
      ])
    #expect(session.isComplete)
    let established = try #require(session.trail.first { $0.question == "established_in" })
    #expect(
      established.source
        == AnswerSource(
          kind: .inventory, file: "inv/organisation.yaml", line: 4, inventorySHA256: "ab12"))
    #expect(session.trail.first { $0.question == "discovered_at" }?.source == nil)

    let outcomes = OutcomeEvaluator.evaluate(
      runbook, answers: session.values(), recorded: Self.aware, calendar: nil)
    #expect(outcomes.actions.map(\.owner) == ["alice@example.com", "bob@example.com"])
    #expect(
      outcomes.actions.map(\.title) == [
        "Rotate filebox-sftp (SFTP account)", "Rotate filebox-api (API token)",
      ])
    // 5 business days from a Friday: the next Friday.
    #expect(outcomes.notifications.map(\.id) == ["notify-client[acme]"])
    #expect(outcomes.notifications.map(\.due) == [.at(Self.aware + 7 * 86_400)])
    #expect(outcomes.notifications.map(\.to) == ["acme at security@acme.example"])
    #expect(outcomes.undetermined.map(\.id) == ["notify-client[globex]"])
    #expect(
      outcomes.undetermined.map(\.because) == ["no notice clause for globex in the inventory"])
  }

  @Test func responderReplacingAnInventoryAnswerKeepsWhatItReplaced() throws {
    let answers = try Self.answers()
    let runbook = try Self.runbook()
    var session = Session(runbook: runbook)
    Self.prefill(&session, from: answers)
    session.forget("established_in")
    // Reopened: the inventory does not fill it again.
    Self.prefill(&session, from: answers)
    #expect(session.given["established_in"] == nil)
    let question = try #require(runbook.question("established_in"))
    session.record(.list(["DE"]), for: question, at: Self.aware)
    let entry = try #require(session.trail.first { $0.question == "established_in" })
    #expect(entry.source == AnswerSource(kind: .responder))
    #expect(entry.replaced == .list(["GB"]))
    #expect(entry.replacedSource?.file == "inv/organisation.yaml")
  }

  @Test func templateDueThatCannotParseAndUnknownItemFieldAreErrors() {
    let badDue = Self.runbookText.replacingOccurrences(
      of: "'{{item.notice_within}} after discovered_at'",
      with: "'{{item.notice_within}} aftr discovered_at'")
    let loaded = RunbookLoader.load(Array(badDue.utf8), file: "bad.yaml")
    #expect(loaded.runbook == nil)
    #expect(loaded.diagnostics.contains { $0.severity == .error && $0.location.line == 34 })

    let badField = Self.runbookText.replacingOccurrences(
      of: "({{item.name}})", with: "({{item.nmae}})")
    let field = RunbookLoader.load(Array(badField.utf8), file: "field.yaml")
    #expect(field.runbook == nil)
    #expect(field.diagnostics.contains { $0.message.contains("item.name") })
  }

  @Test func withoutFieldsItemsAreUndeterminedNotGuessed() throws {
    let runbook = try Self.runbook()
    var session = Session(runbook: runbook)
    for (id, value) in [
      ("discovered_at", Value.time(Self.aware)), ("established_in", .list(["GB"])),
      ("credentials", .list(["deploy key"])), ("clients", .list(["acme"])),
    ] {
      session.record(value, for: try #require(runbook.question(id)), at: Self.aware)
    }
    let outcomes = OutcomeEvaluator.evaluate(
      runbook, answers: session.values(), recorded: Self.aware, calendar: nil)
    #expect(outcomes.actions.map(\.owner) == [nil])
    #expect(outcomes.actions.map(\.title) == ["Rotate deploy key ()"])
    #expect(outcomes.undetermined.map(\.because) == ["no notice clause for acme in the inventory"])
  }
}
