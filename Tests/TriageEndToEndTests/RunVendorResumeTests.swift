import Foundation
import Testing
import TriageTestSupport

/// `triage run --vendor` at a terminal, interrupted and resumed: the draft keeps where each
/// answer came from (the inventory's file, line and hash) and the inventory answer a responder
/// replaced, so the finished record's trail is the one an uninterrupted run writes.
@Suite(.serialized) struct RunVendorResumeTests {
  static let runbook = vendorItemsRunbook(
    questions: """
            - id: ticket
              ask: Ticket number?
              type: text

      """)

  func workspace() throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("obligations"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.url.appendingPathComponent("inventory"), withIntermediateDirectories: true)
    try folder.write(Self.runbook, to: "items.yaml")
    try folder.write(vendorItemsFacts, to: "obligations/facts.yaml")
    try folder.write(vendorItemsOrganisation, to: "inventory/organisation.yaml")
    try folder.write(
      """
      vendors:
        - id: filebox
          name: FileBox
          credentials:
            - {id: filebox-sftp, name: SFTP account, kind: password, owner: alice@example.com}
            - {id: filebox-api, name: API token, kind: api-token, owner: bob@example.com}

      """, to: "inventory/vendors.yaml")
    return folder
  }

  static let arguments = [
    "run", "items.yaml", "--vendor", "FileBox", "--inventory", "inventory", "--archive", "log",
    "--responder", "Dana", "--no-color",
  ]

  /// The one record written under `folder`.
  func record(in folder: TemporaryDirectory) throws -> [String: Any] {
    let root = folder.url.appendingPathComponent("log/records")
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    let files = (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }
    try #require(files.count == 1, "\(files)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: files[0])) as? [String: Any])
  }

  /// The trail without its times, in a form that compares: question, prompt, answer, source
  /// and what a responder replaced, entry by entry.
  func trail(of record: [String: Any]) throws -> [String] {
    let entries = try #require(record["trail"] as? [[String: Any]])
    return try entries.map { entry in
      var kept = entry
      kept["at"] = nil
      let data = try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }
  }

  /// Answers the questions the inventory leaves open, then changes an inventory answer in the
  /// review; `interrupt` stops at the review that follows instead of writing the record.
  func answer(_ session: PseudoTerminalSession, interrupt: Bool) throws {
    try session.expect("When?")
    try session.send("2026-12-04T16:00:00Z\n")
    try session.expect("Ticket number?")
    if interrupt {
      try session.sendInterrupt()
      return
    }
    try session.send("INC-7\n")
    try session.expect("Review your answers")
    try session.expect("from inventory, inventory/organisation.yaml:4")
    try session.send("2\n")
    try session.expect("Where are we established?")
    try session.send("DE\n\n")
    try session.expect("changed from the inventory's: GB")
    try session.send("y\n")
  }

  /// Runs in `folder` until the ticket question, interrupts there, and gives the printed resume
  /// command's words after `swift run triage`.
  func interruptedRun(in folder: TemporaryDirectory) throws -> [String] {
    let first = try PseudoTerminalSession(Self.arguments, currentDirectory: folder.url)
    try answer(first, interrupt: true)
    try first.expect("Resume with: ")
    #expect(try first.waitForExit() == 130)
    let line = try #require(
      first.normalisedTranscript.split(separator: "\n").first { $0.hasPrefix("Resume with: ") })
    return line.dropFirst("Resume with: swift run triage ".count).split(separator: " ")
      .map(String.init)
  }

  @Test func aResumedRunWritesTheTrailAnUninterruptedRunWrites() throws {
    let straight = try workspace()
    let whole = try PseudoTerminalSession(Self.arguments, currentDirectory: straight.url)
    try answer(whole, interrupt: false)
    #expect(try whole.waitForExit() == 0, "\(whole.normalisedTranscript)")
    let expected = try trail(of: record(in: straight))
    #expect(expected.count == 4)
    #expect(expected.filter { $0.contains("\"kind\":\"inventory\"") }.count == 2)

    let folder = try workspace()
    let words = try interruptedRun(in: folder)
    #expect(words.contains("--vendor") && words.contains("--inventory"), "\(words)")
    let draft = try #require(words.firstIndex(of: "--resume").map { words[$0 + 1] })
    let saved = try String(contentsOfFile: draft, encoding: .utf8)
    #expect(saved.contains("\"inventory_sha256\""), "the draft keeps the inventory sources")

    let second = try PseudoTerminalSession(
      words + ["--responder", "Dana", "--no-color"], currentDirectory: folder.url)
    try second.expect("Ticket number?")
    try second.send("INC-7\n")
    try second.expect("Review your answers")
    try second.expect("from inventory, inventory/organisation.yaml:4")
    try second.send("2\n")
    try second.expect("Where are we established?")
    try second.send("DE\n\n")
    try second.expect("changed from the inventory's: GB")
    try second.send("y\n")
    #expect(try second.waitForExit() == 0, "\(second.normalisedTranscript)")
    let resumed = try record(in: folder)
    #expect(try trail(of: resumed) == expected)
    #expect((resumed["inventory"] as? [String: Any])?["vendor"] as? String == "filebox")
  }

  /// The inventory edited between the interruption and the resumption: the draft's answer from
  /// the old inventory is taken again from the inventory as it stands, in its place in the
  /// trail, with the new file line and hash, and the responder is told so; the responder's own
  /// answers stay.
  @Test func aResumedRunTakesAnswersAgainFromAnInventoryChangedSince() throws {
    let folder = try workspace()
    let words = try interruptedRun(in: folder)
    let draft = try #require(words.firstIndex(of: "--resume").map { words[$0 + 1] })
    let saved = try String(contentsOfFile: draft, encoding: .utf8)
    #expect(saved.contains("\"GB\""), "the draft holds the inventory's answer of the time")

    // Moved a line down, and another country: a new hash, a new line, a new answer.
    try folder.write(
      "organisation:\n  name: Us\n  # moved to Ireland in 2026\n  facts:\n    established_in: [IE]\n",
      to: "inventory/organisation.yaml")
    let second = try PseudoTerminalSession(
      words + ["--responder", "Dana", "--no-color"], currentDirectory: folder.url)
    // Both inventory answers come from an inventory with another hash now: both are taken again.
    try second.expect(
      "the inventory has changed since the draft was saved: the answers to established_in, "
        + "credentials are taken from it as it stands now")
    try second.expect("Ticket number?")
    try second.send("INC-7\n")
    try second.expect("Review your answers")
    try second.expect("from inventory, inventory/organisation.yaml:5")
    try second.send("y\n")
    #expect(try second.waitForExit() == 0, "\(second.normalisedTranscript)")

    let record = try record(in: folder)
    let trail = try #require(record["trail"] as? [[String: Any]])
    #expect(
      trail.map { $0["question"] as? String } == [
        "established_in", "credentials", "discovered_at", "ticket",
      ],
      "the trail keeps the draft's order")
    let established = try #require(trail.first { $0["question"] as? String == "established_in" })
    #expect(established["answer"] as? [String] == ["IE"])
    let source = try #require(established["source"] as? [String: Any])
    #expect(source["kind"] as? String == "inventory")
    #expect(source["line"] as? Int == 5)
    let hash = try #require(source["inventory_sha256"] as? String)
    #expect((record["inventory"] as? [String: Any])?["sha256"] as? String == hash)
    #expect(!saved.contains(hash), "the hash is the edited inventory's, not the draft's")
    let when = try #require(trail.first { $0["question"] as? String == "discovered_at" })
    #expect(when["source"] == nil, "the responder's answer (no source) stays")
    #expect(when["answer"] as? String == "2026-12-04T16:00:00Z")
  }

  /// An answer the edited inventory no longer gives is asked again, not kept from the draft.
  @Test func aResumedRunAsksWhatAnInventoryChangedSinceNoLongerAnswers() throws {
    let folder = try workspace()
    let words = try interruptedRun(in: folder)
    try folder.write("organisation:\n  name: Us\n", to: "inventory/organisation.yaml")
    let second = try PseudoTerminalSession(
      words + ["--responder", "Dana", "--no-color"], currentDirectory: folder.url)
    try second.expect(
      "the inventory has changed since the draft was saved and no longer answers "
        + "established_in; it is asked again")
    try second.expect("Where are we established?")
    try second.send("DE\n\n")
    try second.expect("Ticket number?")
    try second.send("INC-7\n")
    try second.expect("Review your answers")
    try second.send("y\n")
    #expect(try second.waitForExit() == 0, "\(second.normalisedTranscript)")
    let trail = try #require(try record(in: folder)["trail"] as? [[String: Any]])
    let established = try #require(trail.first { $0["question"] as? String == "established_in" })
    #expect(established["answer"] as? [String] == ["DE"])
    #expect(established["source"] == nil, "the responder's answer, not the old inventory's")
  }

  /// A draft saved after the responder replaced an inventory answer keeps the replaced value.
  @Test func aDraftKeepsTheInventoryAnswerTheResponderReplaced() throws {
    let folder = try workspace()
    let first = try PseudoTerminalSession(Self.arguments, currentDirectory: folder.url)
    try first.expect("When?")
    try first.send("2026-12-04T16:00:00Z\n")
    try first.expect("Ticket number?")
    try first.send("INC-7\n")
    try first.expect("Review your answers")
    try first.send("2\n")
    try first.expect("Where are we established?")
    try first.send("DE\n\n")
    try first.expect("changed from the inventory's: GB")
    try first.sendInterrupt()
    try first.expect("Resume with: ")
    #expect(try first.waitForExit() == 130)
    let line = try #require(
      first.normalisedTranscript.split(separator: "\n").first { $0.hasPrefix("Resume with: ") })
    let words = line.dropFirst("Resume with: swift run triage ".count).split(separator: " ")
      .map(String.init)
    let second = try PseudoTerminalSession(
      words + ["--responder", "Dana", "--no-color"], currentDirectory: folder.url)
    try second.expect("changed from the inventory's: GB")
    try second.send("y\n")
    #expect(try second.waitForExit() == 0, "\(second.normalisedTranscript)")
    let trail = try #require(try record(in: folder)["trail"] as? [[String: Any]])
    let established = try #require(trail.first { $0["question"] as? String == "established_in" })
    #expect((established["source"] as? [String: Any])?["kind"] as? String == "responder")
    let replaced = try #require(established["replaced"] as? [String: Any])
    #expect(replaced["answer"] as? [String] == ["GB"])
    #expect((replaced["source"] as? [String: Any])?["line"] as? Int == 4)
  }
}
