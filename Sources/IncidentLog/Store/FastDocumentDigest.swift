/// A document's integrity facts computed straight from its bytes, without building a
/// ``JSONValue``: the hash of its canonical form (without `integrity.sha256`), the recorded hash
/// and parents, and its `id` and `created_at`.
///
/// It covers what the archive writes: ASCII keys, strings whose escapes are already canonical,
/// integers of up to 15 digits. For such input the canonical form is the input's own tokens
/// with the whitespace removed and object members sorted, so it is produced by copying byte
/// ranges. Anything else (other escapes or numbers, non-ASCII keys, duplicate keys, deep
/// nesting, invalid JSON or UTF-8) makes ``init(bytes:)`` return nil, and the caller takes the
/// general path (parse, then ``CanonicalJSON``), which gives the same hash or the exact error.
struct FastDocumentDigest {
  /// SHA-256 of the canonical form without `integrity.sha256`, in hex.
  var computedSHA256: String
  /// `integrity.sha256` as recorded (64 lower-case hex digits).
  var recordedSHA256: String
  /// `integrity.parents` as recorded, sorted.
  var parents: [String]
  /// `integrity.report_sha256` as recorded, if a plain string.
  var reportSHA256: String?
  /// The `id` member, if a string.
  var id: String?
  /// The `created_at` member, if a string.
  var createdAt: String?
  /// The `record` and `record_sha256` members (of an amendment), if both are strings.
  var amendedRecord: (id: String, sha256: String)?

  init(
    computedSHA256: String, recordedSHA256: String, parents: [String], id: String?,
    createdAt: String?
  ) {
    self.computedSHA256 = computedSHA256
    self.recordedSHA256 = recordedSHA256
    self.parents = parents
    self.id = id
    self.createdAt = createdAt
  }

  /// The digest of `bytes`; nil when the fast path does not apply (see the type's discussion).
  init?(bytes: [UInt8]) {
    let result: FastDocumentDigest? = bytes.withUnsafeBufferPointer { buffer in
      var scanner = CanonicalScanner(buffer)
      return try? scanner.digest()
    }
    guard let result else { return nil }
    self = result
  }
}

/// The scanner behind ``FastDocumentDigest``: validates and canonicalizes by byte ranges.
private struct CanonicalScanner {
  struct Unsupported: Error {}

  /// One member of an object: the key's bytes (without quotes) and the value's range.
  struct Member {
    var keyStart: Int
    var keyEnd: Int
    var valueStart: Int
    var valueEnd: Int
  }

