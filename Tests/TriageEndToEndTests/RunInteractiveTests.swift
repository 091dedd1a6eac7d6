import Foundation
import Testing
import TriageTestSupport

/// `triage run` at a terminal, typed as a person would, through a pseudo-terminal.
@Suite(.serialized) struct RunInteractiveTests {
  func workspace() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try folder.write(fixtureRunbook, to: "vendor-breach.yaml")
    return folder
  }

  func recordFiles(in folder: TemporaryDirectory) -> [URL] {
    let root = folder.url.appendingPathComponent("log/records")
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }
  }

  func record(in folder: TemporaryDirectory) throws -> [String: Any] {
    let files = recordFiles(in: folder)
    try #require(files.count == 1, "\(files)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: files[0])) as? [String: Any])
  }

  @Test func answersHelpBackARetryAndAnEditInTheReview() throws {
    let folder = try workspace()
    let session = try PseudoTerminalSession(
      ["run", "vendor-breach.yaml", "--archive", "log", "--responder", "Dana", "--no-color"],
      currentDirectory: folder.url)
    try session.expect("What happened - question 1 of about")
    try session.expect("Which vendor?")
    try session.send("?\n")
    try session.expect("The company whose systems were breached.")
    try session.send("Acme\n")
    try session.expect("When did we learn of it?")
    try session.send("back\n")
    try session.expect("Back to vendor.")
    try session.expect("Which vendor?")
    try session.send("Acme Corp\n")
    try session.expect("When did we learn of it?")
    try session.send("yesterday\n")
    try session.expect("Not accepted: expected a date and time like 2026-04-01T09:30:00Z")
    try session.send("2026-04-03T15:00:00Z\n")
    try session.expect("Did Acme Corp hold personal data of ours?")
    try session.send("no\n")
    try session.expect("What left Acme Corp?")
    try session.expect("1) credentials  API keys and tokens")
    try session.send("2\n")
    try session.expect("Ticket number?")
    try session.send("\n")
    try session.expect("Review your answers")
    try session.expect("Decision: No immediate action, but monitor Acme Corp.")
    try session.expect("(y to write the record")
    // Change "personal data" (the third answer): the number of records is asked next.
    try session.send("3\n")
    try session.expect("Did Acme Corp hold personal data of ours?")
    try session.send("yes\n")
    try session.expect("How many records?")
    try session.send("0\n")
    try session.expect("Not accepted: the number must be at least 1")
    try session.send("250\n")
    try session.expect("Decision: Notify the authority about Acme Corp.")
    try session.send("y\n")
    try session.expect("Wrote ")
    #expect(try session.waitForExit() == 0, "\(session.normalisedTranscript)")
    let record = try record(in: folder)
    #expect(record["mode"] as? String == "interactive")
    #expect(record["responder"] as? String == "Dana")
    let answers = try #require(record["answers"] as? [String: Any])
    #expect(answers["vendor"] as? String == "Acme Corp")
    #expect(answers["personal_data"] as? Bool == true)
    #expect(answers["records"] as? Double == 250)
    #expect(answers["exposure"] as? [String] == ["source-code"])
    #expect(answers["ticket"] == nil)
    let trail = try #require(record["trail"] as? [[String: Any]])
    #expect(
      trail.contains { $0["asked"] as? String == "Did Acme Corp hold personal data of ours?" })
  }

  @Test func ctrlCSavesADraftThatResumeContinues() throws {
    let folder = try workspace()
    let first = try PseudoTerminalSession(
      ["run", "vendor-breach.yaml", "--archive", "log", "--no-color"],
      currentDirectory: folder.url)
    try first.expect("Which vendor?")
    try first.send("Acme\n")
    try first.expect("When did we learn of it?")
    try first.send("2026-04-03T15:00:00Z\n")
    try first.expect("Did Acme hold personal data of ours?")
    try first.sendInterrupt()
    try first.expect("Resume with: ")
    #expect(try first.waitForExit() == 130)
    let transcript = first.normalisedTranscript
    let line = try #require(
      transcript.split(separator: "\n").first { $0.hasPrefix("Resume with: ") })
    // Started from .build/, the binary suggests itself as swift run does.
    #expect(line.hasPrefix("Resume with: swift run triage "), "\(line)")
    let words = line.dropFirst("Resume with: swift run triage ".count).split(separator: " ").map(
      String.init)
    #expect(words.prefix(4) == ["run", "vendor-breach.yaml", "--resume", words[3]])
    #expect(words.dropFirst(4).first == "--archive", "the resume command keeps the archive")
    let attributes = try FileManager.default.attributesOfItem(atPath: words[3])
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(recordFiles(in: folder).isEmpty)

    let second = try PseudoTerminalSession(
      words + ["--no-color"], currentDirectory: folder.url)
    try second.expect("Did Acme hold personal data of ours?")
    try second.send("no\n")
    try second.expect("What left Acme?")
    try second.send("credentials, source-code\n")
    try second.expect("Ticket number?")
    try second.send("INC-42\n")
    try second.expect("Review your answers")
    try second.send("y\n")
    #expect(try second.waitForExit() == 0, "\(second.normalisedTranscript)")
    let record = try record(in: folder)
    let answers = try #require(record["answers"] as? [String: Any])
    #expect(answers["vendor"] as? String == "Acme")
    #expect(answers["discovered_at"] as? String == "2026-04-03T15:00:00Z")
    #expect(answers["exposure"] as? [String] == ["credentials", "source-code"])
    #expect(answers["ticket"] as? String == "INC-42")
    #expect(!FileManager.default.fileExists(atPath: words[3]), "the draft is removed once used")
  }

  @Test func quittingAtTheReviewWritesNothing() throws {
    let folder = try workspace()
    let session = try PseudoTerminalSession(
      ["run", "vendor-breach.yaml", "--archive", "log", "--no-color"],
      currentDirectory: folder.url)
    for (prompt, answer) in [
      ("Which vendor?", "Acme"), ("When did we learn", "now"), ("personal data", "n"),
      ("What left", "credentials"), ("Ticket number?", ""),
    ] {
      try session.expect(prompt)
      try session.send(answer + "\n")
    }
    try session.expect("Review your answers")
    try session.send("q\n")
    try session.expect("Quit: nothing was written.")
    #expect(try session.waitForExit() == 0)
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("log").path))
  }

  @Test func mixedModeAsksOnlyWhatTheFileLeavesOpen() throws {
    let folder = try workspace()
    try folder.write(
      "answers:\n  vendor: Acme\n  discovered_at: 2026-04-03T15:00:00Z\n", to: "partial.yaml")
    let session = try PseudoTerminalSession(
      ["run", "vendor-breach.yaml", "--answers", "partial.yaml", "--archive", "log", "--no-color"],
      currentDirectory: folder.url)
    try session.expect("Did Acme hold personal data of ours?")
    try session.send("no\n")
    try session.expect("What left Acme?")
    try session.send("source-code\n")
    try session.expect("Ticket number?")
    try session.send("\n")
    try session.expect("Review your answers")
    try session.send("y\n")
    #expect(try session.waitForExit() == 0, "\(session.normalisedTranscript)")
    #expect(!session.normalisedTranscript.contains("Which vendor?"))
    #expect(try record(in: folder)["mode"] as? String == "mixed")
  }
}
