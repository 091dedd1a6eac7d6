import RunbookCore

/// The bytes of an index file as they are written: varints, strings and copied byte runs.
///
/// ``BinaryWriter`` writes the summaries; this buffer also takes bytes copied from the old
/// file, so an unchanged entry is never decoded and encoded again.
struct IndexWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  /// Appends an unsigned integer as a varint (as ``BinaryWriter`` does).
  mutating func write(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Appends a signed integer, zig-zag encoded.
  mutating func write(_ value: Int64) {
    write(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
  }

  /// Appends a string: its UTF-8 length, then its bytes.
  mutating func write(_ value: String) {
    write(UInt64(value.utf8.count))
    bytes.append(contentsOf: value.utf8)
  }

  /// Appends a run of bytes as they are, without a length.
  mutating func append(_ run: some Collection<UInt8>) {
    bytes.append(contentsOf: run)
  }
}

/// Reads what an ``IndexWriter`` wrote, failing on anything short or malformed.
struct IndexReader {
  let bytes: [UInt8]
  /// The offset of the next byte to read.
  var offset: Int
  /// Where reading stops.
  let end: Int

  /// A reader of `bytes[offset..<end]`.
  init(_ bytes: [UInt8], from offset: Int = 0, to end: Int? = nil) {
    self.bytes = bytes
    self.offset = offset
    self.end = end ?? bytes.count
  }

  /// Whether every byte has been read.
  var isAtEnd: Bool { offset >= end }

  /// Reads a varint.
  mutating func readUnsigned() throws(BinaryReadError) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < end, shift < 64 else { throw BinaryReadError() }
      let byte = bytes[offset]
      offset += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }

  /// Skips `count` varints.
  mutating func skipUnsigned(count: Int) throws(BinaryReadError) {
    var left = count
    while left > 0 {
      guard offset < end else { throw BinaryReadError() }
      if bytes[offset] < 0x80 { left -= 1 }
      offset += 1
    }
  }

  /// Reads a zig-zag encoded integer.
  mutating func readSigned() throws(BinaryReadError) -> Int64 {
    let raw = try readUnsigned()
    return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
  }

  /// Reads a count of bytes, refusing one larger than the bytes left.
  mutating func readCount() throws(BinaryReadError) -> Int {
    let count = try readUnsigned()
    guard count <= UInt64(end - offset) else { throw BinaryReadError() }
    return Int(count)
  }

  /// Reads a string.
  mutating func readString() throws(BinaryReadError) -> String {
    let range = try readRun()
    return String(decoding: bytes[range], as: UTF8.self)
  }

  /// Reads a length, and skips that many bytes: the range they are at.
  mutating func readRun() throws(BinaryReadError) -> Range<Int> {
    let count = try readCount()
    defer { offset += count }
    return offset..<offset + count
  }
}
