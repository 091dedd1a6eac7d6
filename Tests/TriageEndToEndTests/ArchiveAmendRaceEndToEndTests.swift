import Foundation
import Testing
import TriageTestSupport

/// Amendments written by processes started at the same instant: the check ("already sent",
/// "closed") and the write happen under one hold of the archive's lock, so exactly one wins.
///
/// Without that, a round fails most of the time (several processes pass the check before the
/// first one writes) but not always; three rounds make a pass by luck unlikely.
@Suite(.serialized) struct ArchiveAmendRaceEndToEndTests {
  static let processCount = 12
  static let rounds = 3

  /// Starts `processCount` copies of `triage archive ARGUMENTS --archive ARCHIVE` at once and
  /// returns each one's exit status and standard error, in start order.
  func race(_ arguments: [String], archive: String) throws -> [(status: Int32, error: String)] {
    let scratch = try TemporaryDirectory()
    let processes = try (0..<Self.processCount).map { index in
      let process = Process()
      process.executableURL = try TriageBinary.url()
      process.arguments = ["archive"] + arguments + ["--archive", archive]
      process.environment = TriageBinary.environment()
      process.currentDirectoryURL = scratch.url
      let errorURL = try scratch.write("", to: "stderr-\(index)")
      process.standardError = try FileHandle(forWritingTo: errorURL)
      process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
      process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
      return (process, errorURL)
    }
    // Started back to back: each spends its first milliseconds loading, so their checks of the
    // record's state overlap.
    for (process, _) in processes { try process.run() }
    return try processes.map { process, errorURL in
      process.waitUntilExit()
      return (
        process.terminationStatus,
        String(decoding: try Data(contentsOf: errorURL), as: UTF8.self)
      )
    }
  }

  @Test(arguments: 1...rounds)
  func onlyOneOfManyProcessesMarksANotificationSent(round: Int) throws {
    let folder = try TemporaryDirectory()
    let archive = try ArchiveTestSupport.writeFixture(in: folder)
    let results = try race(
      ["amend", "20210401T093000Z-0", "--notification", "final-report", "--sent", "now"],
      archive: archive)
    let winners = results.filter { $0.status == 0 }
    #expect(winners.count == 1, "\(results)")
    let refusal =
      "triage: notification 'final-report' of record 20210401T093000Z-0000000a was "
      + "already sent at "
    for loser in results where loser.status != 0 {
      #expect(loser.status == 65)
      #expect(loser.error.hasPrefix(refusal), "\(loser.error)")
    }
    let sent = ArchiveTestSupport.files(under: archive).filter { path in
      guard path.hasPrefix("amendments/"),
        let text = try? String(contentsOfFile: archive + "/" + path, encoding: .utf8)
      else { return false }
      return text.contains("\"notification\": \"final-report\"")
    }
    #expect(sent.count == 1, "\(sent)")
    let verify = try ArchiveTestSupport.archive(["verify"], archive)
    #expect(verify.status == 0, "\(verify)")
    #expect(verify.output.contains("Heads (1):\n"), "\(verify)")
  }

  @Test(arguments: 1...rounds)
  func onlyOneOfManyProcessesClosesARecord(round: Int) throws {
    let folder = try TemporaryDirectory()
    let archive = try ArchiveTestSupport.writeFixture(in: folder)
    let results = try race(["close", "20210415T080000Z", "--note", "Done."], archive: archive)
    #expect(results.filter { $0.status == 0 }.count == 1, "\(results)")
    for loser in results where loser.status != 0 {
      #expect(loser.status == 65)
      #expect(
        loser.error.hasPrefix("triage: record 20210415T080000Z-0000000c was closed at "),
        "\(loser.error)")
    }
    let verify = try ArchiveTestSupport.archive(["verify"], archive)
    #expect(verify.status == 0, "\(verify)")
    #expect(verify.output.contains("Heads (1):\n"), "\(verify)")
  }
}
