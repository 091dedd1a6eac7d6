import Foundation
import Testing
import TriageTestSupport

/// The interactive run as a new user meets it (issue 16), typed through a pseudo-terminal.
@Suite(.serialized) struct NewUserTerminalTests {
  /// `triage run vendor-breach.yaml` started in `folder` through a pseudo-terminal, with each
  /// prompt of `answers` awaited and answered in order.
  func started(
    in folder: TemporaryDirectory, answering answers: [(String, String)]
  ) throws -> PseudoTerminalSession {
    let session = try PseudoTerminalSession(
      ["run", "vendor-breach.yaml", "--archive", "log", "--no-color"],
      currentDirectory: folder.url)
    for (prompt, answer) in answers {
      try session.expect(prompt)
      try session.send(answer + "\n")
    }
    return session
  }

  func workspace(_ runbook: String = fixtureRunbook) throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try folder.write(runbook, to: "vendor-breach.yaml")
    return folder
  }

  func record(in folder: TemporaryDirectory) throws -> [String: Any] {
    let root = folder.url.appendingPathComponent("log/records")
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    let files = (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }
    try #require(files.count == 1, "\(files)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: files[0])) as? [String: Any])
  }

  func interruptAfterTheFirstAnswer(argumentZero: String?) throws -> String {
    let folder = try workspace()
    let session = try PseudoTerminalSession(
      ["run", "vendor-breach.yaml", "--archive", "log", "--no-color"],
      currentDirectory: folder.url, argumentZero: argumentZero)
    try session.expect("Which vendor?")
    try session.send("Acme\n")
    try session.expect("When did we learn of it?")
    try session.sendInterrupt()
    try session.expect("Resume with: ")
    #expect(try session.waitForExit() == 130)
    let line = session.normalisedTranscript.split(separator: "\n").first {
      $0.hasPrefix("Resume with: ")
    }
    return String(line ?? "")
  }

  @Test func theResumeLineUsesTheNameTheProgramWasStartedWith() throws {
    // Started from .build/ (as swift run does): the line says swift run.
    let built = try interruptAfterTheFirstAnswer(argumentZero: nil)
    #expect(
      built.hasPrefix("Resume with: swift run triage run vendor-breach.yaml --resume "), "\(built)")
    // Started by its bare name, found on PATH.
    let installed = try interruptAfterTheFirstAnswer(argumentZero: "triage")
    #expect(
      installed.hasPrefix("Resume with: triage run vendor-breach.yaml --resume "), "\(installed)")
  }

  @Test func backAndAChangeFromTheReviewKeepThePreviousAnswerAsTheDefault() throws {
    let folder = try workspace()
    let session = try PseudoTerminalSession(
      ["run", "vendor-breach.yaml", "--archive", "log", "--no-color"],
      currentDirectory: folder.url)
    try session.expect("Which vendor?")
    try session.send("Acme\n")
    try session.expect("When did we learn of it?")
    try session.send("back\n")
    try session.expect("Back to vendor.")
    try session.expect("Which vendor?")
    try session.expect("Enter keeps Acme")
    try session.send("\n")
    try session.expect("When did we learn of it?")
    try session.send("2026-04-03T15:00:00Z\n")
    try session.expect("Did Acme hold personal data of ours?")
    try session.send("no\n")
    try session.expect("What left Acme?")
    try session.send("2\n")
    try session.expect("Ticket number?")
    try session.send("\n")
    try session.expect("Review your answers")
    try session.expect("(y to write the record")
    // Reopen "exposure" (the fourth answer): Enter keeps source-code.
    try session.send("4\n")
    try session.expect("What left Acme?")
    try session.expect("Enter keeps source-code")
    try session.send("\n")
    try session.expect("Review your answers")
    try session.send("y\n")
    try session.expect("Wrote ")
    #expect(try session.waitForExit() == 0, "\(session.normalisedTranscript)")
    #expect(!session.normalisedTranscript.contains("an answer is required"))
    let answers = try #require(try record(in: folder)["answers"] as? [String: Any])
    #expect(answers["vendor"] as? String == "Acme")
    #expect(answers["exposure"] as? [String] == ["source-code"])
  }

  @Test func theCountOfQuestionsIsCloseOnASixteenQuestionRunbook() throws {
    let folder = try workspace(sixteenQuestionRunbook)
    let session = try PseudoTerminalSession(
      ["run", "vendor-breach.yaml", "--archive", "log", "--no-color"],
      currentDirectory: folder.url)
    try session.expect("About the vendor - question 1 of about 16")
    try session.send("Acme\n")
    try session.expect("About the vendor - question 2 of about 16")
    try session.send("no\n")
    try session.expect("About the vendor - question 3 of about 14")
    try session.send("2\n")
    try session.expect("About the vendor - question 4 of about 11")
    try session.send("1\n")
    try session.expect("Wrap-up - question 5 of about 9")
    // The prompt names an answer its condition left out: a readable placeholder, not {{records}}.
    try session.expect("Who follows up for ‹records› records?")
    try session.sendInterrupt()
    _ = try session.waitForExit()
    #expect(!session.normalisedTranscript.contains("{{"))
  }

  @Test func theReviewMarksOverdueDeadlinesWithTheLocalTime() throws {
    let folder = try workspace()
    let session = try PseudoTerminalSession(
      ["run", "vendor-breach.yaml", "--archive", "log", "--no-color"],
      environment: ["TZ": "Europe/Paris"], currentDirectory: folder.url)
    for (prompt, answer) in [
      ("Which vendor?", "Acme"), ("When did we learn", "2026-04-03T15:00:00Z"),
      ("personal data", "yes"), ("How many records?", "10"), ("What left", "credentials"),
      ("Ticket number?", ""),
    ] {
      try session.expect(prompt)
      try session.send(answer + "\n")
    }
    try session.expect("Review your answers")
    try session.expect("discovered_at: 2026-04-03T15:00:00Z (2026-04-03 17:00 Europe/Paris)")
    try session.expect(
      "supervisory authority (due 2026-04-06T15:00:00Z (2026-04-06 17:00 Europe/Paris), OVERDUE)")
    try session.expect("(y to write the record")
    try session.send("q\n")
    #expect(try session.waitForExit() == 0)
    #expect(
      session.normalisedTranscript.contains(
        "Rotate the keys Acme held (security lead, due 2026-04-04T15:00:00Z (2026-04-04 17:00 Europe/Paris), OVERDUE)"
      ))
  }

  @Test func anExclusiveChoiceWithOthersIsRefusedAndAskedAgain() throws {
    let runbook = fixtureRunbook.replacingOccurrences(
      of: "          - source-code: Source code\n",
      with: "          - source-code: Source code\n          - none: Nothing\n"
        + "        exclusive: [none]\n")
    let folder = try workspace(runbook)
    let session = try started(
      in: folder,
      answering: [
        ("Which vendor?", "Acme"), ("When did we learn", "now"), ("personal data", "no"),
      ])
    try session.expect("What left Acme?")
    try session.send("1, none\n")
    try session.expect(
      "Not accepted: 'none' stands alone and cannot go with 'credentials'; give 'none' on its own")
    try session.send("2, source-code\n")
    try session.expect("Not accepted: 'source-code' is given twice; give each choice once")
    try session.send("3\n")
    try session.expect("Ticket number?")
    try session.send("\n")
    try session.expect("Review your answers")
    try session.send("y\n")
    #expect(try session.waitForExit() == 0, "\(session.normalisedTranscript)")
    let answers = try #require(try record(in: folder)["answers"] as? [String: Any])
    #expect(answers["exposure"] as? [String] == ["none"])
  }

  @Test func aSecretListItemIsRefusedAloneAndTheOthersAreKept() throws {
    let runbook = fixtureRunbook.replacingOccurrences(
      of: "      - id: ticket\n",
      with: "      - id: secrets\n        ask: Which secrets?\n        type: list\n"
        + "      - id: ticket\n")
    let folder = try workspace(runbook)
    let session = try started(
      in: folder,
      answering: [
        ("Which vendor?", "Acme"), ("When did we learn", "now"), ("personal data", "no"),
        ("What left", "1"),
      ])
    try session.expect("Which secrets?")
    try session.send("the deploy key\n")
    try session.send(MadeUpSecrets.gitHubToken() + "\n")
    try session.expect("Item 2 not accepted: this looks like a GitHub token")
    try session.expect("(the 1 before it are kept)")
    try session.send("the CI token name\n")
    try session.send("\n")
    try session.expect("Ticket number?")
    try session.send("\n")
    try session.expect("Review your answers")
    try session.send("y\n")
    #expect(try session.waitForExit() == 0, "\(session.normalisedTranscript)")
    let answers = try #require(try record(in: folder)["answers"] as? [String: Any])
    #expect(answers["secrets"] as? [String] == ["the deploy key", "the CI token name"])
  }
}
