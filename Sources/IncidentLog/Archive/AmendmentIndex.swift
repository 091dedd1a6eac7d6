/// Which amendment files name which record, in a few bytes per amendment.
///
/// Built by reading every amendment once; a record's amendments are then read again from their
/// files when the record comes up. Keys are 64-bit hashes of record ids and amendments are kept
/// as packed ids (their path follows from the id), so memory grows by about 30 bytes per
/// amendment rather than by the amendment's contents. A hash collision only means reading an
/// amendment that then turns out to name another record.
struct AmendmentIndex {
  private var byRecord: [UInt64: [PackedLocation]] = [:]
  private var marked: Set<UInt64> = []
  private(set) var count = 0

  /// The index of every readable amendment in `store`; records with an amendment for which
  /// `mark` is true are remembered (see ``isMarked(_:)``).
  init(store: ArchiveStore, mark: ((Amendment) -> Bool)? = nil) throws(ArchiveError) {
    try store.walk(.amendment) { (entry) throws(ArchiveError) in
      guard case .document(let location) = entry,
        let document = (try? store.read(location))?.document,
        let record = document["record"]?.stringValue
      else { return }
      let key = Self.hash(record)
      byRecord[key, default: []].append(PackedLocation(location))
      if let mark, let amendment = Amendment(json: document), mark(amendment) {
        marked.insert(key)
      }
      count += 1
    }
  }

  /// Whether the record `id` may have an amendment that was marked (false means certainly not).
  func isMarked(_ id: String) -> Bool { marked.contains(Self.hash(id)) }

  /// The amendments of the record `id`, oldest first, read from their files.
  func amendments(ofRecord id: String, in store: ArchiveStore) -> [Amendment] {
    guard let entries = byRecord[Self.hash(id)] else { return [] }
    return entries.compactMap { entry in
      guard let document = try? store.read(entry.location),
        let amendment = Amendment(json: document.document), amendment.record == id
      else { return nil }
      return amendment
    }
  }

  private static func hash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return hash
  }
}
