import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI
import TriageTestSupport

/// `triage archive follow-ups` and `due` on an archive whose open items fill more than the
/// 64 KB that their lines are written in: every item once, each line whole, in order.
@Suite struct ArchiveFollowUpsVolumeTests {
  static let runbook = "/w/identity-provider-compromise.yaml"

  /// An archive `log` of `count` Okta records (the bundled example answers), an hour apart
  /// from 20 October 2023; the context's clock is then 1 December 2023.
  static func archive(records count: Int) throws -> InMemoryFileSystem {
    let tree = InMemoryFileSystem([
      runbook: try BundledRunbooks.text(at: "identity-provider-compromise.yaml"),
      "/w/okta.yaml": try BundledRunbooks.text(at: "examples/okta-2023.answers.yaml"),
    ])
    let start = try #require(UTCTimestamp.date(from: "2023-10-20T17:00:00Z"))
    for hour in 0..<count {
      let context = CommandContext.testing(
        fileSystem: tree, now: start.addingTimeInterval(Double(hour) * 3_600))
      let exit = Triage.main(
        ["run", runbook, "--answers", "okta.yaml", "--archive", "log"], context: context)
      #expect(exit == .success, "\(context.capturedError)")
    }
    return tree
  }

  static func run(_ arguments: [String], on tree: InMemoryFileSystem) -> (TriageExit, String) {
    let context = CommandContext.testing(
      fileSystem: tree, now: UTCTimestamp.date(from: "2023-12-01T00:00:00Z") ?? .distantPast)
    let exit = Triage.main(["archive"] + arguments + ["--archive", "log"], context: context)
    return (exit, context.capturedOutput)
  }

  @Test("follow-ups and due write every open item once, a whole line each, soonest first")
  func manyOpenItems() throws {
    let tree = try Self.archive(records: 120)
    let (exit, text) = Self.run(["follow-ups"], on: tree)
    #expect(exit == .success)
    #expect(text.utf8.count > 1 << 16)
    let (_, json) = Self.run(["follow-ups", "--json"], on: tree)
    let items = try #require(try JSONValue.parse(Array(json.utf8))["follow_ups"]?.arrayValue)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.last == "")
    #expect(lines.count == items.count + 1)
    // Line by line the item the JSON names at the same place: record, kind and id.
    for (line, item) in zip(lines, items) {
      let record = item["record"]?.stringValue ?? "?"
      let kind = item["kind"]?.stringValue ?? "?"
      let id = item["id"]?.stringValue ?? "?"
      #expect(line.contains("  \(record)  \(kind) \(id): "), "\(line)")
    }
    // Overdue and due first, soonest first; then those without a due time.
    let dues = items.map { $0["due"]?.stringValue }
    let timed = dues.prefix { $0 != nil }.compactMap(\.self)
    #expect(timed == timed.sorted())
    #expect(dues.dropFirst(timed.count).allSatisfy { $0 == nil })
    let (dueExit, dueText) = Self.run(["due"], on: tree)
    #expect(dueExit == .failure)
    let dueLines = dueText.split(separator: "\n")
    #expect(dueLines.count == timed.count + 1)
    #expect(dueLines.dropLast().elementsEqual(lines.prefix(timed.count)))
    let overdue = timed.filter { $0 < "2023-12-01T00:00:00Z" }.count
    #expect(dueLines.last == "\(overdue) overdue, \(timed.count - overdue) due.")
  }
}
