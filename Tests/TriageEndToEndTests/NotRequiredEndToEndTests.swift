import Foundation
import Testing
import TriageTestSupport

/// Threat-model answers, not-required and undetermined items through the real binary: the
/// record and report of `triage run`, the follow-ups, and `triage archive amend --not-required`.
@Suite struct NotRequiredEndToEndTests {
  static let runbook = """
    runbook: sec-disclosure
    title: SEC disclosure
    version: 1.0.0
    sections:
      - id: facts
        title: Facts
        questions:
          - id: discovered_at
            ask: When did we learn of it?
            type: datetime
          - id: registrant
            ask: Are we an SEC registrant?
            type: yesno
          - id: material
            ask: Is it material?
            type: choice
            choices: [yes, no, not-yet-determined]
    threat-model:
      - changed: yes
        because: 'Material: {{material}}.'
        when: material == 'yes'
      - changed: no
        because: Nothing of ours ran the bad code.
    actions:
      - id: reset-passwords
        kind: reset
        title: Reset passwords
        when: material == 'yes'
        not-required:
          - because: No passwords were exposed.
    notifications:
      - id: board
        to: The board
        due: 72 hours after discovered_at
      - id: sec-8k
        to: The SEC
        when: registrant and material == 'yes'
        undetermined:
          - when: registrant and material == 'not-yet-determined'
            because: Materiality is not determined yet.
        not-required:
          - when: not registrant
            because: We are not an SEC registrant.

    """

  static let answers = """
    runbook: sec-disclosure
    responder: Dana Ortiz
    answers:
      discovered_at: '2026-03-31T09:00:00Z'
      registrant: yes
      material: not-yet-determined

    """

  let folder: TemporaryDirectory
  let archive: String

  /// Runs the runbook with the answers into a fresh archive.
  init() throws {
    folder = try TemporaryDirectory()
    try folder.write(Self.runbook, to: "sec.yaml")
    try folder.write(Self.answers, to: "answers.yaml")
    archive = folder.url.appendingPathComponent("log").path
    let run = try runTriage(
      ["run", "sec.yaml", "--answers", "answers.yaml", "--archive", "log", "--responder", "Dana"],
      currentDirectory: folder.url)
    #expect(run.status == 0, "\(run)")
  }

  func archiveRun(_ arguments: String...) throws -> TriageResult {
    try ArchiveTestSupport.archive(arguments, archive)
  }

  /// The one record's id.
  func recordID() throws -> String {
    let records = ArchiveTestSupport.files(under: archive).filter {
      $0.hasPrefix("records/") && $0.hasSuffix(".json")
    }
    let path = try #require(records.first)
    return String((path as NSString).lastPathComponent.dropLast(5))
  }

