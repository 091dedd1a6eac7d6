/// The `integrity` member: `{"parents": [hex…], "report_sha256": hex, "sha256": hex}`.
///
/// `sha256` is SHA-256 over the RFC 8785 canonical form of the whole document with only
/// `integrity.sha256` removed, so the parents and the report's hash are covered by the hash and
/// cannot be changed without detection.
///
/// `report_sha256` is the SHA-256 of the record's Markdown report (its bytes as written). The
/// report is rendered before the record is sealed, so it cannot show the record's own hash
/// (that hash covers the report's); records written before reports were covered have no
/// `report_sha256`, and their reports are not checked.
enum DocumentIntegrity {
  static let memberName = "integrity"
  /// The member of `integrity` that holds the report's hash.
  static let reportMemberName = "report_sha256"

  /// The document with `integrity` set to `parents` (and the report's hash, if any) and the hash
  /// over it, and that hash.
  static func sealed(
    _ object: JSONObject, parents: [String], reportSHA256: String? = nil
  ) -> (JSONObject, String) {
    var sealed = object
    var integrity = JSONObject()
    integrity["parents"] = .array(parents.sorted().map(JSONValue.string))
    integrity[reportMemberName] = reportSHA256.map(JSONValue.string)
    sealed[memberName] = .object(integrity)
    let hash = computedHash(of: sealed)
    integrity["sha256"] = .string(hash)
    sealed[memberName] = .object(integrity)
    return (sealed, hash)
  }

  /// ``sealed(_:parents:reportSHA256:)`` with the sealed document's pretty bytes (as
  /// ``JSONPrettyPrinter/bytes(of:)`` writes them), from one walk that also makes the canonical
  /// bytes the hash is taken over: no string is escaped twice.
  ///
  /// The pretty bytes are written with a placeholder for the hash, which replaces it once the
  /// canonical bytes are complete.
  static func sealedWithBytes(
    _ object: JSONObject, parents: [String], reportSHA256: String? = nil
  ) -> (document: JSONObject, hash: String, pretty: [UInt8]) {
    var integrity = JSONObject()
    integrity["parents"] = .array(parents.sorted().map(JSONValue.string))
    integrity[reportMemberName] = reportSHA256.map(JSONValue.string)
    var withPlaceholder = integrity
    withPlaceholder["sha256"] = .string(hashPlaceholder)
    var sealed = object
    sealed[memberName] = .object(integrity)
    var writer = JSONTwinWriter(capacity: 1 << 15)
    // Where the placeholder's hex digits start in the pretty bytes.
    var placeholderOffset = -1
    writer.writeObject(sealed.members, indent: 0) { writer, member, indent in
      guard member.key.utf8.elementsEqual(memberName.utf8) else {
        return writer.writeMember(member, indent: indent)
      }
      // `integrity`: with `sha256` (to come) in the pretty form, without it in the hashed one.
      JSONPrettyPrinter.appendLineBreak(indent: indent, to: &writer.pretty)
      JSONStringEscaping.append(member.key, to: &writer.pretty)
      writer.pretty.append(UInt8(ascii: ":"), UInt8(ascii: " "))
      JSONPrettyPrinter.write(.object(withPlaceholder), indent: indent, to: &writer.pretty)
      // `sha256` is the last member: `"<64 hex digits>"`, a line break, the indentation, `}`.
      placeholderOffset =
        writer.pretty.count - (1 + 1 + indent * 2 + 1) - hashPlaceholder.utf8.count
      JSONStringEscaping.append(member.key, to: &writer.canonical)
      writer.canonical.append(UInt8(ascii: ":"))
      CanonicalJSON.write(.object(integrity), to: &writer.canonical)
    }
    writer.pretty.append(UInt8(ascii: "\n"))
    let hash = writer.canonical.withBytes {
      Hex.string(of: SHA256.hash(UnsafeRawBufferPointer($0)))
    }
    // Before the pretty bytes are copied out: their copy can reuse this memory.
    writer.releaseCanonical()
    integrity["sha256"] = .string(hash)
    sealed[memberName] = .object(integrity)
    let placeholderFound = writer.pretty.withBytes { bytes in
      placeholderOffset >= 0
        && bytes[placeholderOffset..<(placeholderOffset + 64)].elementsEqual(hashPlaceholder.utf8)
    }
    guard placeholderFound else {
      return (sealed, hash, JSONPrettyPrinter.bytes(of: .object(sealed)))
    }
    writer.pretty.overwrite(at: placeholderOffset, with: Array(hash.utf8))
    return (sealed, hash, writer.pretty.array())
  }

  /// What the pretty form holds in place of the hash until it is known (64 characters, as a
  /// hex SHA-256 digest).
  ///
  /// A literal: `String(repeating:count:)` cost 20K instructions on its first use.
  private static let hashPlaceholder =
    "0000000000000000000000000000000000000000000000000000000000000000"

  /// The hash a document should carry: over its canonical form without `integrity.sha256`.
  static func computedHash(of object: JSONObject) -> String {
    var unsealed = object
    if case .object(var integrity)? = unsealed[memberName] {
      integrity.removeValue(forKey: "sha256")
      unsealed[memberName] = .object(integrity)
    }
    return SHA256.hexHash(CanonicalJSON.bytes(of: .object(unsealed)))
  }

  /// The recorded hash and parents; nil if `integrity` is missing or malformed.
  static func recorded(in object: JSONObject) -> (sha256: String, parents: [String])? {
    guard case .object(let integrity)? = object[memberName],
      let hash = integrity["sha256"]?.stringValue, Hex.isSHA256Digest(hash),
      let parentValues = integrity["parents"]?.arrayValue
    else { return nil }
    var parents: [String] = []
    for value in parentValues {
      guard let parent = value.stringValue, Hex.isSHA256Digest(parent) else { return nil }
      parents.append(parent)
    }
    return (hash, parents)
  }
}

extension DocumentIntegrity {
  /// The recorded hash of the document's report (`integrity.report_sha256`), if a string.
  static func reportSHA256(in object: JSONObject) -> String? {
    guard case .object(let integrity)? = object[memberName] else { return nil }
    return integrity[reportMemberName]?.stringValue
  }
}
