import Foundation
import Testing
import TriageTestSupport

/// Two clones of an archive kept in git both grow, then merge: no conflicts, two heads, and the
/// next record joins them.
@Suite struct ArchiveGitEndToEndTests {
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
  func twoClonesMergeWithoutConflicts() throws {
    let folder = try TemporaryDirectory()
    try ArchiveTestSupport.writeRunbook(in: folder)
    let git = ArchiveTestSupport.git
    let alice = folder.url.appendingPathComponent("alice")
    let bob = folder.url.appendingPathComponent("bob")
    try FileManager.default.createDirectory(at: alice, withIntermediateDirectories: true)
    #expect(try git(["init", "-q"], alice).0 == 0)
    func record(in clone: URL) throws {
      let result = try runTriage(
        ArchiveTestSupport.runArguments(folder, archive: clone.appendingPathComponent("log").path))
      #expect(result.status == 0, "\(result)")
    }
    func commit(_ clone: URL, _ message: String) throws {
      #expect(try git(["add", "-A"], clone).0 == 0)
      let (status, output) = try git(["commit", "-q", "-m", message], clone)
      #expect(status == 0, "\(output)")
    }
    try record(in: alice)
    try commit(alice, "first record")
    #expect(try git(["clone", "-q", alice.path, bob.path], folder.url).0 == 0)
    try record(in: alice)
    try commit(alice, "alice's record")
    try record(in: bob)
    let bobLog = bob.appendingPathComponent("log").path
    let listed = try ArchiveTestSupport.archive(["list"], bobLog)
    let lastLine = try #require(listed.output.split(separator: "\n").last)
    let lastRecord = try #require(lastLine.split(separator: " ").first)
    let note = try ArchiveTestSupport.archive(["note", String(lastRecord), "from bob"], bobLog)
    #expect(note.status == 0, "\(note)")
    try commit(bob, "bob's record and note")
    // Nothing local was committed: lock, cache and temporary files are ignored.
    let (_, tracked) = try git(["ls-files"], bob)
    #expect(!tracked.contains(".archive.lock") && !tracked.contains(".cache"))
    #expect(tracked.contains("log/.gitignore"))

    let (pullStatus, pullOutput) = try git(["pull", "-q", "--no-edit", "origin", "HEAD"], bob)
    #expect(pullStatus == 0, "\(pullOutput)")
    #expect(!pullOutput.contains("CONFLICT"))
    let merged = try ArchiveTestSupport.archive(["verify"], bobLog)
    #expect(merged.status == 0, "\(merged)")
    #expect(merged.output.hasPrefix("Archive intact: 4 documents checked.\nHeads (2):\n"))
    try record(in: bob)
    let joined = try ArchiveTestSupport.archive(["verify"], bobLog)
    #expect(joined.status == 0, "\(joined)")
    #expect(joined.output.hasPrefix("Archive intact: 5 documents checked.\nHeads (1):\n"))
  }
}
