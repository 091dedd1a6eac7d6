/// Writes a JSON value's pretty form (as ``JSONPrettyPrinter`` does) and its canonical form (as
/// ``CanonicalJSON`` does) in one walk, for a document that is both hashed and stored.
///
/// Each string and number is written once, into the pretty bytes, and copied from there into
/// the canonical ones. The canonical members of an object whose keys are not in order are
/// written in the object's order, then moved into key order (most objects need no move).
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

  /// A writer whose two outputs have room for about `capacity` bytes.
  init(capacity: Int) {
    pretty = OutputBytes(capacity: capacity)
    canonical = OutputBytes(capacity: capacity)
    scratch = OutputBytes(capacity: capacity / 4)
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
      for (offset, element) in elements.enumerated() {
        if offset > 0 {
          pretty.append(UInt8(ascii: ","))
          canonical.append(UInt8(ascii: ","))
        }
        JSONPrettyPrinter.appendLineBreak(indent: indent + 1, to: &pretty)
        write(element, indent: indent + 1)
      }
      JSONPrettyPrinter.appendLineBreak(indent: indent, to: &pretty)
      pretty.append(UInt8(ascii: "]"))
      canonical.append(UInt8(ascii: "]"))
    case .object(let object) where !object.isEmpty:
      writeObject(object.members, indent: indent) { writer, member, indent in
        writer.writeMember(member, indent: indent)
      }
    case .array:
      pretty.append("[]")
      canonical.append("[]")
    case .object:
      pretty.append("{}")
      canonical.append("{}")
    case .null, .bool, .number, .string:
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
    var ends: [Int] = []
    if order != nil { ends.reserveCapacity(members.count) }
    for (offset, member) in members.enumerated() {
      if offset > 0 {
        pretty.append(UInt8(ascii: ","))
        canonical.append(UInt8(ascii: ","))
      }
      writeMember(&self, member, indent + 1)
      if order != nil { ends.append(canonical.count) }
    }
    if let order { putInKeyOrder(from: canonicalStart, ends: ends, order: order) }
    JSONPrettyPrinter.appendLineBreak(indent: indent, to: &pretty)
    pretty.append(UInt8(ascii: "}"))
    canonical.append(UInt8(ascii: "}"))
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
  /// ending at `ends[i]`) in the order `order`.
  private mutating func putInKeyOrder(from start: Int, ends: [Int], order: [Int]) {
    scratch.truncate(to: 0)
    scratch.append(canonical, range: start..<canonical.count)
    canonical.truncate(to: start)
    for (offset, index) in order.enumerated() {
      if offset > 0 { canonical.append(UInt8(ascii: ",")) }
      // Member `index` starts after the comma that ends the one before it.
      let memberStart = index == 0 ? 0 : ends[index - 1] + 1 - start
      canonical.append(scratch, range: memberStart..<(ends[index] - start))
    }
  }
}
