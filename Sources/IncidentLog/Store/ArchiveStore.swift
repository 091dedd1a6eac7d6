import Foundation

/// A folder of immutable JSON documents chained by their hashes, like commits.
///
/// Layout under `root`:
///
/// ```
/// records/2026/04/20260401T093000Z-1a2b3c4d.json
/// records/2026/04/20260401T093000Z-1a2b3c4d.md    (a record's report; not part of the chain)
/// amendments/2026/04/20260402T080000Z-5e6f7a8b.json
/// .gitignore                                      (written on creation: the next three)
/// .archive.lock
/// .cache/heads-<listing fingerprint>.json         (rebuildable; see HeadsCache)
/// ```
///
/// Each document carries `integrity: {parents, sha256}`: the hashes of the heads (documents no
/// other document names as a parent) when it was written, and its own hash over its canonical
/// form. Writes happen under an exclusive lock, are atomic, and never overwrite. Two copies of an
/// archive that both grew merge as plain files (different names); the merged archive has two
/// heads, and the next document names both.
public struct ArchiveStore: Sendable {
  /// The archive folder.
  public let root: String
  let fileSystem: any FileSystem

  /// How deep `scan` looks below `records/` and `amendments/`.
  static let maximumFolderDepth = 4

  /// The name of the lock file in the archive root.
  public static let lockFileName = ".archive.lock"

  /// An archive in `root` (created on the first append), through `fileSystem`.
  public init(root: String, fileSystem: any FileSystem = SystemFileSystem()) {
    self.root = root
    self.fileSystem = fileSystem
  }

  /// Seals a document into the archive as a new file.
  ///
  /// Under the lock: reads the current heads, sets `integrity` to `{parents, sha256}` (replacing
  /// any `integrity` the document had), and writes it as pretty JSON to
  /// `records/YYYY/MM/<id>.json` (or `amendments/…`), where the month is `createdAt`'s in UTC.
  /// The document's `id` member must equal `id`; if it has none, `id` is inserted first.
  ///
  /// Called inside ``withLock(_:)`` (on the same thread), the append joins that hold of the
  /// lock: what the caller read there is still current when the document is written.
  ///
  /// - Parameters:
  ///   - document: A JSON object.
  ///   - kind: Record or amendment.
  ///   - id: The document id, also its file name (see ``DocumentID``).
  ///   - createdAt: The creation time, which picks the month folder; a `created_at` member in
  ///     the document must name the same month.
  ///   - report: Renders a companion Markdown file from the document as sealed; it is written
  ///     to `<id>.md` beside the document, under the same lock (so that the cleanup of stale
  ///     temporary files, which runs under the lock, never meets it half-written).
  /// - Returns: The document as written, with its hash and parents.
  /// - Throws: ``ArchiveError``; ``ArchiveError/alreadyExists(path:)`` if the id is taken.
  @discardableResult
  public func append(
    document: JSONValue, kind: DocumentKind, id: String, createdAt: Date,
    report: ((JSONValue) -> String)? = nil
  ) throws(ArchiveError) -> StoredDocument {
    guard DocumentID.isValid(id) else { throw .invalidDocumentID(id) }
    guard case .object(var object) = document else { throw .documentIsNotAnObject(id: id) }
    guard CanonicalJSON.isCanonicalizable(document) else { throw .nonFiniteNumber(id: id) }
    if let existing = object["id"] {
      guard existing.stringValue == id else {
        throw .documentIDMismatch(id: id, documentID: CanonicalJSON.string(of: existing))
      }
    } else {
      object = JSONObject([JSONObject.Member(key: "id", value: .string(id))] + object.members)
    }
    let month = ArchiveTime.monthPath(createdAt)
    if let stated = ArchiveTime.monthPath(ofCreatedAt: object["created_at"]), stated != month {
      throw .createdAtMismatch(id: id, createdAt: object["created_at"]?.stringValue ?? "")
    }
    let directory = "\(kind.directoryName)/\(month)"
    let location = DocumentLocation(kind: kind, id: id, path: "\(directory)/\(id).json")
    try fileSystem.createDirectory(at: root)
    return try underLock { () throws(ArchiveError) in
      try writeGitIgnoreIfMissing()
      try fileSystem.createDirectory(at: absolute(directory))
      try fileSystem.removeStaleTemporaryFiles(in: absolute(directory))
      let cache = HeadsCache(store: self)
      let listing = try ArchiveListing(store: self)
      let parents = try cache.heads(for: listing).map(\.sha256)
      let (sealed, hash) = DocumentIntegrity.sealed(object, parents: parents)
      let bytes = JSONPrettyPrinter.bytes(of: .object(sealed))
      try fileSystem.writeNewFile(bytes, at: absolute(location.path))
      // The new document names every head, so it is now the only one.
      cache.remember(
        [DocumentHead(location: location, sha256: hash)], for: listing.adding(location.path))
      if let report {
        let text = report(.object(sealed))
        try fileSystem.writeNewFile(
          Array(text.utf8), at: absolute("\(directory)/\(id).md"), durability: .rebuildable)
      }
      return StoredDocument(
        location: location, sha256: hash, parents: parents.sorted(), document: .object(sealed))
    }
  }

