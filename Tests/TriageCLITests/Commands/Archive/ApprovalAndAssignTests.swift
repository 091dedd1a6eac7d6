import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// `approver:` roles (runbook items and library duties), `archive amend --approved-by`, and
/// `archive assign`, in-process on a record of the fixture runbook with approvers added.
@Suite struct ApprovalAndAssignTests {
  /// The fixture runbook with `approver: counsel` on its notification and `approver: ciso` on
  /// its action.
  static let runbook =
    fixtureRunbook
    .replacingOccurrences(
      of: "    basis: GDPR Art. 33(1)\n",
      with: "    basis: GDPR Art. 33(1)\n    approver: counsel\n"
    )
    .replacingOccurrences(
      of: "    owner: security lead\n", with: "    owner: security lead\n    approver: ciso\n")

  let tree: InMemoryFileSystem
  let record: String

  /// Writes one record of ``runbook`` into `/w/log`.
  init() throws {
    tree = InMemoryFileSystem([
      "/w/vendor-breach.yaml": Self.runbook, "/w/answers.yaml": fixtureAnswers,
    ])
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(
      ["run", "vendor-breach.yaml", "--answers", "answers.yaml", "--archive", "log"],
      context: context)
    #expect(exit == .success)
    let file = try #require(tree.allFiles(under: "/w/log/records").first { $0.hasSuffix(".json") })
    record = String(file.split(separator: "/").last?.dropLast(".json".count) ?? "")
  }

  /// Runs `triage archive ARGUMENTS --archive log` in `/w`.
  func run(_ arguments: String...) -> (exit: TriageExit, output: String, error: String) {
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(["archive"] + arguments + ["--archive", "log"], context: context)
    return (exit, context.capturedOutput, context.capturedError)
  }

  /// The amendments written so far, oldest first.
  func amendments() throws -> [Amendment] {
    try tree.allFiles(under: "/w/log/amendments").sorted().map {
      try Amendment(json: JSONValue.parse(try tree.readFile(at: "/w/log/amendments/" + $0)))
    }
  }

  @Test("the record keeps each item's approver role")
  func theRecordKeepsTheRole() throws {
    let file = try #require(tree.allFiles(under: "/w/log/records").first { $0.hasSuffix(".json") })
    let document = try IncidentRecord(
      json: JSONValue.parse(try tree.readFile(at: "/w/log/records/" + file)))
    #expect(document.notifications?.first?.approver == "counsel")
    #expect(document.actions?.first?.approver == "ciso")
  }

  @Test("sent without --approved-by fails with exit 2 naming the role; with it, it is kept")
  func sendingNeedsTheApprover() throws {
    let refused = run("amend", record, "--notification", "authority", "--sent", "now")
    #expect(refused.exit == .usage)
    #expect(
      refused.error
        == "triage: 'authority' of record \(record) needs the approval of its counsel: say who "
        + "approved it with --approved-by PERSON\n")
    #expect(try amendments().isEmpty)
    let done = run("amend", record, "--action", "rotate-vendor-keys", "--status", "done")
    #expect(done.exit == .usage)
    #expect(done.error.contains("needs the approval of its ciso"))
    // Dropping an action is not approving it.
    let sent = run(
      "amend", record, "--notification", "authority", "--sent", "now", "--approved-by", "Kim Park")
    #expect(sent.exit == .success, "\(sent.error)")
    #expect(sent.output.hasPrefix("Record \(record): notification authority sent at "))
    #expect(sent.output.contains("Approved by Kim Park."))
    let amendment = try #require(try amendments().first)
    #expect(amendment.approvedBy == "Kim Park")
    let show = run("show", record)
    #expect(show.output.contains("approved by Kim Park"))
  }

  @Test("a secret as the approver is refused")
  func approverIsScanned() throws {
    let token = MadeUpSecrets.gitHubToken()
    let refused = run(
      "amend", record, "--notification", "authority", "--sent", "now", "--approved-by", token)
    #expect(refused.exit == .dataError)
    #expect(try amendments().isEmpty)
  }

  @Test("assign makes a person the owner; follow-ups show it; an unknown item gets the nearest")
  func assignSetsTheOwner() throws {
    let unknown = run("assign", record, "rotate-vendor-key", "Sam Lee")
    #expect(unknown.exit == .dataError)
    #expect(
      unknown.error
        == "triage: record \(record) has no action or notification 'rotate-vendor-key'; did you "
        + "mean 'rotate-vendor-keys'?\n")
    let assigned = run("assign", record, "rotate-vendor-keys", "Sam Lee")
    #expect(assigned.exit == .success, "\(assigned.error)")
    #expect(
      assigned.output.hasPrefix("Record \(record): rotate-vendor-keys assigned to Sam Lee.\n"))
    #expect(try amendments().first?.change == .assign(item: "rotate-vendor-keys", owner: "Sam Lee"))
    let followUps = run("follow-ups")
    #expect(
      followUps.output.contains("action rotate-vendor-keys: Rotate the keys Acme held (Sam Lee)"))
    let notification = run("assign", record, "authority", "Kim Park")
    #expect(notification.exit == .success)
    #expect(run("follow-ups").output.contains("to supervisory authority (Kim Park)"))
  }

  @Test("an approver role is a kebab-case word: lint names a bad one")
  func lintChecksTheRole() {
    let bad = Self.runbook.replacingOccurrences(
      of: "approver: counsel", with: "approver: Legal Team")
    let result = InProcessRun(["lint", "vendor-breach.yaml"], files: ["vendor-breach.yaml": bad])
    #expect(result.exit == .dataError)
    #expect(result.output.contains("approver role") || result.error.contains("approver role"))
  }
}
