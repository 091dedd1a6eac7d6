import Foundation
import Testing
import TriageTestSupport

/// The archive under stress on the real binary: parallel writers, SIGKILL at random moments,
/// an archive that cannot be created.
@Suite(.serialized) struct ArchiveFaultsEndToEndTests {
  @Test func parallelRunsAllLandInOneChain() throws {
    let folder = try TemporaryDirectory()
    try ArchiveTestSupport.writeRunbook(in: folder)
    let archive = folder.url.appendingPathComponent("log").path
    let processes = try (0..<12).map { _ in
      try ArchiveTestSupport.start(
        ArchiveTestSupport.runArguments(folder, archive: archive), in: folder.url)
    }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let records = ArchiveTestSupport.files(under: archive).filter {
      $0.hasPrefix("records/") && $0.hasSuffix(".json")
    }
    #expect(records.count == 12)
    let verify = try ArchiveTestSupport.archive(["verify"], archive)
    #expect(verify.status == 0, "\(verify)")
    #expect(verify.output.hasPrefix("Archive intact: 12 documents checked.\nHeads (1):\n"))
  }

  @Test func killingWritersAtRandomMomentsNeverLeavesAPartialDocument() throws {
    let folder = try TemporaryDirectory()
    try ArchiveTestSupport.writeRunbook(in: folder)
    let archive = folder.url.appendingPathComponent("log").path
    let first = try runTriage(ArchiveTestSupport.runArguments(folder, archive: archive))
    #expect(first.status == 0, "\(first)")
    let list = try ArchiveTestSupport.archive(["list"], archive)
    let record = String(list.output.prefix(while: { $0 != " " }))
    var generator = SystemRandomNumberGenerator()
    var kills = 0
    var round = 0
    // Until 60 processes were killed mid-way (a process that finished first is not counted).
    while kills < 60 && round < 400 {
      round += 1
      let arguments =
        round.isMultiple(of: 2)
        ? ArchiveTestSupport.runArguments(folder, archive: archive)
        : ["archive", "note", record, "note \(round)", "--archive", archive]
      let process = try ArchiveTestSupport.start(arguments, in: folder.url)
      usleep(UInt32.random(in: 0..<25_000, using: &generator))
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        kills += 1
      }
      process.waitUntilExit()
      #expect(ArchiveTestSupport.partialFiles(under: archive) == [], "round \(round)")
      let verify = try ArchiveTestSupport.archive(["verify"], archive)
      #expect(verify.status == 0, "round \(round): \(verify)")
    }
    #expect(kills >= 50, "only \(kills) of \(round) processes were still running when killed")
  }

  @Test func anArchiveThatCannotBeCreatedIsExit73AndSaysWhere() throws {
    let folder = try TemporaryDirectory()
    try ArchiveTestSupport.writeRunbook(in: folder)
    try folder.write("not a folder", to: "file")
    let archive = folder.url.appendingPathComponent("file/log").path
    let result = try runTriage(ArchiveTestSupport.runArguments(folder, archive: archive))
    #expect(result.status == 73)
    #expect(
      result.error == "triage: \(folder.url.appendingPathComponent("file").path): not a directory\n"
    )
  }

  @Test(.enabled(if: getuid() != 0, "root may write anywhere"))
  func aReadOnlyArchiveIsRefusedAndLosesNothing() throws {
    let folder = try TemporaryDirectory()
    try ArchiveTestSupport.writeRunbook(in: folder)
    let archive = folder.url.appendingPathComponent("log").path
    #expect(try runTriage(ArchiveTestSupport.runArguments(folder, archive: archive)).status == 0)
    let before = ArchiveTestSupport.files(under: archive)
    // Every folder read-only (a read-only mount, or a checkout owned by someone else): the
    // archive root alone would not do, since the month folder a record goes into is below it.
    let folders = [archive] + ArchiveTestSupport.folders(under: archive)
    for path in folders {
      try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: path)
    }
    defer {
      for path in folders {
        try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
      }
    }
    let result = try runTriage(ArchiveTestSupport.runArguments(folder, archive: archive))
    #expect(result.status == 73)
    #expect(result.error.contains("permission denied"))
    #expect(ArchiveTestSupport.files(under: archive) == before)
  }
}
