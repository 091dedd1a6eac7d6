/// Writes values into a compact binary form: integers as LEB128 varints (signed ones zig-zag
/// encoded), strings as a length and their UTF-8 bytes, doubles as their 8-byte bit pattern.
///
/// The form has no field names or types: a reader reads the values back in the order they were
/// written. For caches of parsed files (see ``CacheableDocument``), never for documents a person
/// or another program reads.
package struct BinaryWriter: Sendable {
  /// The bytes written so far.
  package private(set) var bytes: [UInt8] = []

  package init() {}

  /// Appends one byte.
  package mutating func write(byte: UInt8) {
    bytes.append(byte)
  }

  /// Appends an unsigned integer as a varint.
  package mutating func write(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Appends a signed integer, zig-zag encoded.
  package mutating func write(_ value: Int) {
    let wide = Int64(value)
    write(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
  }

  /// Appends a Boolean as one byte.
  package mutating func write(_ value: Bool) {
    bytes.append(value ? 1 : 0)
  }

  /// Appends a double's bit pattern, little-endian.
  package mutating func write(_ value: Double) {
    let bits = value.bitPattern
    for shift in stride(from: 0, to: 64, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
    }
  }

  /// The numbers of the strings written with ``write(shared:)``, by value.
  private var sharedNumbers: [String: UInt64] = [:]

  /// Appends a string that may repeat (a name in expressions, a file's jurisdiction).
  ///
  /// The first time: its UTF-8 length times two, then its bytes; again: its number among the
  /// shared strings times two plus one. Read with ``BinaryReader/readShared()``, which makes
  /// each `String` once.
  package mutating func write(shared value: String) {
    if let number = sharedNumbers[value] { return write(number << 1 | 1) }
    sharedNumbers[value] = UInt64(sharedNumbers.count)
    write(UInt64(value.utf8.count) << 1)
    bytes.append(contentsOf: value.utf8)
  }

  /// Appends a string: its UTF-8 length, then its bytes.
  package mutating func write(_ value: String) {
    write(UInt64(value.utf8.count))
    bytes.append(contentsOf: value.utf8)
  }

  /// Appends an optional: a presence byte, then the value when there is one.
  package mutating func write<Value>(
    _ value: Value?, _ writeValue: (inout BinaryWriter, Value) -> Void
  ) {
    guard let value else { return write(false) }
    write(true)
    writeValue(&self, value)
  }

  /// Appends an array: its count, then each element.
  package mutating func write<Element>(
    _ values: [Element], _ writeElement: (inout BinaryWriter, Element) -> Void
  ) {
    write(UInt64(values.count))
    for value in values { writeElement(&self, value) }
  }

  /// Appends an array of strings.
  package mutating func write(_ values: [String]) {
    write(values) { $0.write($1) }
  }

  /// Appends a self-contained section: its length, then what `body` writes with a writer of
  /// its own (its own shared strings), so that a reader can skip it and read it alone later
  /// (``BinaryReader/skipSection()``, ``BinaryReader/init(_:section:)``).
  package mutating func writeSection(_ body: (inout BinaryWriter) -> Void) {
    var section = BinaryWriter()
    body(&section)
    write(UInt64(section.bytes.count))
    bytes.append(contentsOf: section.bytes)
  }
}

/// Why binary data could not be read: it ended early or held a value no writer makes.
package struct BinaryReadError: Error, Sendable, Equatable {
  package init() {}
}

/// Reads back what a ``BinaryWriter`` wrote, in the same order, failing on anything short or
/// malformed instead of trapping.
package struct BinaryReader {
  private let bytes: [UInt8]
  /// The offset of the next byte to read.
  package private(set) var offset: Int
  /// The offset just past the last byte this reader may read.
  private let end: Int

  /// A reader of `bytes` from `offset`.
  package init(_ bytes: [UInt8], from offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
    end = bytes.count
  }

  /// A reader of the section of `bytes` that ``skipSection()`` gave, with shared strings of
  /// its own (as ``BinaryWriter/writeSection(_:)`` wrote it).
  package init(_ bytes: [UInt8], section: Range<Int>) {
    self.bytes = bytes
    offset = max(0, min(section.lowerBound, bytes.count))
    end = max(offset, min(section.upperBound, bytes.count))
  }

  /// Whether every byte has been read.
  package var isAtEnd: Bool { offset == end }

  /// All the bytes the reader was made with (shared, not copied), for readers of their
  /// sections (``init(_:section:)``).
  package var source: [UInt8] { bytes }

  /// Reads one byte.
  package mutating func readByte() throws(BinaryReadError) -> UInt8 {
    guard offset < end else { throw BinaryReadError() }
    defer { offset += 1 }
    return bytes[offset]
  }

  /// Reads a varint.
  ///
  /// Always inlined: most varints (counts, lines, tags, string lengths) are one byte, and a
  /// call for each cost more than reading it (a warm run reads 8,000).
  @inline(__always)
  package mutating func readUnsigned() throws(BinaryReadError) -> UInt64 {
    if offset < end {
      let byte = bytes[offset]
      if byte < 0x80 {
        offset += 1
        return UInt64(byte)
      }
    }
    return try readLongUnsigned()
  }

  /// Reads a varint of more than one byte (or fails at the end).
  ///
  /// Steps through the bytes itself rather than through ``readByte()``: a warm `--vendor` run
  /// reads 2,800 of them (line numbers past 63, shared-string numbers past 63).
  @inline(never)
  private mutating func readLongUnsigned() throws(BinaryReadError) -> UInt64 {
    // Two bytes (a number up to 16,383) are nearly all of them.
    if end - offset >= 2 {
      let low = bytes[offset]
      let high = bytes[offset + 1]
      if low >= 0x80, high < 0x80 {
        offset += 2
        return UInt64(low & 0x7F) | UInt64(high) << 7
      }
    }
    var value: UInt64 = 0
    var shift: UInt64 = 0
    var index = offset
    while index < end, shift < 64 {
      let byte = bytes[index]
      index += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 {
        offset = index
        return value
      }
      shift += 7
    }
    throw BinaryReadError()
  }

  /// Reads a zig-zag encoded integer (inlined, as ``readUnsigned()``: lines, columns and
  /// ranges are most of them).
  @inline(__always)
  package mutating func readInt() throws(BinaryReadError) -> Int {
    let raw = try readUnsigned()
    let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    guard let result = Int(exactly: value) else { throw BinaryReadError() }
    return result
  }

  /// Reads a count (of bytes or elements), refusing one larger than the bytes left.
  package mutating func readCount() throws(BinaryReadError) -> Int {
    let count = try readUnsigned()
    guard count <= UInt64(end - offset) else { throw BinaryReadError() }
    return Int(count)
  }

  /// Reads a Boolean (inlined, as ``readUnsigned()``: one per optional value).
  @inline(__always)
  package mutating func readBool() throws(BinaryReadError) -> Bool {
    switch try readByte() {
    case 0: return false
    case 1: return true
    default: throw BinaryReadError()
    }
  }

  /// Reads a double.
  package mutating func readDouble() throws(BinaryReadError) -> Double {
    guard end - offset >= 8 else { throw BinaryReadError() }
    var bits: UInt64 = 0
    for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
    offset += 8
    return Double(bitPattern: bits)
  }

  /// Reads a string.
  package mutating func readString() throws(BinaryReadError) -> String {
    let count = try readCount()
    defer { offset += count }
    return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
  }

  /// Skips a string, giving where its bytes are, to compare them without making a `String`.
  package mutating func skipString() throws(BinaryReadError) -> Range<Int> {
    let count = try readCount()
    defer { offset += count }
    return offset..<offset + count
  }

  /// Skips a string, telling whether it is `expected` (compared on the bytes: no `String`
  /// made).
  package mutating func skipString(matching expected: String) throws(BinaryReadError) -> Bool {
    let range = try skipString()
    var expected = expected
    return expected.withUTF8 { wanted in
      guard wanted.count == range.count else { return false }
      var index = range.lowerBound
      for byte in wanted {
        guard bytes[index] == byte else { return false }
        index += 1
      }
      return true
    }
  }

  /// Skips `count` bytes, giving where they are.
  package mutating func skipBytes(_ count: Int) throws(BinaryReadError) -> Range<Int> {
    guard count >= 0, count <= end - offset else { throw BinaryReadError() }
    defer { offset += count }
    return offset..<offset + count
  }

  /// Skips a section written by ``BinaryWriter/writeSection(_:)``, giving where it is, to read
  /// it later with ``init(_:section:)``.
  package mutating func skipSection() throws(BinaryReadError) -> Range<Int> {
    try skipString()
  }

  /// The strings read with ``readShared()``, in the order they first came.
  private var shared: [String] = []

  /// Reads a string written by ``BinaryWriter/write(shared:)``.
  package mutating func readShared() throws(BinaryReadError) -> String {
    try readNumberedShared().text
  }

  /// Reads a string written by ``BinaryWriter/write(shared:)``, with its number among the
  /// shared strings: equal numbers are equal strings, so the number can key what was made
  /// from the string without hashing it.
  package mutating func readNumberedShared() throws(BinaryReadError) -> (
    text: String, number: Int
  ) {
    let raw = try readUnsigned()
    if raw & 1 == 1 {
      guard raw >> 1 < UInt64(shared.count) else { throw BinaryReadError() }
      let number = Int(raw >> 1)
      return (shared[number], number)
    }
    guard raw >> 1 <= UInt64(end - offset) else { throw BinaryReadError() }
    let count = Int(raw >> 1)
    let text = String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    offset += count
    // Room for 16 at once rather than growing from one (a runbook's entry holds hundreds).
    if shared.isEmpty { shared.reserveCapacity(16) }
    shared.append(text)
    return (text, shared.count - 1)
  }

  /// Reads an optional written by ``BinaryWriter/write(_:_:)-(Value?,_)``.
  package mutating func readOptional<Value>(
    _ readValue: (inout BinaryReader) throws(BinaryReadError) -> Value
  ) throws(BinaryReadError) -> Value? {
    guard try readBool() else { return nil }
    return try readValue(&self)
  }

  /// Reads an array.
  package mutating func readArray<Element>(
    _ readElement: (inout BinaryReader) throws(BinaryReadError) -> Element
  ) throws(BinaryReadError) -> [Element] {
    let count = try readCount()
    // Many arrays of a runbook are empty (choices, reasons): no call to reserve room.
    if count == 0 { return [] }
    var values: [Element] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try readElement(&self)) }
    return values
  }

  /// Reads an array of strings.
  package mutating func readStrings() throws(BinaryReadError) -> [String] {
    try readArray { reader throws(BinaryReadError) in try reader.readString() }
  }
}

