import RunbookCore

/// One record as the summary index holds it: its file's folder and name, and its summary's
/// bytes (``RecordSummary``'s binary form), read where they lie, so a record shown from an
/// unchanged index costs no `String` until a command asks for one.
package struct IndexedRecord {
  /// The record file's folder, from the archive root (`records/2026/04`).
  package let folder: String
  /// The file's name (`<id>.json`), as bytes.
  package let name: ArraySlice<UInt8>
  /// The summary's bytes.
  package let payload: ArraySlice<UInt8>
  /// The summary, when it was made (from the record's files) or decoded already.
  package let made: RecordSummary?

  /// The record `name` in `folder` whose summary's bytes are `payload`.
  init(folder: String, name: ArraySlice<UInt8>, payload: ArraySlice<UInt8>) {
    self.folder = folder
    self.name = name
    self.payload = payload
    made = nil
  }

  /// `record` with its summary `made`.
  init(_ record: IndexedRecord, made: RecordSummary) {
    folder = record.folder
    name = record.name
    payload = record.payload
    self.made = made
  }

  /// The record id's bytes (the name without `.json`).
  package var idBytes: ArraySlice<UInt8> { name.dropLast(5) }

  /// The record's id.
  package var id: String { String(decoding: idBytes, as: UTF8.self) }

  /// The record file's location.
  package var location: DocumentLocation {
    let name = String(decoding: self.name, as: UTF8.self)
    return DocumentLocation(
      kind: .record, id: id, path: folder.isEmpty ? name : folder + "/" + name)
  }

  /// The summary: ``made``, or decoded from ``payload``.
  ///
  /// - Throws: when the bytes do not decode (a forged index file with a good checksum).
  package func summary() throws(BinaryReadError) -> RecordSummary {
    if let made { return made }
    var reader = BinaryReader(Array(payload))
    let summary = try RecordSummary(decoding: &reader, location: location)
    guard reader.isAtEnd else { throw BinaryReadError() }
    return summary
  }
}
