import Foundation

/// A folder of immutable JSON documents chained by their hashes, like commits.
///
/// Layout under `root`:
///
/// ```
/// records/2026/04/20260401T093000Z-1a2b3c4d.json
/// records/2026/04/20260401T093000Z-1a2b3c4d.md    (a record's report; not part of the chain)
/// amendments/2026/04/20260402T080000Z-5e6f7a8b.json
/// <document>.json.sig                             (an SSH signature; see ArchiveStore+Signatures)
/// checkpoints/SIZE-ROOTHEX16.leaves               (see ArchiveStore+Checkpoint)
/// .gitignore                                      (written on creation: the next three)
/// .archive.lock
/// .cache/heads.bin                               (rebuildable; see HeadsCache)
/// ```
///
/// Each document carries `integrity: {parents, sha256}`: the hashes of the heads (documents no
/// other document names as a parent) when it was written, and its own hash over its canonical
/// form. Writes happen under an exclusive lock, are atomic, and never overwrite. Two copies of an
/// archive that both grew merge as plain files (different names); the merged archive has two
/// heads, and the next document names both.
package struct ArchiveStore: Sendable {
  /// The archive folder.
  package let root: String
  let fileSystem: any FileSystem

  /// How deep `scan` looks below `records/` and `amendments/`.
  static let maximumFolderDepth = 4

  /// The name of the lock file in the archive root.
  package static let lockFileName = ".archive.lock"

  /// An archive in `root` (created on the first append), through `fileSystem`.
  package init(root: String, fileSystem: any FileSystem) {
    self.root = root
    self.fileSystem = fileSystem
  }

  /// Every document file in the archive.
  ///
  /// Records come first, each kind in path order (oldest first when ids start with their time).
  /// Reads directories only, not the files.
  package func locations() throws(ArchiveError) -> [DocumentLocation] {
    var all: [DocumentLocation] = []
    for kind in DocumentKind.allCases { all += try scan(kind).documents }
    return all
  }

  /// Reads and checks the shape of one document (not its hash: see ``verify()``).
  package func read(_ location: DocumentLocation) throws(ArchiveError) -> StoredDocument {
    try document(location, from: try documentBytes(atAbsolutePath: absolute(location.path)))
  }

  /// The most bytes one archive document may have: 16 MiB.
  ///
  /// It holds for records, amendments and the heads cache, and is the limit `triage replay`
  /// reads a record file with. A record `triage` writes is a few kilobytes; one answer is at
  /// most 64 KiB.
  package static let documentSizeLimit = 16 << 20

  /// The bytes of the document file at `path`, read without following a symbolic link and
  /// never past ``documentSizeLimit`` (a larger file is not read whole).
  ///
  /// - Throws: ``ArchiveError/documentTooLarge(path:limit:)`` past the limit;
  ///   ``ArchiveError/symbolicLink(path:)`` for a link; others for I/O failures.
  func documentBytes(atAbsolutePath path: String) throws(ArchiveError) -> [UInt8] {
    let bytes = try fileSystem.readDocumentFile(at: path, upTo: Self.documentSizeLimit + 1)
    guard bytes.count <= Self.documentSizeLimit else {
      throw .documentTooLarge(path: path, limit: Self.documentSizeLimit)
    }
    return bytes
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
  package func forEachDocument(_ body: (StoredDocument) throws -> Void) throws {
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
  /// Reads every document (only its `integrity` member is kept).
  /// ``append(document:kind:id:createdAt:report:)`` avoids this with a cache of the folders'
  /// listings and of each month's heads (see `HeadsCache`).
  package func heads() throws(ArchiveError) -> [DocumentHead] {
    var graph = ArchiveGraph()
    try forEachLocation { (location) throws(ArchiveError) in
      guard let integrity = try? readIntegrity(location) else { return }
      graph.add(location: location, sha256: integrity.sha256, parents: integrity.parents)
    }
    return graph.heads
  }

  /// Calls `body` with each document location in ``locations()`` order, listing one directory
  /// at a time (memory stays flat however large the archive grows).
  package func forEachLocation(
    _ body: (DocumentLocation) throws(ArchiveError) -> Void
  ) throws(ArchiveError) {
    for kind in DocumentKind.allCases {
      try walk(kind) { (entry) throws(ArchiveError) in
        if case .document(let location) = entry { try body(location) }
      }
    }
  }

  /// The absolute path of a path relative to the archive root.
  package func absolute(_ relativePath: String) -> String { root + "/" + relativePath }
}

extension ArchiveStore {
  /// One entry met while walking a kind's folder.
  enum WalkEntry {
    case document(DocumentLocation)
    /// A record's Markdown report (`<id>.md`), by path.
    case report(String)
    case unexpectedFile(String)
    /// A symbolic link (to a folder or a file), never followed.
    case symbolicLink(String)
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
      case .unexpectedFile(let path), .symbolicLink(let path): unexpected.append(path)
      case .report: break
      }
    }
    return (documents, unexpected.sorted())
  }

  /// Walks a kind's folder depth first in path order, one directory listing at a time.
  func walk(
    _ kind: DocumentKind, _ body: (WalkEntry) throws(ArchiveError) -> Void
  ) throws(ArchiveError) {
    try walkFolders(kind) { (entries) throws(ArchiveError) in
      for entry in entries { try body(entry) }
    }
  }

  /// Walks a kind's folder as ``walk(_:_:)`` does, handing `body` the entries of one directory
  /// at a time (in the same order), so that their files can be read together.
  func walkFolders(
    _ kind: DocumentKind, _ body: ([WalkEntry]) throws(ArchiveError) -> Void
  ) throws(ArchiveError) {
    if fileSystem.isSymbolicLink(at: absolute(kind.directoryName)) {
      return try body([.symbolicLink(kind.directoryName)])
    }
    guard try fileSystem.isDirectory(at: absolute(kind.directoryName)) else { return }
    // Documents sit two levels down (YYYY/MM). Symbolic links to folders are never followed
    // (one `lstat` per subfolder); a link in a document's place is refused when it is opened
    // (`readDocumentFile`, with `O_NOFOLLOW`), which costs no extra call per document.
    var pending = [(path: kind.directoryName, depth: 0)]
    while let (directory, depth) = pending.popLast() {
      var subdirectories: [(path: String, depth: Int)] = []
      var entries: [WalkEntry] = []
      for name in try fileSystem.contentsOfDirectory(at: absolute(directory)) {
        let path = directory + "/" + name
        switch FolderEntry(name: name) {
        case .hidden, .signature:
          continue
        case .report:
          entries.append(.report(path))
        case .document(let id):
          entries.append(.document(DocumentLocation(kind: kind, id: id, path: path)))
        case .other:
          if fileSystem.isSymbolicLink(at: absolute(path)) {
            entries.append(.symbolicLink(path))
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
      }
      if !entries.isEmpty { try body(entries) }
      pending += subdirectories.reversed()
    }
  }
}

extension ArchiveStore {
  /// The `.gitignore` written into a new archive's root: the lock, temporary files and the cache
  /// are local to one copy and must never reach git (they would conflict between clones).
  package static let gitIgnoreContents = """
    # Written by triage: local files of this copy of the archive, never shared.
    /.archive.lock
    /.cache/
    /drafts/
    .*.tmp

    """

  /// The `.gitignore` written into `.cache/` when triage makes it: everything in it is local to
  /// this copy, whatever the archive's own `.gitignore` says (a team may have edited it).
  package static let cacheGitIgnoreContents = """
    # Written by triage: this folder is a local cache, rebuilt when missing; never commit it.
    *

    """

  /// Creates `path` (`.cache/` or a folder in it), a new `.cache/` with its own `.gitignore`.
  ///
  /// The `.gitignore` holds ``cacheGitIgnoreContents``. When `path` is there already this costs
  /// one `stat(2)`, as ``FileSystem/createDirectory(at:)`` does.
  func createCacheFolder(at path: String) throws(ArchiveError) {
    if (try? fileSystem.isDirectory(at: path)) == true { return }
    let cache = absolute(HeadsCache.directoryName)
    let isNew = (try? fileSystem.isDirectory(at: cache)) != true
    try fileSystem.createDirectory(at: path)
    guard isNew else { return }
    // Another triage making the folder at the same moment may have written it first.
    try? fileSystem.writeNewFile(
      Array(Self.cacheGitIgnoreContents.utf8), at: cache + "/.gitignore", durability: .rebuildable)
  }

  /// Reads a document's `integrity` member (hash and parents), without building the document
  /// when the fast path applies.
  func readIntegrity(_ location: DocumentLocation) throws(ArchiveError) -> (
    sha256: String, parents: [String]
  ) {
    let bytes = try documentBytes(atAbsolutePath: absolute(location.path))
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