  let bytes: UnsafeBufferPointer<UInt8>
  var out: [UInt8] = []
  var depth = 0
  static let maximumDepth = 64

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    out.reserveCapacity(bytes.count)
  }

  mutating func digest() throws(Unsupported) -> FastDocumentDigest {
    var index = skipWhitespace(0)
    guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw Unsupported() }
    let members = try objectMembers(&index)
    guard skipWhitespace(index) == bytes.count else { throw Unsupported() }
    var recorded: String?
    var parents: [String]?
    var report: String?
    var id: String?
    var createdAt: String?
    var record: String?
    var recordSHA256: String?
    for member in members {
      switch key(member) {
      case "integrity":
        guard bytes[member.valueStart] == UInt8(ascii: "{") else { throw Unsupported() }
        var inner = member.valueStart
        for field in try objectMembers(&inner) {
          switch key(field) {
          case "sha256": recorded = try plainString(field)
          case "parents":
            parents = try stringArray(field.valueStart)
          case "report_sha256": report = try? plainString(field)
          default: break
          }
        }
      case "id": id = try? plainString(member)
      case "created_at": createdAt = try? plainString(member)
      case "record": record = try? plainString(member)
      case "record_sha256": recordSHA256 = try? plainString(member)
      default: break
      }
    }
    guard let recorded, let parents, Self.isDigest(recorded), parents.allSatisfy(Self.isDigest)
    else {
      throw Unsupported()
    }
    try emitObject(members, droppingSHA256: false, isTopLevel: true)
    var hasher = SHA256()
    out.withUnsafeBytes { hasher.update($0) }
    var digest = FastDocumentDigest(
      computedSHA256: Hex.string(of: hasher.finalize()), recordedSHA256: recorded,
      parents: parents.sorted(), id: id, createdAt: createdAt)
    if let record, let recordSHA256 { digest.amendedRecord = (record, recordSHA256) }
    digest.reportSHA256 = report
    return digest
  }

  // MARK: - Emitting

  /// Emits the value starting at `start` and returns the index just past it.
  ///
  /// `knownEnd`, when the caller already scanned the value, spares a scalar a second scan.
  @discardableResult
  mutating func emitValue(
    _ start: Int, knownEnd: Int? = nil, dropSHA256: Bool = false
  ) throws(Unsupported) -> Int {
    var index = start
    switch bytes[start] {
    case UInt8(ascii: "{"):
      let members = try objectMembers(&index)
      try emitObject(members, droppingSHA256: dropSHA256, isTopLevel: false)
      return index
    case UInt8(ascii: "["):
      depth += 1
      guard depth <= Self.maximumDepth else { throw Unsupported() }
      out.append(UInt8(ascii: "["))
      index = skipWhitespace(start + 1)
      if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
        out.append(UInt8(ascii: "]"))
        depth -= 1
        return index + 1
      }
      while true {
        // Each element is scanned once, as it is emitted.
        index = skipWhitespace(try emitValue(index))
        guard index < bytes.count else { throw Unsupported() }
        if bytes[index] == UInt8(ascii: "]") { break }
        guard bytes[index] == UInt8(ascii: ",") else { throw Unsupported() }
        out.append(UInt8(ascii: ","))
        index = skipWhitespace(index + 1)
      }
      out.append(UInt8(ascii: "]"))
      depth -= 1
      return index + 1
    default:
      let end: Int
      if let knownEnd {
        end = knownEnd
      } else {
        end = try valueEnd(start)
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
      return end
    }
  }

  mutating func emitObject(
    _ members: [Member], droppingSHA256: Bool, isTopLevel: Bool
  ) throws(Unsupported) {
    depth += 1
    guard depth <= Self.maximumDepth else { throw Unsupported() }
    let sorted = members.sorted { keyPrecedes($0, $1) }
    for (left, right) in zip(sorted, sorted.dropFirst()) where !keyPrecedes(left, right) {
      throw Unsupported()  // a duplicate key: the parser reports it
    }
    out.append(UInt8(ascii: "{"))
    var first = true
    for member in sorted {
      if droppingSHA256 && key(member) == "sha256" { continue }
      if !first { out.append(UInt8(ascii: ",")) }
      first = false
      out.append(
        contentsOf: UnsafeBufferPointer(rebasing: bytes[(member.keyStart - 1)...member.keyEnd]))
      out.append(UInt8(ascii: ":"))
      let isIntegrity = isTopLevel && key(member) == "integrity"
      try emitValue(member.valueStart, knownEnd: member.valueEnd, dropSHA256: isIntegrity)
    }
    out.append(UInt8(ascii: "}"))
    depth -= 1
  }

  // MARK: - Scanning

  /// The members of the object at `index` (which must be `{`); moves `index` past it.
  func objectMembers(_ index: inout Int) throws(Unsupported) -> [Member] {
    var members: [Member] = []
    index = skipWhitespace(index + 1)
    guard index < bytes.count else { throw Unsupported() }
    if bytes[index] == UInt8(ascii: "}") {
      index += 1
      return members
    }
    while true {
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Unsupported() }
      let keyStart = index + 1
      let keyEnd = try stringEnd(index, asciiKey: true)
      index = skipWhitespace(keyEnd + 1)
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Unsupported() }
      let valueStart = skipWhitespace(index + 1)
      let valueEnd = try valueEnd(valueStart)
      members.append(
        Member(keyStart: keyStart, keyEnd: keyEnd, valueStart: valueStart, valueEnd: valueEnd))
      index = skipWhitespace(valueEnd)
      guard index < bytes.count else { throw Unsupported() }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return members
      }
      guard bytes[index] == UInt8(ascii: ",") else { throw Unsupported() }
      index = skipWhitespace(index + 1)
    }
  }

  /// The index just past the value starting at `start`, checking it on the way.
  func valueEnd(_ start: Int) throws(Unsupported) -> Int {
    guard start < bytes.count else { throw Unsupported() }
    switch bytes[start] {
    case UInt8(ascii: "\""): return try stringEnd(start, asciiKey: false) + 1
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      return try containerEnd(start, depth: 1)
    case UInt8(ascii: "t"): return try literal(start, "true")
    case UInt8(ascii: "f"): return try literal(start, "false")
    case UInt8(ascii: "n"): return try literal(start, "null")
    default: return try integerEnd(start)
    }
  }

  func containerEnd(_ start: Int, depth level: Int) throws(Unsupported) -> Int {
    guard level <= Self.maximumDepth else { throw Unsupported() }
    let isObject = bytes[start] == UInt8(ascii: "{")
    let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
    var index = skipWhitespace(start + 1)
    guard index < bytes.count else { throw Unsupported() }
    if bytes[index] == close { return index + 1 }
    while true {
      if isObject {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Unsupported() }
        index = skipWhitespace(try stringEnd(index, asciiKey: true) + 1)
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Unsupported() }
        index = skipWhitespace(index + 1)
      }
      guard index < bytes.count else { throw Unsupported() }
      if bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") {
        index = try containerEnd(index, depth: level + 1)
      } else {
        index = try valueEnd(index)
      }
      index = skipWhitespace(index)
      guard index < bytes.count else { throw Unsupported() }
      if bytes[index] == close { return index + 1 }
      guard bytes[index] == UInt8(ascii: ",") else { throw Unsupported() }
      index = skipWhitespace(index + 1)
    }
  }

  /// The index of the closing quote of the string opening at `start`.
  ///
  /// Accepted escapes are exactly those the canonical form writes, so the raw bytes are already
  /// canonical; keys must be plain ASCII (so that byte order is RFC 8785's UTF-16 order).
  func stringEnd(_ start: Int, asciiKey: Bool) throws(Unsupported) -> Int {
    var index = start + 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") { return index }
      if byte < 0x20 { throw Unsupported() }
      if byte == UInt8(ascii: "\\") {
        guard !asciiKey, index + 1 < bytes.count else { throw Unsupported() }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"),
          UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          index += 2
        case UInt8(ascii: "u"):
          try canonicalControlEscape(index)
          index += 6
        default: throw Unsupported()
        }
      } else if byte >= 0x80 {
        guard !asciiKey else { throw Unsupported() }
        index = try utf8SequenceEnd(index)
      } else {
        index += 1
      }
    }
    throw Unsupported()
  }

  /// `\u00xx` in lower case for a control character without a short form.
  func canonicalControlEscape(_ index: Int) throws(Unsupported) {
    guard index + 5 < bytes.count, bytes[index + 2] == UInt8(ascii: "0"),
      bytes[index + 3] == UInt8(ascii: "0"),
      bytes[index + 4] == UInt8(ascii: "0") || bytes[index + 4] == UInt8(ascii: "1")
    else { throw Unsupported() }
    let last = bytes[index + 5]
    let value: UInt8
    switch last {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): value = last - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): value = last - UInt8(ascii: "a") + 10
    default: throw Unsupported()
    }
    let code = (bytes[index + 4] == UInt8(ascii: "1") ? 16 : 0) + value
    // These have short forms (\b \t \n \f \r), which the canonical form uses instead.
    guard ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(code) else { throw Unsupported() }
  }

  /// The end of a well-formed UTF-8 sequence (no overlongs, surrogates or values past U+10FFFF).
  func utf8SequenceEnd(_ index: Int) throws(Unsupported) -> Int {
    let lead = bytes[index]
    let count: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: count = 2
    case 0xE0: count = 3; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: count = 3
    case 0xED: count = 3; high = 0x9F
    case 0xF0: count = 4; low = 0x90
    case 0xF1...0xF3: count = 4
    case 0xF4: count = 4; high = 0x8F
    default: throw Unsupported()
    }
    guard index + count <= bytes.count else { throw Unsupported() }
    guard bytes[index + 1] >= low && bytes[index + 1] <= high else { throw Unsupported() }
    for offset in 2..<max(2, count) where !(0x80...0xBF).contains(bytes[index + offset]) {
      throw Unsupported()
    }
    return index + count
  }

  func literal(_ start: Int, _ word: StaticString) throws(Unsupported) -> Int {
    let count = word.utf8CodeUnitCount
    guard start + count <= bytes.count else { throw Unsupported() }
    for offset in 0..<count where bytes[start + offset] != word.utf8Start[offset] {
      throw Unsupported()
    }
    return start + count
  }

  /// `-?(0|[1-9][0-9]{0,14})`, not `-0`: integers whose canonical form is their own text.
  func integerEnd(_ start: Int) throws(Unsupported) -> Int {
    var index = start
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digitsStart = index
    while index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
    let digits = index - digitsStart
    guard digits >= 1 && digits <= 15 else { throw Unsupported() }
    if bytes[digitsStart] == UInt8(ascii: "0") {
      guard digits == 1 && digitsStart == start else { throw Unsupported() }
    }
    if index < bytes.count {
      let next = bytes[index]
      guard next != UInt8(ascii: ".") && next != UInt8(ascii: "e") && next != UInt8(ascii: "E")
      else { throw Unsupported() }
    }
    return index
  }

  func skipWhitespace(_ start: Int) -> Int {
    var index = start
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return index
      }
    }
    return index
  }

  // MARK: - Reading members

  func key(_ member: Member) -> String {
    String(
      decoding: UnsafeBufferPointer(rebasing: bytes[member.keyStart..<member.keyEnd]), as: UTF8.self
    )
  }

  func keyPrecedes(_ left: Member, _ right: Member) -> Bool {
    let l = UnsafeBufferPointer(rebasing: bytes[left.keyStart..<left.keyEnd])
    let r = UnsafeBufferPointer(rebasing: bytes[right.keyStart..<right.keyEnd])
    return l.lexicographicallyPrecedes(r)
  }

  /// The contents of a string value without escapes; throws for anything else.
  func plainString(_ member: Member) throws(Unsupported) -> String {
    try plainString(at: member.valueStart, end: member.valueEnd)
  }

  func plainString(at start: Int, end: Int) throws(Unsupported) -> String {
    guard bytes[start] == UInt8(ascii: "\""), end - start >= 2 else { throw Unsupported() }
    let contents = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(end - 1)])
    guard !contents.contains(UInt8(ascii: "\\")) else { throw Unsupported() }
    return String(decoding: contents, as: UTF8.self)
  }

  /// The plain strings of the array at `start`.
  func stringArray(_ start: Int) throws(Unsupported) -> [String] {
    guard bytes[start] == UInt8(ascii: "[") else { throw Unsupported() }
    var strings: [String] = []
    var index = skipWhitespace(start + 1)
    guard index < bytes.count else { throw Unsupported() }
    if bytes[index] == UInt8(ascii: "]") { return strings }
    while true {
      let end = try valueEnd(index)
      strings.append(try plainString(at: index, end: end))
      index = skipWhitespace(end)
      guard index < bytes.count else { throw Unsupported() }
      if bytes[index] == UInt8(ascii: "]") { return strings }
      guard bytes[index] == UInt8(ascii: ",") else { throw Unsupported() }
      index = skipWhitespace(index + 1)
    }
  }

  static func isDigest(_ text: String) -> Bool {
    text.utf8.count == 64
      && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
  }
}
