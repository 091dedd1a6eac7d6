import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageTestSupport

/// The compiled cache on a real disk: an entry round-trips every bundled obligation file, is
/// used only for the same version of the source written in an earlier second, and any damage,
/// foreign entry or unwritable folder is a miss, never a failure.
@Suite struct CompiledCacheTests {
  /// Sets the modification time of `path` to `seconds` and `nanoseconds`.
  static func setModified(_ path: String, seconds: Int, nanoseconds: Int = 0) {
    let time = timespec(tv_sec: seconds, tv_nsec: nanoseconds)
    var times = [time, time]
    _ = utimensat(AT_FDCWD, path, &times, 0)
  }

  /// The encoded form of `file`, to compare two files whose origins are stored differently.
  static func bytes(_ file: ObligationFile) -> [UInt8] {
    var writer = BinaryWriter()
    file.encode(into: &writer)
    return writer.bytes
  }

  /// A folder with `us-tx.yaml` changed 100 seconds ago, and a cache folder inside it.
  static func workspace() throws -> (
    folder: TemporaryDirectory, source: String, cache: CompiledCache
  ) {
    let folder = try TemporaryDirectory()
    let text = try BundledRunbooks.text(at: "obligations/us-tx.yaml")
    let source = try folder.write(text, to: "us-tx.yaml").path
    setModified(source, seconds: Int(Date().timeIntervalSince1970) - 100, nanoseconds: 123)
    let cache = CompiledCache(
      folder: folder.path + "/cache", fileSystem: SystemFileSystem(), build: "test-1")
    return (folder, source, cache)
  }

