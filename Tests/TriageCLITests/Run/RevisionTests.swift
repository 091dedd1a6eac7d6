import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// `triage run --revises`: the Okta-like re-triage (the scope grows from 1% of customers to all
/// of them) in-process, with the bundled runbook and example answers, on a fixed clock.
@Suite struct RevisionTests {
  static let runbook = "/w/identity-provider-compromise.yaml"
  /// When the first record is made, and when the revision is.
  static let firstDay = UTCTimestamp.date(from: "2023-10-20T17:00:00Z") ?? .distantPast
  static let revisionDay = UTCTimestamp.date(from: "2023-11-29T16:00:00Z") ?? .distantPast

  /// A tree with the bundled runbook and the two Okta example answers files.
  static func tree() throws -> InMemoryFileSystem {
    InMemoryFileSystem([
      runbook: try BundledRunbooks.text(at: "identity-provider-compromise.yaml"),
      "/w/okta.yaml": try BundledRunbooks.text(at: "examples/okta-2023.answers.yaml"),
      "/w/okta-revised.yaml": try BundledRunbooks.text(
        at: "examples/okta-2023-revised.answers.yaml"),
    ])
  }

  /// Runs `arguments` at `now` on `tree` and returns the context.
  static func run(
    _ arguments: [String], on tree: InMemoryFileSystem, at now: Date, typed: String = "",
    environment: [String: String] = [:], terminal: TerminalTraits = .none
  ) -> (TriageExit, CommandContext) {
    let context = CommandContext.testing(
      standardInput: typed, fileSystem: tree, environment: environment, now: now,
      terminal: terminal)
    return (Triage.main(arguments, context: context), context)
  }

  /// The records in the archive `log`, oldest first, by id.
  static func records(in tree: InMemoryFileSystem) throws -> [IncidentRecord] {
    try tree.allFiles(under: "/w/log/records").filter { $0.hasSuffix(".json") }.sorted().map {
      try IncidentRecord(json: JSONValue.parse(try tree.readFile(at: "/w/log/records/" + $0)))
    }
  }

  /// Writes the first Okta record (20 October 2023) and returns its id.
  static func firstRecord(in tree: InMemoryFileSystem) throws -> String {
    let (exit, context) = run(
      ["run", runbook, "--answers", "okta.yaml", "--archive", "log"], on: tree, at: firstDay)
    #expect(exit == .success, "\(context.capturedError)")
    return try #require(try records(in: tree).first).id
  }

