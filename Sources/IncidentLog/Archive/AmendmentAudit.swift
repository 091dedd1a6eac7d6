/// Checks what the hash chain alone cannot: that each amendment's record is in the archive and
/// is the very record it amended (its `record_sha256`).
///
/// A deleted record leaves its amendments pointing at nothing, which names the deleted record by
/// id; an edited record no longer has the hash its amendments name.
public enum AmendmentAudit {
  /// One amendment whose record is missing or changed.
  public struct Problem: Sendable, Equatable, CustomStringConvertible {
    /// The amendment's path, relative to the archive root.
    public var path: String
    /// The amendment's id.
    public var amendment: String
    /// The record it names.
    public var record: String
    /// Whether the record is gone (else its hash differs).
    public var isRecordMissing: Bool

    /// `amendment ID: PATH: ...`.
    public var description: String {
      isRecordMissing
        ? "amendment \(amendment): \(path): its record \(record) is not in the archive "
          + "(deleted or renamed)"
        : "amendment \(amendment): \(path): its record \(record) is not the one it amended "
          + "(the record's hash changed)"
    }
  }

  /// The problems of every readable amendment in `store`, in path order.
  public static func problems(in store: ArchiveStore) throws(ArchiveError) -> [Problem] {
    var problems: [Problem] = []
    var recordHashes: [String: String?] = [:]
    try store.walk(.amendment) { (entry) throws(ArchiveError) in
      guard case .document(let location) = entry,
        let document = try? store.read(location),
        let amendment = Amendment(json: document.document)
      else { return }
      let hash: String?
      if let known = recordHashes[amendment.record] {
        hash = known
      } else {
        hash = recordHash(amendment.record, in: store)
        recordHashes[amendment.record] = hash
      }
      guard hash != amendment.recordSHA256 else { return }
      problems.append(
        Problem(
          path: location.path, amendment: amendment.id, record: amendment.record,
          isRecordMissing: hash == nil))
    }
    return problems
  }

  /// The recorded hash of the record with `id`, found where its id's time files it.
  private static func recordHash(_ id: String, in store: ArchiveStore) -> String? {
    let digits = Array(id.utf8.prefix(6))
    guard digits.count == 6, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    let month =
      String(decoding: digits[0..<4], as: UTF8.self) + "/"
      + String(decoding: digits[4..<6], as: UTF8.self)
    let location = DocumentLocation(kind: .record, id: id, path: "records/\(month)/\(id).json")
    return try? store.read(location).sha256
  }
}
