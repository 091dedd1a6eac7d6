/// Which folder holds the document at each place of a walk, kept as one row per folder: how
/// ``ArchiveStore/verify()`` names the few documents ``PackedDigestGraph`` reports by ordinal,
/// without keeping a path per document.
///
/// A document is found again by listing its folder (sorted, as the walk listed it) and taking
/// its place among the folder's documents.
struct FolderOrdinals {
  private struct Folder {
    var kind: DocumentKind
    /// Relative to the archive root.
    var directory: String
    /// The ordinal of the folder's first document.
    var first: Int
  }

  private var folders: [Folder] = []

  /// Notes that the walk met `location`, the first document of its folder, at `ordinal`
  /// (ordinals count up from 0 across folders).
  mutating func noteFolder(of location: DocumentLocation, ordinal: Int) {
    var path = location.path
    let slash = path.withUTF8 { $0.lastIndex(of: UInt8(ascii: "/")) } ?? 0
    let directory = String(decoding: path.utf8.prefix(slash), as: UTF8.self)
    folders.append(Folder(kind: location.kind, directory: directory, first: ordinal))
  }

  /// The locations of `ordinals` (in any order), listing each folder once; an ordinal whose
  /// document is gone from its folder's listing is left out.
  func locations(
    of ordinals: [Int], in store: ArchiveStore
  ) -> [Int: DocumentLocation] {
    var found: [Int: DocumentLocation] = [:]
    var byFolder: [Int: [Int]] = [:]
    for ordinal in ordinals {
      guard let folder = folderIndex(of: ordinal) else { continue }
      byFolder[folder, default: []].append(ordinal)
    }
    for (index, wanted) in byFolder {
      let folder = folders[index]
      guard
        let names = try? store.fileSystem.contentsOfDirectory(at: store.absolute(folder.directory))
      else { continue }
      var documents: [DocumentLocation] = []
      for name in names {
        if case .document(let id) = FolderEntry(name: name) {
          documents.append(
            DocumentLocation(kind: folder.kind, id: id, path: folder.directory + "/" + name))
        }
      }
      for ordinal in wanted where ordinal - folder.first < documents.count {
        found[ordinal] = documents[ordinal - folder.first]
      }
    }
    return found
  }

  /// The folder of `ordinal`: the last whose first document is at or before it.
  private func folderIndex(of ordinal: Int) -> Int? {
    var lower = 0
    var upper = folders.count
    while lower < upper {
      let middle = (lower + upper) / 2
      if folders[middle].first <= ordinal {
        lower = middle + 1
      } else {
        upper = middle
      }
    }
    return lower > 0 ? lower - 1 : nil
  }
}