  @Test func theRecordAndReportSayWhatIsNotRequiredAndWhatIsUndetermined() throws {
    let id = try recordID()
    let files = ArchiveTestSupport.files(under: archive)
    let reportPath = try #require(files.first { $0.hasSuffix("\(id).md") })
    let report = try String(
      contentsOfFile: archive + "/" + reportPath, encoding: .utf8)
    #expect(report.contains("1. **Does this change our threat model?** No: Nothing of ours ran"))
    #expect(
      report.contains(
        "2. **Do we rotate credentials?** No rotation is required.\n"
          + "   - Not required: Reset passwords: No passwords were exposed."))
    #expect(
      report.contains(
        "3. **Do we notify anyone?** Yes: The board by 2026-04-03T09:00:00Z, 72 hours after "
          + "discovered_at (2026-03-31 09:00 UTC).\n"
          + "   - Not yet determined: The SEC: Materiality is not determined yet."))
    let recordPath = try #require(files.first { $0.hasSuffix("\(id).json") })
    let record = try String(contentsOfFile: archive + "/" + recordPath, encoding: .utf8)
    #expect(record.contains("\"threat_model\": {\n    \"changed\": false,"))
    #expect(record.contains("\"type\": \"notification\",\n      \"to\": \"The SEC\","))
    #expect(record.contains("\"kind\": \"reset\",\n      \"title\": \"Reset passwords\","))
  }

  @Test func anUndeterminedItemIsOpenUntilAmendedNotRequired() throws {
    let id = try recordID()
    let followUps = try archiveRun("follow-ups")
    #expect(followUps.output.contains("notification sec-8k: to The SEC [to determine: Materiality"))
    let list = try archiveRun("list", "--json")
    #expect(list.output.contains("\"open_notifications\":2"), "\(list.output)")

    let misspelt = try archiveRun("amend", id, "--not-required", "sec-8kk", "--because", "x")
    #expect(misspelt.status == 65)
    #expect(
      misspelt.error
        == "triage: record \(id) has no action or notification 'sec-8kk'; did you mean "
        + "'sec-8k'?\n")
    let noReason = try archiveRun("amend", id, "--not-required", "sec-8k")
    #expect(noReason.status == 2)
    #expect(noReason.error == "triage: --not-required needs --because TEXT: say why\n")
    let secret = try archiveRun(
      "amend", id, "--not-required", "sec-8k", "--because",
      "token ghp_" + String(repeating: "a1B2", count: 9))
    #expect(secret.status == 65)
    #expect(secret.error.contains("--because looks like"))
    let stray = try archiveRun("amend", id, "--action", "x", "--status", "done", "--because", "y")
    #expect(stray.status == 2)

    let done = try archiveRun(
      "amend", id, "--not-required", "sec-8k", "--because", "Counsel: not material.")
    #expect(done.status == 0, "\(done)")
    #expect(done.output.hasPrefix("Record \(id): sec-8k not required.\n"))
    #expect(try archiveRun("follow-ups").output.contains("sec-8k") == false)
    let show = try archiveRun("show", id)
    #expect(
      show.output.contains("- sec-8k: to The SEC — not required: Counsel: not material."),
      "\(show)")
    #expect(show.output.contains("   - Not required: The SEC: Counsel: not material."))
    let again = try archiveRun(
      "amend", id, "--not-required", "sec-8k", "--because", "Counsel again.")
    #expect(again.status == 65)
    #expect(again.error == "triage: 'sec-8k' of record \(id) is already not required\n")
    let verify = try archiveRun("verify")
    #expect(verify.status == 0, "\(verify)")
  }

  @Test func aRequiredNotificationCanBeDeclaredNotRequired() throws {
    let id = try recordID()
    let done = try archiveRun(
      "amend", id, "--not-required", "board", "--because", "The board was told in person.")
    #expect(done.status == 0, "\(done)")
    #expect(try archiveRun("follow-ups").output.contains("board") == false)
  }

  @Test func theReviewShowsTheThreatModelAndTheReasons() throws {
    let session = try PseudoTerminalSession(
      ["run", "sec.yaml", "--archive", "log2", "--responder", "Dana", "--no-color"],
      currentDirectory: folder.url)
    try session.expect("When did we learn of it?")
    try session.send("2026-03-31T09:00:00Z\n")
    try session.expect("Are we an SEC registrant?")
    try session.send("yes\n")
    try session.expect("Is it material?")
    try session.send("not-yet-determined\n")
    try session.expect("Review your answers")
    try session.expect("Threat model changed? No: Nothing of ours ran the bad code.")
    try session.expect("Not required:")
    try session.expect("- Reset passwords: No passwords were exposed.")
    try session.expect("Not yet determined:")
    try session.expect("- The SEC: Materiality is not determined yet.")
    try session.expect("(y to write the record")
    try session.send("q\n")
  }

  @Test func helpDocumentsTheOption() throws {
    let help = try runTriage(["archive", "amend", "--help"])
    #expect(help.output.contains("--not-required"))
    #expect(help.output.contains("--because"))
  }
}
