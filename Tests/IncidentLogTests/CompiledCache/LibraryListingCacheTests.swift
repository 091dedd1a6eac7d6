import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageTestSupport

/// A run's deferred library keeps the folder's listing in the vocabulary's entry: an unchanged
/// folder is not listed again, and a file added or removed since is seen at once.
@Suite struct LibraryListingCacheTests {
  /// Counts the listings made through it.
  final class Listings: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    var count: Int { lock.withLock { total } }
    func add() { lock.withLock { total += 1 } }
  }

  /// An in-memory tree that counts the folder listings read from it.
  struct CountingFiles: FileReading {
    let base: InMemoryFileSystem
    let listings: Listings

    func readFile(at path: String) throws(ArchiveError) -> [UInt8] {
      try base.readFile(at: path)
    }
    func contentsOfDirectory(at path: String) throws(ArchiveError) -> [String] {
      listings.add()
      return try base.contentsOfDirectory(at: path)
    }
    func status(at path: String) throws(ArchiveError) -> FileStatus? {
      try base.status(at: path)
    }
    func isSymbolicLink(at path: String) -> Bool { base.isSymbolicLink(at: path) }
    func standardizedPath(_ path: String) -> String { base.standardizedPath(path) }
  }

  static let folder = "/w/Runbooks/obligations"

  /// The ids of the files a deferred load of the library finds.
  static func unreadIDs(_ files: CountingFiles, _ cache: CompiledCache) throws -> [String] {
    let (library, diagnostics) = ObligationLibrary.load(
      folder: folder, fileSystem: files, deferred: true, cache: cache)
    #expect(diagnostics.isEmpty)
    return try #require(library).unread.map(\.id)
  }

  @Test func anUnchangedFolderIsNotListedAgainAndAChangedOneIs() throws {
    let tree = InMemoryFileSystem(try BundledRunbooks.files(placedIn: "/w/Runbooks"))
    let listings = Listings()
    let files = CountingFiles(base: tree, listings: listings)
    let cache = CompiledCache(folder: "/cache", fileSystem: tree, build: "b")
    let first = try Self.unreadIDs(files, cache)
    #expect(first.contains("us-tx"))
    #expect(listings.count == 1)
    // The entry (written after the folder's last change, by the tree's clock) keeps the
    // listing: the next loads read it from there.
    #expect(try Self.unreadIDs(files, cache) == first)
    #expect(try Self.unreadIDs(files, cache) == first)
    #expect(listings.count == 1)
    // A file added: listed again, found, and kept for the next load.
    let text = try #require(tree.text(at: Self.folder + "/us-tx.yaml"))
    tree.add([Self.folder + "/zz-new.yaml": text])
    let added = try Self.unreadIDs(files, cache)
    #expect(added == first + ["zz-new"])
    #expect(listings.count == 2)
    #expect(try Self.unreadIDs(files, cache) == added)
    #expect(listings.count == 2)
    // A file removed: gone at once.
    try tree.removeFile(at: Self.folder + "/us-tx.yaml")
    #expect(try Self.unreadIDs(files, cache) == added.filter { $0 != "us-tx" })
    #expect(listings.count == 3)
  }

  /// A listing kept in an entry written in the same second the folder last changed is not
  /// trusted (a name added later in that second leaves the folder's time as it was).
  @Test func aListingFromTheSecondTheFolderChangedIsNotTrusted() throws {
    let now = FileTime(seconds: 1_900_000_000, nanoseconds: 0)
    let status = FileStatus(
      kind: .directory, device: 1, inode: 2, modified: now, changed: now, size: 4096)
    let key = CacheKey(path: Self.folder, status: status)
    let listing = LibraryListing(key: key, names: ["us-tx.yaml"])
    #expect(!listing.holds(now: key, written: now))
    #expect(!listing.holds(now: key, written: FileTime(seconds: now.seconds, nanoseconds: 9)))
    #expect(listing.holds(now: key, written: FileTime(seconds: now.seconds + 1, nanoseconds: 0)))
    var moved = key
    moved.modified.nanoseconds += 1
    #expect(!listing.holds(now: moved, written: FileTime(seconds: now.seconds + 5, nanoseconds: 0)))
    #expect(!listing.holds(now: nil, written: FileTime(seconds: now.seconds + 5, nanoseconds: 0)))
  }
}