  @Test("a partial answers file revises the 1% record: new notice, moved deadline, carried items")
  func oktaScopeGrowsToAllCustomers() throws {
    let tree = try Self.tree()
    let first = try Self.firstRecord(in: tree)
    let (exit, context) = Self.run(
      [
        "run", Self.runbook, "--revises", String(first.prefix(12)), "--answers",
        "okta-revised.yaml", "--archive", "log",
      ], on: tree, at: Self.revisionDay)
    #expect(exit == .success, "\(context.capturedError)")
    #expect(context.capturedError == "")
    let records = try Self.records(in: tree)
    #expect(records.count == 2)
    let earlier = try #require(records.first)
    let revision = try #require(records.last)
    #expect(revision.revises?.id == first)
    #expect(revision.revises?.sha256 == earlier.integrity?.sha256)
    #expect(revision.responder == "Dana Ortiz")
    // The answers the file left out come from the earlier record.
    #expect(revision.answers?.first { $0.name == "vendor" }?.value == .string("Okta"))
    #expect(revision.answers?.first { $0.name == "admin_count" }?.value == .number(6))
    let changes = try #require(revision.changes)
    #expect(
      changes.contains(
        IncidentRecord.Change(
          kind: .notification, item: "staff-phishing-warning", change: .added, before: .null,
          after: [
            "to": "all staff, administrators first", "due": "2023-11-30T16:00:00Z",
          ])))
    #expect(
      changes.contains(
        IncidentRecord.Change(
          kind: .action, item: "review-system-log", change: .dueMoved,
          before: "2023-10-23T16:00:00Z", after: "2023-12-02T15:00:00Z")))
    #expect(
      changes.contains(
        IncidentRecord.Change(
          kind: .severity, item: nil, change: .changed, before: "low", after: "medium")))
    // Deadlines counting from when the item was recorded keep running: not moved.
    #expect(!changes.contains { $0.item == "track-scope-revisions" })
    #expect(
      revision.carried == [
        "review-system-log", "enforce-phishing-resistant-admin-mfa", "bind-admin-sessions",
        "track-scope-revisions",
      ])
    #expect(context.capturedOutput.contains("What changed since \(first):\n"))
    #expect(
      context.capturedOutput.contains(
        "  + new notification staff-phishing-warning: all staff, administrators first, "
          + "due 2023-11-30T16:00:00Z\n"))
    #expect(
      context.capturedOutput.contains(
        "  ~ action review-system-log due moved: 2023-10-23T16:00:00Z -> 2023-12-02T15:00:00Z\n"))
    let report = try #require(
      tree.allFiles(under: "/w/log/records").filter { $0.hasSuffix(".md") }.sorted().last)
    let markdown = try #require(tree.text(at: "/w/log/records/" + report))
    #expect(markdown.contains("## What changed since \(first)\n"))
    #expect(markdown.contains("staff-phishing-warning"))
    // The earlier record is superseded by an amendment naming the revision.
    let amendments = tree.allFiles(under: "/w/log/amendments")
    #expect(amendments.count == 1)
    let amendment = try Amendment(
      json: JSONValue.parse(try tree.readFile(at: "/w/log/amendments/" + amendments[0])))
    #expect(amendment.record == first)
    #expect(amendment.change == .superseded(by: revision.id, items: []))
  }

  @Test("follow-ups count the revised record's items once, in the revision")
  func followUpsCountCarriedItemsOnce() throws {
    let tree = try Self.tree()
    let first = try Self.firstRecord(in: tree)
    _ = Self.run(
      [
        "run", Self.runbook, "--revises", first, "--answers", "okta-revised.yaml", "--archive",
        "log",
      ],
      on: tree, at: Self.revisionDay)
    let (exit, context) = Self.run(
      ["archive", "follow-ups", "--archive", "log", "--json"], on: tree, at: Self.revisionDay)
    #expect(exit == .success)
    let items = try JSONValue.parse(context.capturedOutput)["follow_ups"]?.arrayValue ?? []
    let ids = items.compactMap { $0["id"]?.stringValue }
    #expect(ids.filter { $0 == "review-system-log" }.count == 1)
    #expect(!items.contains { $0["record"]?.stringValue == first })
    let list = Self.run(["archive", "list", "--archive", "log"], on: tree, at: Self.revisionDay)
    let revision = try #require(try Self.records(in: tree).last).id
    // The list names records by their short ids: the start of the hex part after the time.
    let shortName = { (id: String) in String(id.split(separator: "-").last ?? "").prefix(4) }
    #expect(list.1.capturedOutput.contains("revised by \(shortName(revision))"))
    #expect(list.1.capturedOutput.contains("revises \(shortName(first))"))
    let show = Self.run(
      ["archive", "show", first, "--archive", "log"], on: tree, at: Self.revisionDay)
    #expect(show.1.capturedOutput.contains("**Revised by:** \(revision)"))
    #expect(show.1.capturedOutput.contains("- review-system-log: "))
    #expect(show.1.capturedOutput.contains(" — open, carried to \(revision)"))
  }

  @Test("a record is revised once: revising it again is refused, naming the revision")
  func aRevisedRecordIsNotRevisedTwice() throws {
    let tree = try Self.tree()
    let first = try Self.firstRecord(in: tree)
    let arguments = [
      "run", Self.runbook, "--revises", first, "--answers", "okta-revised.yaml", "--archive", "log",
    ]
    #expect(Self.run(arguments, on: tree, at: Self.revisionDay).0 == .success)
    let revision = try #require(try Self.records(in: tree).last).id
    let (exit, context) = Self.run(arguments, on: tree, at: Self.revisionDay)
    #expect(exit == .dataError)
    #expect(
      context.capturedError
        == "triage: record \(first) was already revised by \(revision); revise \(revision) "
        + "instead\n")
  }

  @Test("a record of another runbook is refused before any question")
  func anotherRunbooksRecordIsRefused() throws {
    let tree = try Self.tree()
    let first = try Self.firstRecord(in: tree)
    tree.add(["/w/vendor-breach.yaml": fixtureRunbook, "/w/answers.yaml": fixtureAnswers])
    let (exit, context) = Self.run(
      [
        "run", "vendor-breach.yaml", "--revises", first, "--answers", "answers.yaml", "--archive",
        "log",
      ],
      on: tree, at: Self.revisionDay)
    #expect(exit == .dataError)
    #expect(
      context.capturedError
        == "triage: record \(first) was made with runbook identity-provider-compromise, not "
        + "vendor-breach; a revision uses the same runbook (a newer version of it is fine)\n")
  }

  @Test("a partial answers file without --revises is refused: the required answers are missing")
  func aPartialFileNeedsRevises() throws {
    let tree = try Self.tree()
    let (exit, context) = Self.run(
      ["run", Self.runbook, "--answers", "okta-revised.yaml", "--archive", "log"], on: tree,
      at: Self.revisionDay)
    #expect(exit == .dataError)
    #expect(context.capturedError.contains("vendor"))
    #expect(tree.allFiles(under: "/w/log").isEmpty)
  }

  @Test("answers to questions the newer runbook no longer asks are named, not fatal")
  func questionsThatNoLongerExistAreReported() throws {
    let tree = try Self.tree()
    let first = try Self.firstRecord(in: tree)
    let runbookText = try #require(tree.text(at: Self.runbook))
    let newer =
      runbookText
      .replacingOccurrences(of: "version: '1.0.0'", with: "version: '1.1.0'")
      .replacingOccurrences(
        of: """
                - id: client_notice_clause
                  ask: Do client contracts require notice when their data or credentials may be affected?
                  type: yesno
          """, with: ""
      )
      .replacingOccurrences(of: " and client_notice_clause", with: "")
    tree.add([Self.runbook: newer])
    let (exit, context) = Self.run(
      [
        "run", Self.runbook, "--revises", first, "--answers", "okta-revised.yaml", "--archive",
        "log",
      ],
      on: tree, at: Self.revisionDay)
    #expect(exit == .success, "\(context.capturedError)")
    #expect(
      context.capturedError
        == "triage: record \(first) answered client_notice_clause, which runbook "
        + "identity-provider-compromise 1.1.0 no longer asks; that answer is not carried\n")
  }

  @Test("on a terminal the earlier answers are the defaults and the review shows what changed")
  func interactiveRevisionShowsDefaultsAndChanges() throws {
    let tree = try Self.tree()
    let first = try Self.firstRecord(in: tree)
    // Enter keeps every earlier answer but what_taken (now with the contact list), and
    // vendor_scope_revised; then y writes the record.
    let typed =
      [
        "", "", "", "support-files,session-tokens,user-contact-list", "", "2023-11-29T15:00:00Z",
        "", "yes", "", "", "", "", "", "", "y",
      ].joined(separator: "\n") + "\n"
    let (exit, context) = Self.run(
      ["run", Self.runbook, "--revises", first, "--archive", "log"], on: tree,
      at: Self.revisionDay, typed: typed,
      terminal: TerminalTraits(
        isInputTerminal: true, isOutputTerminal: false, isErrorTerminal: false))
    #expect(exit == .success, "\(context.capturedError)\n\(context.capturedOutput)")
    let output = context.capturedOutput
    #expect(output.contains("Enter for Okta"))
    #expect(output.contains("Enter for 2023-10-20T16:00:00Z"))
    #expect(output.contains("What changed since \(first)\n"))
    #expect(
      output.contains(
        "  + new notification staff-phishing-warning: all staff, administrators first, "
          + "due 2023-11-30T16:00:00Z\n"))
    let revision = try #require(try Self.records(in: tree).last)
    #expect(revision.revises?.id == first)
    #expect(revision.mode == .interactive)
  }

  @Test("an answers-file run that knows no responder stops and asks for --responder")
  func noResponderIsAnError() throws {
    let tree = try Self.tree()
    let answers = try #require(tree.text(at: "/w/okta.yaml"))
      .replacingOccurrences(of: "responder: Dana Ortiz\n", with: "")
    tree.add(["/w/okta.yaml": answers])
    let (exit, context) = Self.run(
      ["run", Self.runbook, "--answers", "okta.yaml", "--archive", "log"], on: tree,
      at: Self.firstDay, environment: ["USER": ""])
    #expect(exit == .usage)
    #expect(
      context.capturedError
        == "triage: who is answering? pass --responder NAME (or give responder: in the answers "
        + "file, or set $USER); the record names its responder\n")
    let logname = Self.run(
      ["run", Self.runbook, "--answers", "okta.yaml", "--archive", "log", "--owner", "Sam Lee"],
      on: tree, at: Self.firstDay, environment: ["LOGNAME": "dana"])
    #expect(logname.0 == .success)
    let record = try #require(try Self.records(in: tree).first)
    #expect(record.responder == "dana")
    // --owner owns the actions the runbook names no owner for; the runbook's owners stay.
    #expect(record.actions?.first { $0.id == "review-system-log" }?.owner == "security analyst")
  }

  @Test("on a terminal without $USER, triage asks who is answering")
  func interactiveAsksForTheResponder() throws {
    let tree = InMemoryFileSystem(["/w/vendor-breach.yaml": fixtureRunbook])
    let typed = "Robin\nAcme\n2023-11-01T15:00:00Z\nno\ncredentials\n\ny\n"
    let (exit, context) = Self.run(
      ["run", "vendor-breach.yaml", "--archive", "log"], on: tree, at: Self.revisionDay,
      typed: typed, environment: ["USER": ""],
      terminal: TerminalTraits(
        isInputTerminal: true, isOutputTerminal: false, isErrorTerminal: false))
    #expect(exit == .success, "\(context.capturedError)\n\(context.capturedOutput)")
    #expect(context.capturedOutput.hasPrefix("Who is answering? (your name, for the record)\n"))
    #expect(try Self.records(in: tree).first?.responder == "Robin")
  }
}
