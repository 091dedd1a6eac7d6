import RunbookCore

/// Where the columns of `archive list` lie in a summary's bytes (``RecordSummary``'s binary
/// form, ``IndexedRecord/payload``): its first fields, read without making a `String`.
package struct SummaryColumns {
  /// `created_at` as written.
  package var createdAt: Range<Int>
  package var severity: Range<Int>
  /// The headline.
  package var decision: Range<Int>
  package var tlp: Range<Int>
  package var responder: Range<Int>
  package var runbookID: Range<Int>
  package var isClosed: Bool
  /// The id of the record this one revises, if any.
  package var revises: Range<Int>?
  /// The record that revises this one, if any.
  package var supersededBy: Range<Int>?

  /// The columns of the summary in `bytes` (ranges are indices of `bytes`).
  ///
  /// - Throws: when the bytes end early or hold what no writer makes.
  package init(_ bytes: ArraySlice<UInt8>) throws(BinaryReadError) {
    var offset = bytes.startIndex
    func count() throws(BinaryReadError) -> Int {
      var value = 0
      var shift = 0
      while true {
        guard offset < bytes.endIndex, shift < 63 else { throw BinaryReadError() }
        let byte = bytes[offset]
        offset += 1
        value |= Int(byte & 0x7F) << shift
        if byte < 0x80 { return value }
        shift += 7
      }
    }
    func text() throws(BinaryReadError) -> Range<Int> {
      let length = try count()
      guard length <= bytes.endIndex - offset else { throw BinaryReadError() }
      defer { offset += length }
      return offset..<offset + length
    }
    func flag() throws(BinaryReadError) -> Bool {
      guard offset < bytes.endIndex, bytes[offset] <= 1 else { throw BinaryReadError() }
      defer { offset += 1 }
      return bytes[offset] == 1
    }
    createdAt = try text()
    severity = try text()
    decision = try text()
    tlp = try text()
    responder = try text()
    runbookID = try text()
    isClosed = try flag()
    revises = try flag() ? try text() : nil
    supersededBy = try flag() ? try text() : nil
  }
}