/// What a compiled cache entry can be read back as: a ``CacheableDocument``, or another view of
/// the same entry (an obligation file read lazily for evaluation, ``EvaluableObligationFile``).
package protocol CacheReadableDocument: Sendable {
  /// A short name for the kind of document, stored in each entry (`obligations`).
  static var cacheKind: String { get }
  /// A number bumped whenever the binary form of this document (or a type it holds) changes.
  static var cacheFormat: Int { get }
  /// Reads a document back.
  init(decoding reader: inout BinaryReader) throws(BinaryReadError)
}

/// A parsed file that a compiled cache can keep, so that an unchanged file is not parsed again.
///
/// The cache (its key, checksum and trust rules) is the same for every kind; a document only
/// says how it is written and read back.
package protocol CacheableDocument: CacheReadableDocument {
  /// Writes the document.
  func encode(into writer: inout BinaryWriter)
}

/// Which version of a source file an entry was made from: taken with `stat` before reading the
/// file, so a change made while it is read gives a different key.
package struct CacheKey: Sendable, Equatable {
  package var path: String
  package var size: UInt64
  package var modified: FileTime
  package var inode: UInt64
  package var device: UInt64

  package init(path: String, status: FileStatus) {
    self.path = path
    size = status.size
    modified = status.modified
    inode = status.inode
    device = status.device
  }

  package init(path: String, size: UInt64, modified: FileTime, inode: UInt64, device: UInt64) {
    self.path = path
    self.size = size
    self.modified = modified
    self.inode = inode
    self.device = device
  }
}

