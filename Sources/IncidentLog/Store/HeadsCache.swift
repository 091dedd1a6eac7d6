import Foundation

/// The archive's heads, remembered between appends in `.cache/heads-<fingerprint>.json`.
///
/// Finding the heads means reading every document; with the cache, an append lists the folders
/// (no file reads) and, when the listing's fingerprint matches, takes the heads from one small
/// file. Any change of the document set (a git pull, a deleted file) changes the fingerprint, and
/// the heads are found from the documents again. The cache is never the source of truth: it is
/// ignored by git, rebuilt when missing or unreadable, and failures to write it are ignored.
struct HeadsCache {
  let store: ArchiveStore

  /// The cache folder, relative to the archive root.
  static let directoryName = ".cache"

  /// The heads of the archive whose documents are `listing`.
  func heads(for listing: ArchiveListing) throws(ArchiveError) -> [DocumentHead] {
    if let cached = cachedHeads(for: listing) { return cached }
    let heads = try store.heads()
    remember(heads, for: listing)
    return heads
  }

  /// Stores `heads` as those of `listing`, and removes older cache files; errors are ignored.
  func remember(_ heads: [DocumentHead], for listing: ArchiveListing) {
    let directory = store.absolute(Self.directoryName)
    let name = fileName(listing)
    let value = JSONValue.array(
      heads.map { head in
        [
          "kind": .string(head.location.kind.rawValue), "id": .string(head.location.id),
          "path": .string(head.location.path), "sha256": .string(head.sha256),
        ]
      })
    let bytes = JSONPrettyPrinter.bytes(of: value)
    do {
      try store.fileSystem.createDirectory(at: directory)
      try store.fileSystem.writeNewFile(bytes, at: directory + "/" + name, durability: .rebuildable)
    } catch .alreadyExists {
      // A damaged file of the same name (a good one would have been used): replace it.
      try? store.fileSystem.removeFile(at: directory + "/" + name)
      guard
        (try? store.fileSystem.writeNewFile(
          bytes, at: directory + "/" + name, durability: .rebuildable)) != nil
      else {
        return
      }
    } catch {
      return
    }
    let old = (try? store.fileSystem.contentsOfDirectory(at: directory)) ?? []
    for other in old where other.hasPrefix("heads-") && other != name {
      try? store.fileSystem.removeFile(at: directory + "/" + other)
    }
  }

  private func cachedHeads(for listing: ArchiveListing) -> [DocumentHead]? {
    let path = store.absolute(Self.directoryName + "/" + fileName(listing))
    guard let bytes = try? store.fileSystem.readFile(at: path),
      let entries = (try? JSONValue.parse(bytes))?.arrayValue
    else { return nil }
    var heads: [DocumentHead] = []
    for entry in entries {
      guard let kind = entry["kind"]?.stringValue.flatMap(DocumentKind.init(rawValue:)),
        let id = entry["id"]?.stringValue, let path = entry["path"]?.stringValue,
        let hash = entry["sha256"]?.stringValue, Hex.isSHA256Digest(hash)
      else { return nil }
      heads.append(DocumentHead(location: .init(kind: kind, id: id, path: path), sha256: hash))
    }
    return heads
  }

  private func fileName(_ listing: ArchiveListing) -> String {
    "heads-\(listing.fingerprint).json"
  }
}