  /// Loads the source and stores it; gives the file loaded.
  static func fill(_ cache: CompiledCache, _ source: String) throws -> ObligationFile {
    let loaded = try #require(
      ObligationFile.load(try SystemFileSystem().readFile(at: source), file: source).0)
    guard case .miss(let key?) = cache.lookup(ObligationFile.self, at: source) else {
      Issue.record("expected a miss with a key")
      return loaded
    }
    cache.store(loaded, for: key)
    return loaded
  }

  static func isHit(_ cache: CompiledCache, _ source: String) -> Bool {
    if case .hit = cache.lookup(ObligationFile.self, at: source) { return true }
    return false
  }

  @Test func anEntryRoundTripsEveryBundledObligationFile() throws {
    let names = TemporaryDirectory.files(under: BundledRunbooks.folder + "/obligations")
      .filter { $0.hasSuffix(".yaml") && $0 != "facts.yaml" }
    #expect(names.count > 50)
    let key = CacheKey(
      path: "/x", size: 1, modified: FileTime(seconds: 5, nanoseconds: 6), inode: 7, device: 8)
    for name in names {
      let path = BundledRunbooks.folder + "/obligations/" + name
      let loaded = try #require(
        ObligationFile.load(try SystemFileSystem().readFile(at: path), file: path).0, "\(name)")
      let entry = CompiledCache.encode(loaded, key: key, build: "b")
      let decoded = try #require(
        CompiledCache.decode(ObligationFile.self, from: entry, key: key, build: "b"), "\(name)")
      #expect(Self.bytes(decoded) == Self.bytes(loaded), "\(name)")
      #expect(decoded.idLocation == loaded.idLocation)
      for (old, new) in zip(loaded.duties, decoded.duties) {
        let pairs: [(TextOrigin?, TextOrigin?)] = [
          (old.rule.to.origin, new.rule.to.origin), (old.rule.when?.origin, new.rule.when?.origin),
          (old.rule.due?.origin, new.rule.due?.origin),
          (old.rule.draft?.origin, new.rule.draft?.origin),
        ]
        for (before, after) in pairs {
          for offset in [-1, 0, 1, 3, 10, 40, 1000] {
            #expect(
              before?.location(at: offset) == after?.location(at: offset), "\(name) \(offset)")
          }
        }
      }
    }
  }

  /// A condition whose text recurs in a file (the same `not-required` entry in several duties)
  /// is stored once, and every duty reads back an equal condition.
  @Test func aRepeatedConditionIsStoredOnce() throws {
    let condition = "residents_here > 0 and data_encrypted and key_compromised == false"
    let text = try BundledRunbooks.text(at: "obligations/us-tx.yaml")
      .replacingOccurrences(of: condition, with: "residents_here > 0.375 and data_encrypted")
    #expect(text.components(separatedBy: "0.375").count - 1 >= 2)
    let loaded = try #require(ObligationFile.load(Array(text.utf8), file: "/us-tx.yaml").0)
    let key = CacheKey(
      path: "/x", size: 1, modified: FileTime(seconds: 5, nanoseconds: 6), inode: 7, device: 8)
    let entry = CompiledCache.encode(loaded, key: key, build: "b")
    // The number is stored as its 8 bytes wherever its tree is written.
    let number = withUnsafeBytes(of: (0.375).bitPattern.littleEndian) { Array($0) }
    let stored = (0...(entry.count - 8)).filter { Array(entry[$0..<$0 + 8]) == number }
    #expect(stored.count == 1)
    let decoded = try #require(
      CompiledCache.decode(ObligationFile.self, from: entry, key: key, build: "b"))
    // Origins are stored worked out (compared by `anEntryRoundTripsEveryBundledObligationFile`).
    func conditions(_ file: ObligationFile) -> [RunbookCore.Expression?] {
      file.duties.flatMap { duty in
        [duty.rule.when?.expression] + duty.rule.notRequired.map { $0.when?.expression }
          + duty.rule.undetermined.map { $0.when?.expression }
      }
    }
    #expect(conditions(decoded) == conditions(loaded))
    #expect(Self.bytes(decoded) == Self.bytes(loaded))
  }

  @Test func anEntryForTheSameVersionIsUsed() throws {
    let (folder, source, cache) = try Self.workspace()
    _ = folder
    let loaded = try Self.fill(cache, source)
    guard case .hit(let cached) = cache.lookup(ObligationFile.self, at: source) else {
      Issue.record("expected a hit")
      return
    }
    #expect(Self.bytes(cached) == Self.bytes(loaded))
    #expect(cached.duties.map(\.id) == loaded.duties.map(\.id))
  }

  @Test func aChangedFileIsReadAgain() throws {
    let (folder, source, cache) = try Self.workspace()
    let text = try BundledRunbooks.text(at: "obligations/us-tx.yaml")
    let old = try #require(try SystemFileSystem().status(at: source))
    _ = try Self.fill(cache, source)
    #expect(Self.isHit(cache, source))
    // Same size, other content, changed within the same second.
    try folder.write(text.replacingOccurrences(of: "US-TX", with: "US-TT"), to: "us-tx.yaml")
    Self.setModified(source, seconds: Int(old.modified.seconds), nanoseconds: 456)
    #expect(!Self.isHit(cache, source))
    // Another size, the very same mtime.
    _ = try Self.fill(cache, source)
    #expect(Self.isHit(cache, source))
    try folder.write(text + "\n", to: "us-tx.yaml")
    Self.setModified(source, seconds: Int(old.modified.seconds), nanoseconds: 456)
    #expect(!Self.isHit(cache, source))
  }

  @Test func anEntryWrittenInTheSecondTheSourceChangedIsNotTrusted() throws {
    let (folder, source, cache) = try Self.workspace()
    _ = folder
    _ = try Self.fill(cache, source)
    let entry = cache.entryPath(for: source)
    let sourceTime = try #require(try SystemFileSystem().status(at: source)).modified
    Self.setModified(entry, seconds: Int(sourceTime.seconds), nanoseconds: 999_999_999)
    #expect(!Self.isHit(cache, source))
    Self.setModified(entry, seconds: Int(sourceTime.seconds) + 1)
    #expect(Self.isHit(cache, source))
  }

  @Test func aDamagedOrForeignEntryIsIgnoredAndRewritten() throws {
    let (folder, source, cache) = try Self.workspace()
    _ = folder
    _ = try Self.fill(cache, source)
    let entry = cache.entryPath(for: source)
    let good = try SystemFileSystem().readFile(at: entry)
    let past = Int(Date().timeIntervalSince1970) - 10
    var damaged = good
    damaged[damaged.count / 2] ^= 0x40
    let foreign = CompiledCache(folder: cache.folder, fileSystem: cache.fileSystem, build: "other")
    // Damaged, cut, grown by a byte (read as far as the entry's size: the byte is read, and
    // the entry does not end where its body does), empty, of another format.
    for bytes in [
      damaged, Array(good.prefix(good.count - 3)), good + [0], [], Array("TRIAGEC1".utf8),
    ] {
      try SystemFileSystem().replaceFile(bytes, at: entry)
      Self.setModified(entry, seconds: past)
      #expect(!Self.isHit(cache, source))
      _ = try Self.fill(cache, source)
      Self.setModified(entry, seconds: past)
      #expect(Self.isHit(cache, source))
    }
    #expect(!Self.isHit(foreign, source))
    _ = try Self.fill(foreign, source)
    Self.setModified(entry, seconds: past)
    #expect(Self.isHit(foreign, source))
    #expect(!Self.isHit(cache, source))
  }

  @Test func anUnwritableCacheFolderIsOnlyAMiss() throws {
    let (folder, source, _) = try Self.workspace()
    let blocked = try folder.write("not a folder", to: "blocked").path
    let cache = CompiledCache(
      folder: blocked + "/cache", fileSystem: SystemFileSystem(), build: "test-1")
    _ = try Self.fill(cache, source)
    #expect(!Self.isHit(cache, source))
  }

  @Test func theFolderComesFromTheEnvironment() {
    #expect(
      CompiledCache.folder(cacheDirectory: "/c", xdgCacheHome: "/x", home: "/h") == "/c")
    #expect(
      CompiledCache.folder(cacheDirectory: nil, xdgCacheHome: "/x/", home: "/h") == "/x/triage")
    #expect(
      CompiledCache.folder(cacheDirectory: "", xdgCacheHome: "rel", home: "/h")
        == "/h/.cache/triage")
    #expect(CompiledCache.folder(cacheDirectory: nil, xdgCacheHome: nil, home: nil) == nil)
  }
  /// An entry is named by the folder and 32 hex digits of the path (made as one string), one
  /// slash between, whether or not the folder ends in one.
  @Test func anEntryIsNamedByItsPathsHashes() {
    let plain = CompiledCache(folder: "/c", fileSystem: SystemFileSystem(), build: "b")
    let slashed = CompiledCache(folder: "/c/", fileSystem: SystemFileSystem(), build: "b")
    let name = plain.entryPath(for: "/r/us-tx.yaml")
    #expect(name == slashed.entryPath(for: "/r/us-tx.yaml"))
    #expect(name.hasPrefix("/c/"))
    let digits = name.dropFirst(3)
    #expect(digits.count == 32)
    #expect(digits.allSatisfy { "0123456789abcdef".contains($0) })
    #expect(name != plain.entryPath(for: "/r/us-ny.yaml"))
    #expect(name == plain.entryPath(for: "/r/us-tx.yaml"))
  }

  /// The header is compared on the entry's bytes: another kind, build, format or source path
  /// (of the same length, size and times) is a miss.
  @Test func anEntryOfAnotherKindBuildOrPathIsAMiss() throws {
    let text = try BundledRunbooks.text(at: "obligations/us-tx.yaml")
    let loaded = try #require(ObligationFile.load(Array(text.utf8), file: "/us-tx.yaml").0)
    let key = CacheKey(
      path: "/a/x", size: 1, modified: FileTime(seconds: 5, nanoseconds: 6), inode: 7, device: 8)
    let entry = CompiledCache.encode(loaded, key: key, build: "b1")
    #expect(CompiledCache.decode(ObligationFile.self, from: entry, key: key, build: "b1") != nil)
    #expect(CompiledCache.decode(ObligationFile.self, from: entry, key: key, build: "b2") == nil)
    #expect(CompiledCache.decode(ObligationFile.self, from: entry, key: key, build: "b") == nil)
    #expect(CompiledCache.decode(HolidayCalendar.self, from: entry, key: key, build: "b1") == nil)
    var other = key
    other.path = "/a/y"
    #expect(CompiledCache.decode(ObligationFile.self, from: entry, key: other, build: "b1") == nil)
    other = key
    other.modified.nanoseconds = 7
    #expect(CompiledCache.decode(ObligationFile.self, from: entry, key: other, build: "b1") == nil)
  }
}
