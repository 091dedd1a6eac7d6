/// What a run's compiled cache keeps for a library folder's vocabulary file (`facts.yaml`): the
/// vocabulary, and the folder's listing with the folder's version when it was taken, so that a
/// run does not list an unchanged folder again (``ObligationLibrary/load(folder:selection:fileSystem:lint:deferred:cache:)``).
package struct LibraryHead: Sendable, Equatable {
  package var vocabulary: FactVocabulary
  package var listing: LibraryListing?

  package init(vocabulary: FactVocabulary, listing: LibraryListing?) {
    self.vocabulary = vocabulary
    self.listing = listing
  }
}

/// The obligation file names a folder's listing gave (YAML names other than the vocabulary's,
/// sorted), with the folder's version taken before it was listed.
///
/// Trusted later only for the same version of the folder, and only when the entry holding it
/// was written in a later second than the folder last changed (the compiled cache's racy rule:
/// a name added within that second leaves the folder's time as it was).
package struct LibraryListing: Sendable, Equatable {
  package var key: CacheKey
  package var names: [String]

  package init(key: CacheKey, names: [String]) {
    self.key = key
    self.names = names
  }

  /// Whether the listing holds for `folder` now (its version `now`), in an entry written at
  /// `written`.
  package func holds(now: CacheKey?, written: FileTime?) -> Bool {
    guard let now, let written else { return false }
    return now == key && written.seconds > key.modified.seconds
  }
}

extension LibraryHead: CacheableDocument {
  package static let cacheKind = "facts"
  /// Bump when `FactVocabulary`, or the listing, changes shape (5: the listing; the vocabulary
  /// alone was format 4; 6: a repeated condition names its tree's number).
  package static let cacheFormat = 6

  package func encode(into writer: inout BinaryWriter) {
    vocabulary.encode(into: &writer)
    writer.write(listing) { writer, listing in
      writer.write(listing.key)
      writer.write(listing.names)
    }
  }

  package init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let vocabulary = try FactVocabulary(decoding: &reader)
    let listing = try reader.readOptional { reader throws(BinaryReadError) in
      LibraryListing(key: try reader.readCacheKey(), names: try reader.readStrings())
    }
    self.init(vocabulary: vocabulary, listing: listing)
  }
}