  /// Every document file in the archive.
  ///
  /// Records come first, each kind in path order (oldest first when ids start with their time).
  /// Reads directories only, not the files.
  public func locations() throws(ArchiveError) -> [DocumentLocation] {
    var all: [DocumentLocation] = []
    for kind in DocumentKind.allCases { all += try scan(kind).documents }
    return all
  }

  /// Reads and checks the shape of one document (not its hash: see ``verify()``).
  public func read(_ location: DocumentLocation) throws(ArchiveError) -> StoredDocument {
    try document(location, from: try fileSystem.readFile(at: absolute(location.path)))
  }

  /// Parses the bytes of the document at `location`, and checks its shape.
  func document(
    _ location: DocumentLocation, from bytes: [UInt8]
  ) throws(ArchiveError) -> StoredDocument {
    let path = absolute(location.path)
    let value: JSONValue
    do {
      value = try JSONValue.parse(bytes)
    } catch {
      throw .invalidJSON(path: path, error)
    }
    guard let object = value.objectValue, let recorded = DocumentIntegrity.recorded(in: object)
    else { throw .invalidIntegrity(path: path) }
    return StoredDocument(
      location: location, sha256: recorded.sha256, parents: recorded.parents, document: value)
  }

  /// Calls `body` with each document in ``locations()`` order, reading one file at a time.
  public func forEachDocument(_ body: (StoredDocument) throws -> Void) throws {
    var failure: (any Error)?
    try forEachLocation { (location) throws(ArchiveError) in
      guard failure == nil else { return }
      let document = try read(location)
      do { try body(document) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// The current heads: readable documents that no other document names as a parent.
  ///
  /// Reads every document (only its `integrity` member is kept). ``append(document:kind:id:createdAt:)``
  /// avoids this with a cache keyed by the directory listing (see `HeadsCache`).
  public func heads() throws(ArchiveError) -> [DocumentHead] {
    var graph = ArchiveGraph()
    try forEachLocation { (location) throws(ArchiveError) in
      guard let integrity = try? readIntegrity(location) else { return }
      graph.add(location: location, sha256: integrity.sha256, parents: integrity.parents)
    }
    return graph.heads
  }

  /// Calls `body` with each document location in ``locations()`` order, listing one directory
  /// at a time (memory stays flat however large the archive grows).
  public func forEachLocation(
    _ body: (DocumentLocation) throws(ArchiveError) -> Void
  ) throws(ArchiveError) {
    for kind in DocumentKind.allCases {
      try walk(kind) { (entry) throws(ArchiveError) in
        if case .document(let location) = entry { try body(location) }
      }
    }
  }

  /// The absolute path of a path relative to the archive root.
  public func absolute(_ relativePath: String) -> String { root + "/" + relativePath }
}

extension ArchiveStore {
  /// One entry met while walking a kind's folder.
  enum WalkEntry {
    case document(DocumentLocation)
    case unexpectedFile(String)
  }

  /// The document files of one kind, and any other files found among them.
  func scan(_ kind: DocumentKind) throws(ArchiveError) -> (
    documents: [DocumentLocation], unexpectedFiles: [String]
  ) {
    var documents: [DocumentLocation] = []
    var unexpected: [String] = []
    try walk(kind) { (entry) throws(ArchiveError) in
      switch entry {
      case .document(let location): documents.append(location)
      case .unexpectedFile(let path): unexpected.append(path)
      }
    }
    return (documents, unexpected.sorted())
  }

  /// Walks a kind's folder depth first in path order, one directory listing at a time.
  func walk(
    _ kind: DocumentKind, _ body: (WalkEntry) throws(ArchiveError) -> Void
  ) throws(ArchiveError) {
    guard try fileSystem.isDirectory(at: absolute(kind.directoryName)) else { return }
    // Documents sit two levels down (YYYY/MM); the depth limit stops symbolic-link loops.
    var pending = [(path: kind.directoryName, depth: 0)]
    while let (directory, depth) = pending.popLast() {
      var subdirectories: [(path: String, depth: Int)] = []
      var entries: [WalkEntry] = []
      for name in try fileSystem.contentsOfDirectory(at: absolute(directory)) {
        let path = directory + "/" + name
        if name.hasPrefix(".") {
          continue
        } else if name.hasSuffix(".json") {
          entries.append(
            .document(DocumentLocation(kind: kind, id: String(name.dropLast(5)), path: path)))
        } else if name.hasSuffix(".md") {
          // A record's Markdown report: a rendering of its JSON, not a document of the chain.
          continue
        } else if try fileSystem.isDirectory(at: absolute(path)) {
          if depth < Self.maximumFolderDepth {
            subdirectories.append((path, depth + 1))
          } else {
            entries.append(.unexpectedFile(path))
          }
        } else {
          entries.append(.unexpectedFile(path))
        }
      }
      for entry in entries { try body(entry) }
      pending += subdirectories.reversed()
    }
  }

  /// Runs `body` under the archive's lock, for a body that throws only ``ArchiveError``; the
  /// archive folder must exist.
  private func underLock<Result>(
    _ body: () throws(ArchiveError) -> Result
  ) throws(ArchiveError) -> Result {
    let lockPath = absolute(Self.lockFileName)
    do {
      return try fileSystem.withExclusiveLock(at: lockPath) { try body() }
    } catch let error as ArchiveError {
      throw error
    } catch {
      throw .ioError(path: lockPath, errno: EIO)
    }
  }
}

extension ArchiveStore {
  /// Runs `body` while holding the archive's lock, so that nothing another triage process
  /// writes can come between what `body` reads and what it appends.
  ///
  /// Appends inside `body` from the same thread join this hold instead of waiting for it; other
  /// threads and processes wait until `body` returns. Use it to check a change against the
  /// archive's current state and append it as one step:
  ///
  /// ```swift
  /// try store.withLock {
  ///   let state = try ArchiveReader(store: store).state(ofRecord: id)
  ///   try AmendmentWriter.check(change, against: state)
  ///   return try store.append(document: …, kind: .amendment, id: …, createdAt: now)
  /// }
  /// ```
  ///
  /// - Throws: ``ArchiveError/notFound(path:)`` when the archive does not exist, other
  ///   ``ArchiveError``s when the lock cannot be taken; otherwise what `body` throws.
  public func withLock<Result>(_ body: () throws -> Result) throws -> Result {
    guard try fileSystem.isDirectory(at: root) else { throw ArchiveError.notFound(path: root) }
    return try fileSystem.withExclusiveLock(at: absolute(Self.lockFileName), body)
  }
}

extension ArchiveStore {
  /// The `.gitignore` written into a new archive's root: the lock, temporary files and the cache
  /// are local to one copy and must never reach git (they would conflict between clones).
  public static let gitIgnoreContents = """
    # Written by triage: local files of this copy of the archive, never shared.
    /.archive.lock
    /.cache/
    /drafts/
    .*.tmp

    """

  /// Reads a document's `integrity` member (hash and parents), without building the document
  /// when the fast path applies.
  func readIntegrity(_ location: DocumentLocation) throws(ArchiveError) -> (
    sha256: String, parents: [String]
  ) {
    let bytes = try fileSystem.readFile(at: absolute(location.path))
    if let digest = FastDocumentDigest(bytes: bytes) {
      return (digest.recordedSHA256, digest.parents)
    }
    let document = try document(location, from: bytes)
    return (document.sha256, document.parents)
  }

  /// Writes ``gitIgnoreContents`` to `.gitignore` unless the archive has one (of any contents:
  /// a team may have edited it).
  func writeGitIgnoreIfMissing() throws(ArchiveError) {
    let path = absolute(".gitignore")
    if (try? fileSystem.status(at: path)) != nil { return }
    do {
      try fileSystem.writeNewFile(Array(Self.gitIgnoreContents.utf8), at: path)
    } catch .alreadyExists {
      return
    }
  }
}
