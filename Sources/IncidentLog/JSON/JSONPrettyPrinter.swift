/// Writes JSON for people to read: two-space indentation, members in insertion order, one
/// member or element per line, and a newline at the end.
///
/// The output is stable (the same value always gives the same bytes) and parses back to an equal
/// value. Strings and numbers are written as in ``CanonicalJSON``.
package enum JSONPrettyPrinter {
  /// The pretty UTF-8 bytes of `value`, ending with a newline.
  package static func bytes(of value: JSONValue) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    write(value, indent: 0, to: &out)
    out.append(UInt8(ascii: "\n"))
    return out
  }

  /// The pretty text of `value`, ending with a newline.
  package static func string(of value: JSONValue) -> String {
    String(decoding: bytes(of: value), as: UTF8.self)
  }

  private static func write(_ value: JSONValue, indent: Int, to out: inout [UInt8]) {
    switch value {
    case .array(let elements) where !elements.isEmpty:
      out.append(UInt8(ascii: "["))
      for (offset, element) in elements.enumerated() {
        out.append(contentsOf: (offset > 0 ? ",\n" : "\n").utf8)
        appendIndent(indent + 1, to: &out)
        write(element, indent: indent + 1, to: &out)
      }
      out.append(UInt8(ascii: "\n"))
      appendIndent(indent, to: &out)
      out.append(UInt8(ascii: "]"))
    case .object(let object) where !object.isEmpty:
      out.append(UInt8(ascii: "{"))
      for (offset, member) in object.members.enumerated() {
        out.append(contentsOf: (offset > 0 ? ",\n" : "\n").utf8)
        appendIndent(indent + 1, to: &out)
        JSONStringEscaping.append(member.key, to: &out)
        out.append(contentsOf: ": ".utf8)
        write(member.value, indent: indent + 1, to: &out)
      }
      out.append(UInt8(ascii: "\n"))
      appendIndent(indent, to: &out)
      out.append(UInt8(ascii: "}"))
    case .array: out.append(contentsOf: "[]".utf8)
    case .object: out.append(contentsOf: "{}".utf8)
    case .null, .bool, .number, .string:
      CanonicalJSON.write(value, to: &out)
    }
  }

  private static func appendIndent(_ level: Int, to out: inout [UInt8]) {
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
  }
}
