import Foundation
import Testing
import TriageTestSupport

/// The obligations library on the real binary: a runbook with `fact:` and `obligations:
/// library` makes a record whose notifications carry the law behind them; `triage
/// obligations`, `triage lint` and `triage test` read the library.
@Suite struct ObligationsEndToEndTests {
  static let runbook = """
    runbook: library-check
    title: A data breach at a vendor, judged by the obligations library
    version: 1.0.0
    obligations: library
    sections:
      - id: facts
        title: Facts
        questions:
          - {id: role, ask: Do we own the data?, type: choice, choices: [owner, maintainer], fact: data_role}
          - {id: elements, ask: What was taken?, type: multi, choices: [name, ssn, contact-only], fact: data_elements}
          - {id: encrypted, ask: Was it encrypted?, type: yesno, fact: data_encrypted}
          - {id: affected, ask: 'Residents affected (CODE: COUNT)', type: list, fact: residents}
          - {id: aware_at, ask: When did we become aware?, type: datetime, fact: aware_at}
          - {id: determined_at, ask: When was the breach determined?, type: datetime, fact: breach_determined_at}
    severity:
      - level: high
    decision:
      - say: Work through the duties below.

    """

  static func answers(affected: String = "['US-TX: 1200']") -> String {
    """
    runbook: library-check
    responder: Dana Ortiz
    answers:
      role: owner
      elements: [name, ssn]
      encrypted: no
      affected: \(affected)
      aware_at: '2026-02-27T09:00:00Z'
      determined_at: '2026-03-02T14:00:00Z'

    """
  }

  func workspace(answers: String = answers()) throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try folder.write(Self.runbook, to: "library-check.yaml")
    try folder.write(answers, to: "answers.yaml")
    for name in ["facts.yaml", "us-tx.yaml"] {
      try folder.write(
        try BundledRunbooks.text(at: "obligations/" + name), to: "obligations/" + name)
    }
    return folder
  }

  @Test func theRecordKeepsTheLawBehindEachDuty() throws {
    let folder = try workspace()
    let result = try runTriage(
      ["run", "library-check.yaml", "--answers", "answers.yaml", "--archive", "log"],
      currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    let written = TemporaryDirectory.files(
      under: folder.url.appendingPathComponent("log/records").path)
    let json = try #require(written.first { $0.hasSuffix(".json") })
    let data = try Data(contentsOf: folder.url.appendingPathComponent("log/records/" + json))
    let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(record["law_as_of"] as? String == "2026-02-27")
    let notifications = try #require(record["notifications"] as? [[String: Any]])
    #expect(
      notifications.map { $0["id"] as? String } == ["us-tx-residents", "us-tx-attorney-general"])
    #expect(notifications.first?["due"] as? String == "2026-05-01T14:00:00Z")
    let obligation = try #require(notifications.first?["obligation"] as? [String: Any])
    #expect(obligation["library_id"] as? String == "us-tx-residents")
    #expect(obligation["citation"] as? String == "Tex. Bus. & Com. Code § 521.053(b)")
    #expect(obligation["reviewed"] as? String == "2026-12-04")
    #expect(obligation["jurisdiction"] as? String == "US-TX")
    let report = try #require(written.first { $0.hasSuffix(".md") })
    let text = try String(
      contentsOf: folder.url.appendingPathComponent("log/records/" + report), encoding: .utf8)
    #expect(text.contains("Law as of 2026-02-27"))
  }

  @Test func aBadResidentsItemIsRefusedAtItsPlace() throws {
    let folder = try workspace(answers: Self.answers(affected: "['US-TX: 1200', 'Texas: 3']"))
    let result = try runTriage(
      ["run", "library-check.yaml", "--answers", "answers.yaml", "--archive", "log"],
      currentDirectory: folder.url)
    #expect(result.status == 65, "\(result)")
    #expect(result.error.contains("answers.yaml:7:"), "\(result)")
    #expect(result.error.contains("'Texas' is not a jurisdiction code"), "\(result)")
  }

  @Test func anAnswersFileMayGiveFactsDirectly() throws {
    let answers = """
      runbook: library-check
      answers:
        role: owner
        elements: [name, ssn]
        encrypted: no
      facts:
        residents: ['US-TX: 100']
        aware_at: '2026-02-27T09:00:00Z'
        breach_determined_at: '2026-03-02T14:00:00Z'

      """
    let folder = try workspace(answers: answers)
    let result = try runTriage(
      ["run", "library-check.yaml", "--answers", "answers.yaml", "--dry-run"],
      currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.output.contains("Affected Texas residents (100)"), "\(result)")
    // Kept alive until the run ends: the folder goes when its value does.
    let misspelt = try workspace(
      answers: answers.replacingOccurrences(of: "aware_at:", with: "awar_at:"))
    let wrong = try runTriage(
      ["run", "library-check.yaml", "--answers", "answers.yaml", "--dry-run"],
      currentDirectory: misspelt.url)
    #expect(wrong.status == 65, "\(wrong)")
    #expect(wrong.error.contains("answers.yaml:8:3"), "\(wrong)")
    #expect(wrong.error.contains("did you mean 'aware_at'"), "\(wrong)")
  }

  @Test func aRunbookScenarioExpectsLibraryDuties() throws {
    let folder = try workspace()
    // An answers file names its runbook too: only the runbook may stay beside the tests.
    try FileManager.default.removeItem(at: folder.url.appendingPathComponent("answers.yaml"))
    try folder.write(
      """
      scenario: library-check-owner
      runbook: library-check
      recorded: '2026-03-02T15:00:00Z'
      answers:
        role: owner
        elements: [name, ssn]
        encrypted: no
        affected: ['US-TX: 100']
        aware_at: '2026-02-27T09:00:00Z'
        determined_at: '2026-03-02T14:00:00Z'
      expect:
        notifications: [us-tx-residents]
        not-required: [us-tx-attorney-general]
        due: { us-tx-residents: '2026-05-01T14:00:00Z' }

      """, to: "tests/library-check/owner.yaml")
    let result = try runTriage(["test", "tests"], currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.output.contains("1 passed, 0 failed"), "\(result)")
  }

  @Test func listsAndShowsTheLibrary() throws {
    let folder = try workspace()
    let list = try runTriage(
      ["obligations", "--runbooks", ".", "--jurisdiction", "US"], currentDirectory: folder.url)
    #expect(list.status == 0, "\(list)")
    #expect(list.output.contains("us-tx-residents"))
    let none = try runTriage(
      ["obligations", "--runbooks", ".", "--jurisdiction", "DE"], currentDirectory: folder.url)
    #expect(none.output == "No duties found.\n")
    let show = try runTriage(
      ["obligations", "show", "us-tx-resident", "--runbooks", "."], currentDirectory: folder.url)
    #expect(show.status == 66, "\(show)")
    #expect(show.error.contains("did you mean 'us-tx-residents'"), "\(show)")
  }

  @Test func lintChecksTheRunbookAgainstTheLibrary() throws {
    let folder = try workspace()
    try folder.write(
      Self.runbook.replacingOccurrences(of: "fact: data_role", with: "fact: data_rol"),
      to: "library-check.yaml")
    let result = try runTriage(["lint", "."], currentDirectory: folder.url)
    #expect(result.status == 65, "\(result)")
    #expect(result.error.contains("did you mean 'data_role'"), "\(result)")
  }
}
