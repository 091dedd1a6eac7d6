/// The parent links of an archive, kept compact: 32-byte hashes, and packed locations only for
/// the documents that may be heads or that name a parent not seen yet.
///
/// Memory is a table entry of about 40 bytes per document, whatever the documents hold, plus
/// 16-byte locations for heads and forward references (an amendment named as a parent by a
/// record walked before it).
struct ArchiveGraph {
  /// A SHA-256 digest as four words.
  struct Digest: Hashable {
    var a: UInt64, b: UInt64, c: UInt64, d: UInt64

    /// The digest of 64 hex digits; nil for anything else.
    init?(hex: String) {
      guard let bytes = Hex.bytes(of: hex), bytes.count == 32 else { return nil }
      func word(_ offset: Int) -> UInt64 {
        bytes[offset..<offset + 8].reduce(0) { $0 << 8 | UInt64($1) }
      }
      (a, b, c, d) = (word(0), word(8), word(16), word(24))
    }

    /// The 64 lower-case hex digits.
    var hex: String {
      [a, b, c, d].map { word in
        let text = String(word, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
      }.joined()
    }
  }

  private struct Flags: OptionSet {
    let rawValue: UInt8
    static let known = Flags(rawValue: 1)
    static let referenced = Flags(rawValue: 2)
  }

  private var flags: [Digest: Flags] = [:]
  /// Documents no document seen so far names as a parent (the heads, once all are seen).
  private var candidates: [Digest: PackedLocation] = [:]
  /// Parents not known when a document named them: checked at the end.
  private var unresolved: [(parent: Digest, child: PackedLocation)] = []

  mutating func add(location: DocumentLocation, sha256: String, parents: [String]) {
    guard let digest = Digest(hex: sha256) else { return }
    for parent in parents {
      guard let parentDigest = Digest(hex: parent) else { continue }
      let old = flags[parentDigest] ?? []
      if !old.contains(.known) { unresolved.append((parentDigest, PackedLocation(location))) }
      flags[parentDigest] = old.union(.referenced)
      candidates.removeValue(forKey: parentDigest)
    }
    let old = flags[digest] ?? []
    flags[digest] = old.union(.known)
    if !old.contains(.referenced) && candidates[digest] == nil {
      candidates[digest] = PackedLocation(location)
    }
  }

  /// Whether a document with hash `sha256` was added.
  func isKnown(_ sha256: String) -> Bool {
    guard let digest = Digest(hex: sha256) else { return false }
    return (flags[digest] ?? []).contains(.known)
  }

  /// Each document that names a parent no document in the archive has, with that parent.
  var missingParents: [(child: DocumentLocation, parent: String)] {
    unresolved.filter { !(flags[$0.parent] ?? []).contains(.known) }.map {
      ($0.child.location, $0.parent.hex)
    }
  }

  /// Documents nobody names as a parent, sorted by hash (duplicates of one hash listed once).
  var heads: [DocumentHead] {
    candidates.map { DocumentHead(location: $0.value.location, sha256: $0.key.hex) }
      .sorted { $0.sha256 < $1.sha256 }
  }
}
