/// Writes a JSON value's pretty form (as ``JSONPrettyPrinter`` does) and its canonical form (as
/// ``CanonicalJSON`` does) in one walk, for a document that is both hashed and stored.
///
/// Each string and number is written once, into the pretty bytes, and copied from there into
/// the canonical ones. The canonical members of an object whose keys are not in order are
/// written in the object's order, then moved into key order (most objects need no move).
///
/// Objects of up to ``largestShape`` members are written by their shape (their keys, in their
/// order): the first object of a shape finds its key order and escapes its keys once, and every
/// later object with the same keys (a record's trail entries, actions, sources) copies both.
///
/// ```swift
/// var writer = JSONTwinWriter(capacity: 1 << 15)
/// writer.write(document, indent: 0)
/// let hash = writer.canonical.withBytes { SHA256.hash($0) }
/// ```
struct JSONTwinWriter: ~Copyable {
  /// The pretty bytes written so far.
  var pretty: OutputBytes
  /// The canonical bytes written so far.
  var canonical: OutputBytes
  /// Where an object's canonical members are copied while they are put in key order.
  private var scratch: OutputBytes
  /// Where each member of the objects being written ends in the canonical bytes, the objects
  /// nested in one another each using the entries after its parent's.
  private var ends: [Int] = []
  /// The shapes met so far: shape `i` has the keys `shapeKeys[shapeKeyRanges[i]]`.
  private var shapeKeyRanges: [Range<Int>] = []
  /// The keys of all shapes, one after another.
  private var shapeKeys: [String] = []
  /// The bits of each key of `shapeKeys` (see ``KeyBits``), compared before the key's bytes.
  private var shapeKeyBits: [KeyBits] = []
  /// Where each key of `shapeKeys` is in `keyBytes`, escaped and quoted.
  private var keyByteRanges: [Range<Int>] = []
  /// The canonical order of each shape's members, nil when it is the order they come in.
  private var shapeOrders: [[Int]?] = []
  /// The keys of all shapes as JSON strings (the same in both forms).
  private var keyBytes: OutputBytes
  /// The shape last written at each depth, tried first: the objects of one array (a record's
  /// trail entries, their sources) nearly always share theirs.
  private var shapeHints: [Int] = []

  /// The most members an object may have to be written by its shape: larger ones (a record's
  /// answers) are seldom repeated.
  static let largestShape = 12
  /// The most shapes kept.
  private static let shapeLimit = 64

  /// A writer whose two outputs have room for about `capacity` bytes.
  init(capacity: Int) {
    pretty = OutputBytes(capacity: capacity)
    canonical = OutputBytes(capacity: capacity)
    // As large as the canonical bytes, which it takes the place of (`putInKeyOrder`): only
    // the pages written are ever touched.
    scratch = OutputBytes(capacity: capacity)
    keyBytes = OutputBytes(capacity: 1024)
  }

  /// Gives back the memory of the canonical bytes (and of the reordering), once they are hashed.
  mutating func releaseCanonical() {
    canonical.releaseMemory()
    scratch.releaseMemory()
  }

  /// Writes `value` in both forms; its pretty lines after the first are indented by `indent`
  /// levels.
  mutating func write(_ value: JSONValue, indent: Int) {
    switch value {
    case .array(let elements) where !elements.isEmpty:
      pretty.append(UInt8(ascii: "["))
      canonical.append(UInt8(ascii: "["))
      // Each element read in place, not copied out of the array.
      elements.withUnsafeBufferPointer { elements in
        for offset in elements.indices {
          if offset > 0 {
            pretty.append(UInt8(ascii: ","))
            canonical.append(UInt8(ascii: ","))
          }
          JSONPrettyPrinter.appendLineBreak(indent: indent + 1, to: &pretty)
          write(elements[offset], indent: indent + 1)
        }
      }
      JSONPrettyPrinter.appendLineBreak(indent: indent, to: &pretty)
      pretty.append(UInt8(ascii: "]"))
      canonical.append(UInt8(ascii: "]"))
    case .object(let object) where !object.isEmpty:
      let members = object.members
      if members.count <= Self.largestShape, let shape = shape(of: members, indent: indent) {
        writeObject(members, shape: shape, indent: indent)
      } else {
        writeObject(members, indent: indent) { writer, member, indent in
          writer.writeMember(member, indent: indent)
        }
      }
    case .array:
      pretty.append("[]")
      canonical.append("[]")
    case .object:
      pretty.append("{}")
      canonical.append("{}")
    case .string(let string):
      let start = pretty.count
      JSONStringEscaping.append(string, to: &pretty)
      canonical.append(pretty, range: start..<pretty.count)
    case .null, .bool, .number:
      let start = pretty.count
      CanonicalJSON.writeScalar(value, to: &pretty)
      canonical.append(pretty, range: start..<pretty.count)
    }
  }

