/// The one place an evidence description meets its JSON.
extension EvidenceFile {
  /// `{"sha256", "size", "name", "media_type", "note"?}`.
  package var jsonValue: JSONValue {
    var object = JSONObject()
    object["sha256"] = .string(sha256)
    object["size"] = .number(Double(size))
    object["name"] = .string(name)
    object["media_type"] = .string(mediaType)
    if let note { object["note"] = .string(note) }
    return .object(object)
  }

  /// Reads an `evidence` member; the hash must be 64 lower-case hex digits (it names a file in
  /// the archive, so nothing else may reach a path).
  init(reader: DocumentReader) throws(RecordDecodingError) {
    let hash = try reader.member("sha256", expected: "64 lower-case hex digits")
    let hex = try hash.string()
    guard hex.utf8.count == 64, hex.utf8.allSatisfy(Self.isLowerHexDigit) else {
      throw hash.mismatch("64 lower-case hex digits")
    }
    let sizeReader = try reader.member("size", expected: "a whole number of bytes")
    guard case .number(let number) = sizeReader.value, number >= 0, number <= 1e15,
      number == number.rounded()
    else { throw sizeReader.mismatch("a whole number of bytes") }
    self.init(
      sha256: hex, size: Int(number),
      name: try reader.member("name", expected: "a string").string(),
      mediaType: try reader.member("media_type", expected: "a string").string(),
      note: try reader.optionalMember("note")?.string())
  }

  private static func isLowerHexDigit(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
  }
}
