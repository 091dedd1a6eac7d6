import RunbookCore

/// The `obligation` member of a notification, not-required or undetermined entry:
/// `{library_id, citation, url, reviewed, jurisdiction}`.
extension ObligationReference {
  init(reader: DocumentReader) throws(RecordDecodingError) {
    self.init(
      libraryID: try reader.member("library_id", expected: "a duty id").string(),
      citation: try reader.member("citation", expected: "a string").string(),
      url: try reader.member("url", expected: "a string").string(),
      reviewed: try reader.member("reviewed", expected: "a date").string(),
      jurisdiction: try reader.member("jurisdiction", expected: "a code").string())
  }

  /// The member as JSON, in the documented order.
  var jsonValue: JSONValue {
    var object = JSONObject()
    object["library_id"] = .string(libraryID)
    object["citation"] = .string(citation)
    object["url"] = .string(url)
    object["reviewed"] = .string(reviewed)
    object["jurisdiction"] = .string(jurisdiction)
    return .object(object)
  }
}
