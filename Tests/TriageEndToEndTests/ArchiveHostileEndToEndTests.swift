import Foundation
import Testing
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The archive on a real disk under careless or hostile conditions: a full disk, symbolic
/// links, a folder others may write to.
@Suite struct ArchiveHostileEndToEndTests {
  /// The names of the records and reports under `archive/records`, relative.
  func recordFiles(_ archive: String) -> (records: Set<String>, reports: Set<String>) {
    let files = TemporaryDirectory.files(under: archive + "/records")
    return (
      Set(files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }),
      Set(files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
    )
  }

  @Test(
    "a full disk never leaves a record without its report, and a retry makes no duplicate",
    .enabled(if: getuid() == 0, "mounting a small tmpfs needs root (CI runs as root)"))
  func fullDiskOnTmpfs() throws {
    let folder = try TemporaryDirectory()
    try ArchiveTestSupport.writeRunbook(in: folder)
    let mountPoint = folder.url.appendingPathComponent("small").path
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
    let mount = Process()
    mount.executableURL = URL(fileURLWithPath: "/bin/mount")
    mount.arguments = ["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", mountPoint]
    try mount.run()
    mount.waitUntilExit()
    guard mount.terminationStatus == 0 else {
      // Not an error of triage: a container without CAP_SYS_ADMIN cannot mount.
      print("skipped: mount -t tmpfs failed (status \(mount.terminationStatus)); no small disk")
      return
    }
    defer {
      let umount = Process()
      umount.executableURL = URL(fileURLWithPath: "/bin/umount")
      umount.arguments = [mountPoint]
      try? umount.run()
      umount.waitUntilExit()
    }
    let archive = mountPoint + "/log"
    var written = 0
    var failed: TriageResult?
    for _ in 0..<200 {
      let result = try runTriage(ArchiveTestSupport.runArguments(folder, archive: archive))
      let (records, reports) = recordFiles(archive)
      #expect(records == reports, "\(result)")
      if result.status == 0 {
        written += 1
        continue
      }
      failed = result
      break
    }
    let failure = try #require(failed, "the 64 KiB disk never filled")
    #expect(failure.status == 73, "\(failure)")
    #expect(failure.error.contains("no space left on device"), "\(failure)")
    #expect(written > 0)
    // Retries fail the same way and add nothing.
    for _ in 0..<3 {
      let retry = try runTriage(ArchiveTestSupport.runArguments(folder, archive: archive))
      #expect(retry.status == 73)
    }
    let (records, reports) = recordFiles(archive)
    #expect(records.count == written)
    #expect(records == reports)
    #expect(ArchiveTestSupport.partialFiles(under: archive) == [])
    let verify = try ArchiveTestSupport.archive(["verify"], archive)
    #expect(verify.status == 0, "\(verify)")
  }

  @Test("a month folder that is a symbolic link is refused by run (73) and named by verify")
  func symbolicLinkedMonthFolder() throws {
    let folder = try TemporaryDirectory()
    try ArchiveTestSupport.writeRunbook(in: folder)
    let archive = folder.url.appendingPathComponent("log").path
    let first = try runTriage(ArchiveTestSupport.runArguments(folder, archive: archive))
    #expect(first.status == 0, "\(first)")
    let month = try #require(
      TemporaryDirectory.folders(under: archive).map { String($0.dropFirst(archive.count + 1)) }
        .first { $0.hasPrefix("records/") && $0.split(separator: "/").count == 3 })
    let elsewhere = folder.url.appendingPathComponent("elsewhere").path
    try FileManager.default.moveItem(atPath: archive + "/" + month, toPath: elsewhere)
    try FileManager.default.createSymbolicLink(
      atPath: archive + "/" + month, withDestinationPath: elsewhere)
    let second = try runTriage(ArchiveTestSupport.runArguments(folder, archive: archive))
    #expect(second.status == 73, "\(second)")
    #expect(second.error.contains("\(archive)/\(month): a symbolic link inside the archive"))
    #expect(TemporaryDirectory.files(under: elsewhere).count == 2)
    let verify = try ArchiveTestSupport.archive(["verify"], archive)
    #expect(verify.status == 65)
    #expect(verify.output.contains("\(month): a symbolic link"))
    let list = try ArchiveTestSupport.archive(["list"], archive)
    #expect(list.status == 65)
    #expect(list.error.contains("not a readable record: a symbolic link"))
  }

  @Test("an archive folder writable by group or others is warned about")
  func groupWritableArchive() throws {
    let folder = try TemporaryDirectory()
    let archive = try ArchiveTestSupport.writeFixture(in: folder)
    chmod(archive, 0o775)
    let list = try ArchiveTestSupport.archive(["list"], archive)
    #expect(list.status == 0)
    #expect(
      list.error.hasPrefix(
        "triage: warning: \(archive): the archive folder is writable by group or others "
          + "(mode 775)"))
    chmod(archive, 0o700)
    let quiet = try ArchiveTestSupport.archive(["list"], archive)
    #expect(quiet.error == "")
  }
}