  /// Writes an object of `members`, each one by `writeMember` (given this writer, the member
  /// and its indentation), which must write the member's line break, key and value in both
  /// forms, as ``writeMember(_:indent:)`` does.
  mutating func writeObject(
    _ members: [JSONObject.Member], indent: Int,
    writeMember: (inout JSONTwinWriter, JSONObject.Member, Int) -> Void
  ) {
    let order = CanonicalJSON.keyOrder(of: members)
    pretty.append(UInt8(ascii: "{"))
    canonical.append(UInt8(ascii: "{"))
    let canonicalStart = canonical.count
    // Where each member's canonical bytes end, for an object to put in key order.
    let endsStart = ends.count
    for (offset, member) in members.enumerated() {
      if offset > 0 {
        pretty.append(UInt8(ascii: ","))
        canonical.append(UInt8(ascii: ","))
      }
      writeMember(&self, member, indent + 1)
      if order != nil { ends.append(canonical.count) }
    }
    if let order { putInKeyOrder(from: canonicalStart, endsStart: endsStart, order: order) }
    JSONPrettyPrinter.appendLineBreak(indent: indent, to: &pretty)
    pretty.append(UInt8(ascii: "}"))
    canonical.append(UInt8(ascii: "}"))
  }

  /// Writes an object of `members` whose keys are those of shape `shape`: each key copied from
  /// the shape's escaped bytes, the canonical members put in the shape's order.
  private mutating func writeObject(_ members: [JSONObject.Member], shape: Int, indent: Int) {
    let firstKey = shapeKeyRanges[shape].lowerBound
    let order = shapeOrders[shape]
    pretty.append(UInt8(ascii: "{"))
    canonical.append(UInt8(ascii: "{"))
    let canonicalStart = canonical.count
    let endsStart = ends.count
    members.withUnsafeBufferPointer { members in
      for offset in members.indices {
        if offset > 0 {
          pretty.append(UInt8(ascii: ","))
          canonical.append(UInt8(ascii: ","))
        }
        JSONPrettyPrinter.appendLineBreak(indent: indent + 1, to: &pretty)
        let key = keyByteRanges[firstKey + offset]
        pretty.append(keyBytes, range: key)
        canonical.append(keyBytes, range: key)
        pretty.append(UInt8(ascii: ":"), UInt8(ascii: " "))
        canonical.append(UInt8(ascii: ":"))
        write(members[offset].value, indent: indent + 1)
        if order != nil { ends.append(canonical.count) }
      }
    }
    if let order { putInKeyOrder(from: canonicalStart, endsStart: endsStart, order: order) }
    JSONPrettyPrinter.appendLineBreak(indent: indent, to: &pretty)
    pretty.append(UInt8(ascii: "}"))
    canonical.append(UInt8(ascii: "}"))
  }

  /// The shape whose keys are the keys of `members`, in their order: one met before (the one
  /// last written at depth `indent` tried first), or a new one; nil when no more are kept.
  private mutating func shape(of members: [JSONObject.Member], indent: Int) -> Int? {
    while shapeHints.count <= indent { shapeHints.append(-1) }
    let hint = shapeHints[indent]
    if hint >= 0, isShape(hint, of: members) { return hint }
    for shape in shapeKeyRanges.indices where shape != hint && isShape(shape, of: members) {
      shapeHints[indent] = shape
      return shape
    }
    guard shapeKeyRanges.count < Self.shapeLimit else { return nil }
    shapeHints[indent] = shapeKeyRanges.count
    shapeKeyRanges.append(shapeKeys.count..<(shapeKeys.count + members.count))
    for member in members {
      let start = keyBytes.count
      JSONStringEscaping.append(member.key, to: &keyBytes)
      shapeKeys.append(member.key)
      shapeKeyBits.append(KeyBits(member.key))
      keyByteRanges.append(start..<keyBytes.count)
    }
    shapeOrders.append(CanonicalJSON.keyOrder(of: members))
    return shapeKeyRanges.count - 1
  }