extension BinaryWriter {
  /// Appends a ``CacheKey``: path, size, modification time (seconds, then nanoseconds), inode,
  /// device; ``BinaryReader/readCacheKey()`` reads it back.
  package mutating func write(_ key: CacheKey) {
    write(key.path)
    write(key.size)
    write(Int(key.modified.seconds))
    write(Int(key.modified.nanoseconds))
    write(key.inode)
    write(key.device)
  }
}

extension BinaryReader {
  /// Skips a ``CacheKey``, telling whether it is `expected` (its path compared on the bytes).
  package mutating func skipCacheKey(matching expected: CacheKey) throws(BinaryReadError) -> Bool {
    let path = try skipString(matching: expected.path)
    let size = try readUnsigned()
    let seconds = try readInt()
    let nanoseconds = try readInt()
    let inode = try readUnsigned()
    let device = try readUnsigned()
    return path && size == expected.size && Int64(seconds) == expected.modified.seconds
      && Int64(nanoseconds) == expected.modified.nanoseconds && inode == expected.inode
      && device == expected.device
  }

  /// Reads a ``CacheKey`` written by ``BinaryWriter/write(_:)-(CacheKey)``.
  package mutating func readCacheKey() throws(BinaryReadError) -> CacheKey {
    CacheKey(
      path: try readString(), size: try readUnsigned(),
      modified: FileTime(seconds: Int64(try readInt()), nanoseconds: Int64(try readInt())),
      inode: try readUnsigned(), device: try readUnsigned())
  }
}

