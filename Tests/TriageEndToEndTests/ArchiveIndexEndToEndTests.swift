import Foundation
import Testing
import TriageTestSupport

/// `archive list`, `follow-ups`, `due`, `stats` and `calendar` with the real binary answer the
/// same whether the summary index is missing (every record read), fresh, or trusted, on an
/// archive with amendments, a closed record, chained and business-day deadlines, a revision
/// and the record it supersedes, and an unreadable record file.
@Suite(.serialized) struct ArchiveIndexEndToEndTests {
  static let runbook = BundledRunbooks.path(of: "identity-provider-compromise")
  static let first = BundledRunbooks.folder + "/examples/okta-2023.answers.yaml"
  static let revised = BundledRunbooks.folder + "/examples/okta-2023-revised.answers.yaml"

  /// Every reading command's text and `--json` form.
  static let commands: [[String]] = [
    ["list"], ["list", "--json"], ["list", "--status", "open"], ["list", "--since", "2023-01-01"],
    ["follow-ups"], ["follow-ups", "--json"], ["follow-ups", "--overdue"],
    ["follow-ups", "--kind", "notification"], ["due"], ["due", "--json"],
    ["due", "--within", "7d"], ["stats"], ["stats", "--json"], ["calendar"],
  ]

  /// The archive: the fixture's records and amendments, an Okta record and its revision.
  func makeArchive(in folder: TemporaryDirectory) throws -> String {
    let archive = try ArchiveTestSupport.writeFixture(in: folder)
    let run = try runTriage(
      ["run", Self.runbook, "--answers", Self.first, "--archive", archive])
    #expect(run.status == 0, "\(run)")
    let list = try ArchiveTestSupport.archive(["list", "--json"], archive)
    let okta = try #require(
      list.output.split(separator: "\"").first {
        $0.hasPrefix("2") && $0.count == 25 && !$0.hasPrefix("2021")
      })
    let revision = try runTriage(
      [
        "run", Self.runbook, "--revises", String(okta), "--answers", Self.revised, "--archive",
        archive,
      ])
    #expect(revision.status == 0, "\(revision)")
    return archive
  }

  /// Each command's exit status, output and errors.
  func answers(_ archive: String) throws -> [String] {
    try Self.commands.map { try answer($0, archive) }
  }

  /// One command's exit status, output and errors; the times of now (the calendar's
  /// `DTSTAMP`, `due --json`'s `now`) left out.
  func answer(_ arguments: [String], _ archive: String) throws -> String {
    let result = try ArchiveTestSupport.archive(arguments + ["--skip-unreadable"], archive)
    // Split at every line end: `\r\n` (the calendar's) is one character.
    let output = result.output.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .filter { !$0.hasPrefix("DTSTAMP:") && !$0.hasPrefix("  \"now\": ") }
      .joined(separator: "\n")
    return "\(arguments) exit \(result.status)\n\(output)\n\(result.error)"
  }

  @Test("each command answers the same without the index, with a new one and a trusted one")
  func sameAnswersEachWay() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let archive = try makeArchive(in: folder)
    try folder.write(
      "{\"format\": \"triage-record/1\"", to: "log/records/2022/01/20220101T000000Z-0000dead.json")
    let index = archive + "/.cache/summaries"
    var without: [String] = []
    for arguments in Self.commands {
      try? FileManager.default.removeItem(atPath: index)
      without.append(try answer(arguments, archive))
    }
    #expect(without.contains { $0.contains("revised by") })
    #expect(without.contains { $0.contains("0000dead.json: not a readable record (skipped)") })
    let fresh = try answers(archive)
    #expect(FileManager.default.fileExists(atPath: index))
    Thread.sleep(forTimeInterval: 0.05)
    let trusted = try answers(archive)
    for (expected, (made, kept)) in zip(without, zip(fresh, trusted)) {
      #expect(made == expected)
      #expect(kept == expected)
    }
  }

  @Test("an amendment written by triage shows at once through a trusted index")
  func amendmentShowsAtOnce() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let archive = try ArchiveTestSupport.writeFixture(in: folder)
    _ = try ArchiveTestSupport.archive(["list"], archive)
    Thread.sleep(forTimeInterval: 0.05)
    let before = try ArchiveTestSupport.archive(["stats"], archive)
    #expect(before.output.contains("Records: 3 (2 open, 1 closed)"))
    let close = try ArchiveTestSupport.archive(
      ["close", "20210401T093000Z-0000000a", "--responder", "Sam Lee"], archive)
    #expect(close.status == 0, "\(close)")
    let after = try ArchiveTestSupport.archive(["stats"], archive)
    #expect(after.output.contains("Records: 3 (1 open, 2 closed)"), "\(after)")
  }

  @Test(
    "--recheck sees a record rewritten in place, which the trusted index does not; verify reports it"
  )
  func recheckSeesARewriteInPlace() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let archive = try ArchiveTestSupport.writeFixture(in: folder)
    let before = try ArchiveTestSupport.archive(["list", "--json"], archive)
    #expect(before.output.contains("Notify the authority about Acme."))
    Thread.sleep(forTimeInterval: 0.05)
    // Rewritten in place (the same inode, its folder untouched), as VS Code or nano save.
    let path = archive + "/records/2021/04/20210401T093000Z-0000000a.json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 0)
    try handle.write(
      contentsOf: Data(
        text.replacingOccurrences(
          of: "Notify the authority about Acme.", with: "Notify nobody at all about Acme."
        )
        .utf8))
    try handle.close()
    // Documented: the index's summary, until something else changes in the folder.
    #expect(try ArchiveTestSupport.archive(["list", "--json"], archive).output == before.output)
    let verify = try ArchiveTestSupport.archive(["verify"], archive)
    #expect(verify.status != 0)
    #expect((verify.output + verify.error).contains("20210401T093000Z-0000000a"))
    for command in ["follow-ups", "due", "stats", "calendar"] {
      let result = try ArchiveTestSupport.archive([command, "--recheck"], archive)
      #expect(result.error.isEmpty, "\(command): \(result)")
    }
    let rechecked = try ArchiveTestSupport.archive(["list", "--json", "--recheck"], archive)
    #expect(rechecked.status == 0, "\(rechecked)")
    #expect(rechecked.output.contains("Notify nobody at all about Acme."))
    // The index now holds what --recheck saw.
    #expect(
      try ArchiveTestSupport.archive(["list", "--json"], archive).output == rechecked.output)
  }
}
