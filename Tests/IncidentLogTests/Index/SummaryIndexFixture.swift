import Foundation
import IncidentLog
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The small fixed archive of `archiveFixtureDocuments` (three records, four amendments) on
/// disk, read through system calls that log each call, to test the summary index against a
/// reading of every file.
struct SummaryIndexFixture {
  /// What a reading of the archive gives: the summaries and the unreadable record files.
  struct Answer: Equatable {
    var summaries: [RecordSummary] = []
    var unreadable: [UnreadableRecord] = []
  }

  let directory: TemporaryDirectory
  let calls: FaultInjectingSystemCalls
  let store: ArchiveStore
  var root: String { store.root }
  /// The index file.
  var indexPath: String { root + "/.cache/summaries" }
  /// The index files, absolute, sorted.
  var indexFiles: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: indexPath)) ?? []).sorted()
      .filter { !$0.hasPrefix(".") }.map { indexPath + "/" + $0 }
  }

  /// The fixture archive; `timeGranularity` makes the file system's clock that coarse.
  init(timeGranularity: Int64? = nil, name: String = "log") throws {
    directory = try TemporaryDirectory()
    for document in archiveFixtureDocuments {
      try directory.write(document.text, to: "\(name)/\(document.path)")
    }
    calls = FaultInjectingSystemCalls(timeGranularity: timeGranularity)
    store = ArchiveStore(
      root: directory.path + "/" + name, fileSystem: SystemFileSystem(calls: calls))
  }

  func remove() { directory.remove() }

  /// The answer through the summary index (brought up to date and written back); with
  /// `recheck`, every document stat'ed (`--recheck`).
  func indexed(build: String = "test", recheck: Bool = false) throws -> Answer {
    var answer = Answer()
    try ArchiveSummaries(store: store, build: build, recheck: recheck).forEachSummary(
      unreadable: { answer.unreadable.append($0) }
    ) { answer.summaries.append($0) }
    return answer
  }

  /// The answer from every record and amendment file, without the index.
  func fromFiles() throws -> Answer {
    var answer = Answer()
    try ArchiveReader(store: store).forEachRecord(unreadable: { answer.unreadable.append($0) }) {
      answer.summaries.append(RecordSummary($0))
    }
    return answer
  }

  /// The documents opened by the last reading (after `calls.clearLog()`).
  func documentsOpened() -> [String] {
    calls.calls(containing: "open \(root)/records/")
      + calls.calls(containing: "open \(root)/amendments/")
  }

  /// The text of the fixture document at `path`.
  static func text(_ path: String) -> String {
    archiveFixtureDocuments.first { $0.path == path }?.text ?? ""
  }

  /// Writes `text` at `path` below the archive (its folders made as needed).
  func write(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: root + "/" + path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Writes `text` at `path` below the archive as a new file in place of the old one: as
  /// `git pull` does (the old file unlinked, a new one made), or (`byRename`) as an editor
  /// saving by rename does (a new file renamed over the old one).
  func replace(_ path: String, with text: String, byRename: Bool = false) throws {
    let full = root + "/" + path
    if byRename {
      let temporary = full + ".swp"
      try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
      #expect(rename(temporary, full) == 0)
    } else {
      try FileManager.default.removeItem(atPath: full)
      try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }
  }

  /// Rewrites the file at `path` below the archive in place (the same inode, its folder
  /// untouched): as VS Code, nano or `echo >>` do.
  func rewriteInPlace(_ path: String, with text: String) throws {
    let handle = try #require(FileHandle(forWritingAtPath: root + "/" + path))
    try handle.truncate(atOffset: 0)
    try handle.write(contentsOf: Data(text.utf8))
    try handle.close()
  }

  /// Waits until the file system's clock has moved on, so the index made next trusts
  /// everything changed before.
  func waitForTheFileSystemClockToMoveOn() throws {
    let probe = directory.path + "/clock-probe"
    if !FileManager.default.fileExists(atPath: probe) {
      try SystemFileSystem().writeNewFile([], at: probe)
    }
    let start = try SystemFileSystem().currentTime(touching: probe)
    while try SystemFileSystem().currentTime(touching: probe) <= start { usleep(1_000) }
  }

  /// Makes the index and waits for the clock, so that the next reading trusts it (waiting
  /// first too: a document changed in the tick the index was made in is not trusted).
  func makeTrustedIndex() throws {
    try waitForTheFileSystemClockToMoveOn()
    _ = try indexed()
    try waitForTheFileSystemClockToMoveOn()
  }

  /// The fixture's record paths.
  static let recordA = "records/2021/04/20210401T093000Z-0000000a.json"
  static let recordB = "records/2021/04/20210402T120000Z-0000000b.json"
  static let recordC = "records/2021/04/20210415T080000Z-0000000c.json"
  /// The amendment that sends record c's regulator notification.
  static let regulatorSent = "amendments/2021/04/20210415T090000Z-000000c1.json"
  /// The amendment that closes record b.
  static let closeB = "amendments/2021/04/20210405T090000Z-000000b1.json"
}