/// What a cache holds for a source file: the document, or the key to store a fresh one under
/// (nil when the source cannot be asked about: then nothing is stored).
package enum CacheLookup<Document: CacheReadableDocument> {
  case hit(Document)
  case miss(CacheKey?)
}

/// A compiled cache of parsed files.
///
/// Every failure in it is a miss: it only ever saves time.
package protocol DocumentCache: Sendable {
  /// The document cached for `path`, when an entry for its current version can be trusted.
  func lookup<Document: CacheReadableDocument>(
    _ type: Document.Type, at path: String
  ) -> CacheLookup<Document>
  /// Stores `document`, made from the version of the file `key` names; errors are ignored.
  func store<Document: CacheableDocument>(_ document: Document, for key: CacheKey)
  /// ``lookup(_:at:)`` with the key of the version of the file it looked at, for a hit as for
  /// a miss (nil when the file cannot be asked about, or the cache does not say).
  func keyedLookup<Document: CacheReadableDocument>(
    _ type: Document.Type, at path: String
  ) -> (lookup: CacheLookup<Document>, key: CacheKey?)
  /// ``keyedLookup(_:at:)`` with when a hit's entry was written (nil when the cache does not
  /// say): what a document that also holds what it saw of another file (a folder's listing)
  /// needs to apply the racy rule to that file.
  func timedLookup<Document: CacheReadableDocument>(
    _ type: Document.Type, at path: String
  ) -> (lookup: CacheLookup<Document>, key: CacheKey?, written: FileTime?)
}

extension DocumentCache {
  /// A cache that does not say which version a hit was made from: the key of a miss only.
  package func keyedLookup<Document: CacheReadableDocument>(
    _ type: Document.Type, at path: String
  ) -> (lookup: CacheLookup<Document>, key: CacheKey?) {
    let found = lookup(type, at: path)
    if case .miss(let key) = found { return (found, key) }
    return (found, nil)
  }

  /// A cache that does not say when its entries were written.
  package func timedLookup<Document: CacheReadableDocument>(
    _ type: Document.Type, at path: String
  ) -> (lookup: CacheLookup<Document>, key: CacheKey?, written: FileTime?) {
    let (found, key) = keyedLookup(type, at: path)
    return (found, key, nil)
  }
}
