/// Which amendment files name which record, in a few bytes per amendment.
///
/// Built by reading every amendment once; a record's amendments are then read again from their
/// files when the record comes up. Entries are (64-bit hash of the record id, packed location)
/// pairs in one sorted array, so memory grows by about 32 bytes per amendment rather than by
/// the amendment's contents. A hash collision only means reading an amendment that then turns
/// out to name another record.
struct AmendmentIndex {
  private var entries: [(record: UInt64, location: PackedLocation)] = []
  private var marked: Set<UInt64> = []

  /// The index of every readable amendment in `store`.
  ///
  /// Records with an amendment for which `mark` is true are remembered (see ``isMarked(_:)``);
  /// `prefilter` sees the file's bytes first, and an amendment it refuses is not parsed.
  init(
    store: ArchiveStore, prefilter: (([UInt8]) -> Bool)? = nil,
    mark: ((Amendment) -> Bool)? = nil
  ) throws(ArchiveError) {
    try store.walk(.amendment) { (entry) throws(ArchiveError) in
      guard case .document(let location) = entry,
        let bytes = try? store.documentBytes(atAbsolutePath: store.absolute(location.path))
      else { return }
      var parsed: Amendment?
      let record: String
      if let found = Self.recordMember(bytes) {
        record = found
      } else {
        parsed = Self.amendment(location, from: bytes, in: store)
        guard let found = parsed?.record else { return }
        record = found
      }
      let key = FNV1a.hash(record)
      entries.append((key, PackedLocation(location)))
      guard let mark, prefilter?(bytes) ?? true else { return }
      if parsed == nil { parsed = Self.amendment(location, from: bytes, in: store) }
      if let parsed, mark(parsed) {
        marked.insert(key)
      }
    }
    entries.sort { $0.record < $1.record }
  }

  /// An index of the amendments `entries` name (the hash of a record id, an amendment's
  /// location), in any order: the summary index's, made without reading the amendments; the
  /// records whose hashes are in `marked` are marked.
  ///
  /// The entries are sorted in place (no second copy when the caller hands them over).
  init(
    entries: consuming [(record: UInt64, location: PackedLocation)], marked: Set<UInt64> = []
  ) {
    entries.sort { $0.record < $1.record }
    self.entries = entries
    self.marked = marked
  }

  /// Whether the record `id` may have an amendment that was marked (false means certainly not).
  func isMarked(_ id: String) -> Bool { marked.contains(FNV1a.hash(id)) }

  /// The amendments of the record `id`, read from their files.
  func amendments(ofRecord id: String, in store: ArchiveStore) -> [Amendment] {
    let key = FNV1a.hash(id)
    var low = 0
    var high = entries.count
    while low < high {
      let middle = (low + high) / 2
      if entries[middle].record < key { low = middle + 1 } else { high = middle }
    }
    var amendments: [Amendment] = []
    while low < entries.count && entries[low].record == key {
      if let document = try? store.read(entries[low].location.location),
        let amendment = try? Amendment(json: document.document), amendment.record == id
      {
        amendments.append(amendment)
      }
      low += 1
    }
    return amendments
  }

  /// The amendment in `bytes`, or nil when they do not read as one.
  private static func amendment(
    _ location: DocumentLocation, from bytes: [UInt8], in store: ArchiveStore
  ) -> Amendment? {
    guard let document = try? store.document(location, from: bytes) else { return nil }
    return try? Amendment(json: document.document)
  }

  /// The top-level `record` member as the archive writes it (`\n  "record": "ID"`, which no
  /// string can hold, as strings hold no raw line breaks); nil when not written that way.
  static func recordMember(_ bytes: [UInt8]) -> String? {
    bytes.withUnsafeBufferPointer { recordMember($0) }
  }

  /// The top-level `record` member as the archive writes it, in `buffer` (see
  /// ``recordMember(_:)-([UInt8])``).
  static func recordMember(_ buffer: UnsafeBufferPointer<UInt8>) -> String? {
    let marker = Array("\n  \"record\": \"".utf8)
    guard buffer.count > marker.count else { return nil }
    var index = 0
    while index + marker.count <= buffer.count {
      if buffer[index] == marker[0]
        && buffer[index..<index + marker.count].elementsEqual(marker)
      {
        let start = index + marker.count
        var end = start
        while end < buffer.count && buffer[end] != UInt8(ascii: "\"") {
          if buffer[end] == UInt8(ascii: "\\") || buffer[end] < 0x20 { return nil }
          end += 1
        }
        guard end < buffer.count else { return nil }
        return String(decoding: buffer[start..<end], as: UTF8.self)
      }
      index += 1
    }
    return nil
  }
}
