/// Which amendment files name which record, in a few bytes per amendment.
///
/// Built by reading every amendment once; a record's amendments are then read again from their
/// files when the record comes up. Keys are 64-bit hashes of record ids and amendments are kept
/// as packed ids (their path follows from the id), so memory grows by about 30 bytes per
/// amendment rather than by the amendment's contents. A hash collision only means reading an
/// amendment that then turns out to name another record.
struct AmendmentIndex {
  /// An amendment's location: a standard id (`20260401T093000Z-1a2b3c4d`) packed into two
  /// words, or the path itself for any other name.
  enum Entry {
    case packed(time: UInt64, random: UInt32)
    case path(String)
  }

  private var byRecord: [UInt64: [Entry]] = [:]
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
      byRecord[key, default: []].append(Self.entry(location))
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
      guard let document = try? store.read(Self.location(entry)),
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

  /// `20260401T093000Z-1a2b3c4d` in `amendments/2026/04/` packs; anything else keeps its path.
  private static func entry(_ location: DocumentLocation) -> Entry {
    let bytes = Array(location.id.utf8)
    guard bytes.count == 25, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z"),
      bytes[16] == UInt8(ascii: "-"),
      location.path == standardPath(location.id),
      let time = UInt64(String(decoding: bytes[0..<8] + bytes[9..<15], as: UTF8.self)),
      let random = UInt32(String(decoding: bytes[17...], as: UTF8.self), radix: 16),
      String(decoding: bytes[17...], as: UTF8.self) == hex8(random)
    else { return .path(location.path) }
    return .packed(time: time, random: random)
  }

  private static func location(_ entry: Entry) -> DocumentLocation {
    switch entry {
    case .path(let path):
      let name = path.split(separator: "/").last.map(String.init) ?? path
      return DocumentLocation(kind: .amendment, id: String(name.dropLast(5)), path: path)
    case .packed(let time, let random):
      let digits = String(time)
      let padded = String(repeating: "0", count: max(0, 14 - digits.count)) + digits
      let id = "\(padded.prefix(8))T\(padded.suffix(6))Z-\(hex8(random))"
      return DocumentLocation(kind: .amendment, id: id, path: standardPath(id))
    }
  }

  private static func standardPath(_ id: String) -> String {
    let bytes = Array(id.utf8)
    guard bytes.count >= 6 else { return "" }
    let year = String(decoding: bytes[0..<4], as: UTF8.self)
    let month = String(decoding: bytes[4..<6], as: UTF8.self)
    return "amendments/\(year)/\(month)/\(id).json"
  }

  private static func hex8(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }
}
