import Foundation
import Testing
import TriageTestSupport

/// `triage run --revises` with the real binary: the Okta-like re-triage (the scope grows from 1%
/// of customers to all of them) with the bundled runbook and example answers, by answers file
/// and at a terminal, and the chain it leaves in the archive.
@Suite(.serialized) struct RevisionEndToEndTests {
  static let runbook = BundledRunbooks.path(of: "identity-provider-compromise")
  static let first = BundledRunbooks.folder + "/examples/okta-2023.answers.yaml"
  static let revised = BundledRunbooks.folder + "/examples/okta-2023-revised.answers.yaml"

  /// The records of `log` in `folder`, oldest first, decoded.
  func records(in folder: TemporaryDirectory) throws -> [[String: Any]] {
    let root = folder.url.appendingPathComponent("log/records")
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    let files = (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    return try files.map {
      try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: $0)) as? [String: Any])
    }
  }

  /// Writes the first Okta record into `log` and returns its id.
  func firstRecord(in folder: TemporaryDirectory) throws -> String {
    let result = try runTriage(
      ["run", Self.runbook, "--answers", Self.first, "--archive", "log"],
      currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    return try #require(try records(in: folder).first?["id"] as? String)
  }

  @Test("the revised answers file shows the new notice and the moved deadline, and chains")
  func oktaRevisionByAnswersFile() throws {
    let folder = try TemporaryDirectory()
    let first = try firstRecord(in: folder)
    let result = try runTriage(
      [
        "run", Self.runbook, "--revises", String(first.prefix(16)), "--answers", Self.revised,
        "--archive", "log",
      ], currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.error == "")
    #expect(result.output.contains("What changed since \(first):\n"))
    #expect(
      result.output.contains(
        "  + new notification staff-phishing-warning: all staff, administrators first, due "))
    #expect(
      result.output.contains(
        "  ~ action review-system-log due moved: 2023-10-23T16:00:00Z -> 2023-12-02T15:00:00Z\n"))
    #expect(result.output.contains("  ~ severity: low -> medium\n"))
    let records = try records(in: folder)
    #expect(records.count == 2)
    // Both records may share their second: the revision is the one that revises.
    let revision = try #require(records.first { $0["revises"] != nil })
    let revises = try #require(revision["revises"] as? [String: Any])
    #expect(revises["id"] as? String == first)
    let changes = try #require(revision["changes"] as? [[String: Any]])
    #expect(
      changes.contains {
        $0["kind"] as? String == "notification" && $0["item"] as? String == "staff-phishing-warning"
          && $0["change"] as? String == "added"
      })
    #expect(
      changes.contains {
        $0["item"] as? String == "review-system-log" && $0["change"] as? String == "due-moved"
          && $0["before"] as? String == "2023-10-23T16:00:00Z"
          && $0["after"] as? String == "2023-12-02T15:00:00Z"
      })
    #expect((revision["carried"] as? [String])?.contains("review-system-log") == true)
    // The superseded amendment and the revision are hash-chained like any document.
    let verify = try runTriage(
      ["archive", "verify", "--archive", "log"], currentDirectory: folder.url)
    #expect(verify.status == 0, "\(verify)")
    #expect(verify.output.hasPrefix("Archive intact: 3 documents checked."))
    let revisionID = try #require(revision["id"] as? String)
    let list = try runTriage(["archive", "list", "--archive", "log"], currentDirectory: folder.url)
    // The list names records by short ids: a start of the hex part after the time.
    let hex = { (id: String) in String(id.split(separator: "-").last ?? "") }
    #expect(list.output.contains("revised by \(hex(revisionID).prefix(4))"))
    #expect(list.output.contains("revises \(hex(first).prefix(4))"))
    let show = try runTriage(
      ["archive", "show", revisionID, "--archive", "log"], currentDirectory: folder.url)
    #expect(show.output.contains("## What changed since \(first)\n"))
    #expect(show.output.contains("**Revises:** \(first)"))
    let earlier = try runTriage(
      ["archive", "show", first, "--archive", "log"], currentDirectory: folder.url)
    #expect(earlier.output.contains("**Revised by:** \(revisionID)"))
  }

  @Test("at a terminal the earlier answers are the defaults and the review shows what changed")
  func oktaRevisionAtATerminal() throws {
    let folder = try TemporaryDirectory()
    let first = try firstRecord(in: folder)
    let session = try PseudoTerminalSession(
      ["run", Self.runbook, "--revises", first, "--archive", "log", "--no-color"],
      currentDirectory: folder.url)
    // Enter keeps an earlier answer; three answers change.
    let steps: [(shown: String, typed: String)] = [
      ("Enter for Okta", ""), ("Enter for identity-provider", ""), ("Enter for yes", ""),
      ("Enter for support-files,session-tokens", "support-files,session-tokens,user-contact-list"),
      ("Enter to skip", ""), ("Enter for 2023-10-20T16:00:00Z", "2023-11-29T15:00:00Z"),
      ("Enter for 2023-09-28", ""), ("Enter for no", "yes"), ("Enter for no", ""),
      ("Enter for 6", ""), ("Enter for no", ""), ("Enter for no", ""), ("Enter for no", ""),
      ("Enter for yes", ""),
    ]
    for step in steps {
      try session.expect(step.shown)
      try session.send(step.typed + "\n")
    }
    try session.expect("Review your answers")
    try session.expect("What changed since \(first)")
    try session.expect(
      "+ new notification staff-phishing-warning: all staff, administrators first, due ")
    try session.expect(
      "~ action review-system-log due moved: 2023-10-23T16:00:00Z -> 2023-12-02T15:00:00Z")
    try session.expect("(y to write the record")
    try session.send("y\n")
    try session.expect("Wrote ")
    #expect(try session.waitForExit() == 0, "\(session.normalisedTranscript)")
    let revision = try #require(try records(in: folder).first { $0["revises"] != nil })
    #expect((revision["revises"] as? [String: Any])?["id"] as? String == first)
    #expect(revision["mode"] as? String == "interactive")
    #expect(revision["responder"] as? String == "tester")
  }

  @Test("an answers-file run with no responder anywhere stops and asks for --responder")
  func noResponderAnywhere() throws {
    let folder = try TemporaryDirectory()
    let answers = try String(contentsOfFile: Self.first, encoding: .utf8)
      .replacingOccurrences(of: "responder: Dana Ortiz\n", with: "")
    try folder.write(answers, to: "okta.yaml")
    let result = try runTriage(
      ["run", Self.runbook, "--answers", "okta.yaml", "--archive", "log"],
      environment: ["USER": ""], currentDirectory: folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(
      result.error
        == "triage: who is answering? pass --responder NAME (or give responder: in the answers "
        + "file, or set $USER); the record names its responder\n")
  }
}
