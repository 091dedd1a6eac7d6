import Foundation
import IncidentLog
import Testing

@Suite("Heads cache and .gitignore") struct HeadsCacheTests {
  /// A fresh archive for each test, removed when the test's suite value is released.
  let fixture: ArchiveFixture

  init() throws { fixture = try ArchiveFixture() }

  @Test("a new archive ignores its lock, temporary files and cache in git")
  func gitIgnore() throws {
    try fixture.appendRecord(minutes: 0, seed: 1)
    let text = try String(contentsOfFile: fixture.root + "/.gitignore", encoding: .utf8)
    #expect(text == ArchiveStore.gitIgnoreContents)
    #expect(text.contains("/.archive.lock\n") && text.contains("/.cache/\n"))
    #expect(text.contains(".*.tmp\n"))
  }

  @Test("the cache folder keeps itself out of git when the archive's .gitignore no longer does")
  func cacheGitIgnore() throws {
    // A team replaced triage's .gitignore with one that does not name .cache/.
    try FileManager.default.createDirectory(atPath: fixture.root, withIntermediateDirectories: true)
    try Data("# ours\n*.swp\n".utf8).write(to: URL(fileURLWithPath: fixture.root + "/.gitignore"))
    try fixture.appendRecord(minutes: 0, seed: 1)
    let text = try String(contentsOfFile: fixture.root + "/.cache/.gitignore", encoding: .utf8)
    #expect(text == ArchiveStore.cacheGitIgnoreContents)
    #expect(text.split(separator: "\n").contains("*"))
    // The team's own file is left as it was.
    let theirs = try String(contentsOfFile: fixture.root + "/.gitignore", encoding: .utf8)
    #expect(theirs == "# ours\n*.swp\n")
  }

  @Test("documents copied in behind the cache's back are seen")
  func staleCache() throws {
    try fixture.appendRecord(minutes: 0, seed: 1)
    // A second copy grows on its own, as a git clone would, and its file is copied in.
    let other = try ArchiveFixture()
    defer { other.remove() }
    try FileManager.default.copyItem(
      atPath: fixture.root + "/records", toPath: other.root + "/records")
    let theirs = try other.appendRecord(minutes: 1, seed: 2)
    let ours = try fixture.appendRecord(minutes: 2, seed: 3)
    try FileManager.default.copyItem(atPath: other.path(theirs), toPath: fixture.path(theirs))
    #expect(try fixture.store.verify().heads.count == 2)
    let joined = try fixture.appendRecord(minutes: 3, seed: 4)
    #expect(joined.parents == [ours.sha256, theirs.sha256].sorted())
    #expect(try fixture.store.verify().heads.map(\.sha256) == [joined.sha256])
  }

  @Test("an earlier version's JSON cache is left unread and removed; the binary one is used")
  func earlierJSONCache() throws {
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let cache = fixture.root + "/.cache"
    try FileManager.default.removeItem(atPath: cache + "/heads.bin")
    // What triage-heads-cache/3 wrote: a checksum line, then JSON (here naming no head at all).
    try Data("0000000000000000 2\n{}".utf8).write(to: URL(fileURLWithPath: cache + "/heads.json"))
    let second = try fixture.appendRecord(minutes: 1, seed: 2)
    #expect(second.parents == [first.sha256])
    let names = try FileManager.default.contentsOfDirectory(atPath: cache)
    #expect(names.contains("heads.bin") && !names.contains("heads.json"), "\(names)")
    let third = try fixture.appendRecord(minutes: 2, seed: 3)
    #expect(third.parents == [second.sha256])
  }

  @Test("a damaged cache file is ignored and rebuilt")
  func damagedCache() throws {
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let cache = fixture.root + "/.cache"
    for name in try FileManager.default.contentsOfDirectory(atPath: cache) {
      try Data("garbage".utf8).write(to: URL(fileURLWithPath: cache + "/" + name))
    }
    let second = try fixture.appendRecord(minutes: 1, seed: 2)
    #expect(second.parents == [first.sha256])
    try FileManager.default.removeItem(atPath: cache)
    let third = try fixture.appendRecord(minutes: 2, seed: 3)
    #expect(third.parents == [second.sha256])
    #expect(try fixture.store.verify().isIntact)
  }

  @Test("a cache overwritten only in part (new bytes mixed with old) is not used")
  func tornCache() throws {
    let first = try fixture.appendRecord(minutes: 0, seed: 1)
    let second = try fixture.appendRecord(minutes: 1, seed: 2)
    let path = fixture.root + "/.cache/heads.bin"
    let current = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    // The same bytes but with the first record as the head: what a write interrupted halfway
    // between two caches of the same length can leave. Its body reads as a well-formed cache.
    let torn =
      current
      .replacing(Array(second.sha256.utf8), with: Array(first.sha256.utf8))
      .replacing(Array(second.location.path.utf8), with: Array(first.location.path.utf8))
    #expect(torn.count == current.count && torn != current)
    try Data(torn).write(to: URL(fileURLWithPath: path))
    let third = try fixture.appendRecord(minutes: 2, seed: 3)
    // Trusted, the torn cache would have made the first record the parent (a fork).
    #expect(third.parents == [second.sha256])
    #expect(try fixture.store.verify().heads.map(\.sha256) == [third.sha256])
  }
}