  /// Whether shape `shape` has the keys of `members`, in their order.
  ///
  /// A key with the same bits as the shape's is the same key (a record's keys are literals, so
  /// nearly every one that matches has the same bits); only the others are compared by bytes.
  private func isShape(_ shape: Int, of members: [JSONObject.Member]) -> Bool {
    let keys = shapeKeyRanges[shape]
    guard keys.count == members.count else { return false }
    return members.withUnsafeBufferPointer { members in
      for offset in members.indices {
        let index = keys.lowerBound + offset
        if shapeKeyBits[index] == KeyBits(members[offset].key) { continue }
        guard JSONObject.isSameKey(shapeKeys[index], members[offset].key) else { return false }
      }
      return true
    }
  }

  /// The two words a `String` is made of.
  ///
  /// They are equal for two strings with the same small-string bytes or the same storage (and
  /// then the same text), so that most keys are matched without reading their bytes. Different
  /// bits say nothing: the bytes decide. Where a `String` is not two words (a 32-bit
  /// platform), no two keys' bits are equal.
  private struct KeyBits: Equatable {
    var low: UInt64
    var high: UInt64
    /// Whether the words are a string's (always, on 64-bit platforms).
    var isKnown: Bool

    /// The bits of `key`.
    @inline(__always)
    init(_ key: String) {
      guard MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size else {
        (low, high, isKnown) = (0, 0, false)
        return
      }
      (low, high) = unsafeBitCast(key, to: (UInt64, UInt64).self)
      isKnown = true
    }

    static func == (left: KeyBits, right: KeyBits) -> Bool {
      left.isKnown && left.low == right.low && left.high == right.high
    }
  }

  /// Writes one member, indented by `indent` levels: `"key": value` on a new pretty line, and
  /// `"key":value` in canonical form.
  mutating func writeMember(_ member: JSONObject.Member, indent: Int) {
    JSONPrettyPrinter.appendLineBreak(indent: indent, to: &pretty)
    let keyStart = pretty.count
    JSONStringEscaping.append(member.key, to: &pretty)
    canonical.append(pretty, range: keyStart..<pretty.count)
    pretty.append(UInt8(ascii: ":"), UInt8(ascii: " "))
    canonical.append(UInt8(ascii: ":"))
    write(member.value, indent: indent)
  }

  /// Rewrites the canonical members written from `start` on (separated by commas, member `i`
  /// ending at `ends[endsStart + i]`) in the order `order`, and forgets their ends.
  ///
  /// Members with little before them (the document's own) are copied once, in order, after a
  /// copy of what comes before them, and the two buffers trade places; the others are copied
  /// aside and back in order.
  private mutating func putInKeyOrder(from start: Int, endsStart: Int, order: [Int]) {
    if start <= (canonical.count - start) / 4 {
      scratch.truncate(to: 0)
      scratch.append(canonical, range: 0..<start)
      for (offset, index) in order.enumerated() {
        if offset > 0 { scratch.append(UInt8(ascii: ",")) }
        // Member `index` starts after the comma that ends the one before it.
        let memberStart = index == 0 ? start : ends[endsStart + index - 1] + 1
        scratch.append(canonical, range: memberStart..<ends[endsStart + index])
      }
      canonical.exchange(with: &scratch)
    } else {
      scratch.truncate(to: 0)
      scratch.append(canonical, range: start..<canonical.count)
      canonical.truncate(to: start)
      for (offset, index) in order.enumerated() {
        if offset > 0 { canonical.append(UInt8(ascii: ",")) }
        let memberStart = index == 0 ? 0 : ends[endsStart + index - 1] + 1 - start
        canonical.append(scratch, range: memberStart..<(ends[endsStart + index] - start))
      }
    }
    ends.removeSubrange(endsStart...)
  }
}
