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
        if offset > 0 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\n"))
        appendIndent(indent + 1, to: &out)
        write(element, indent: indent + 1, to: &out)
      }
      out.append(UInt8(ascii: "\n"))
      appendIndent(indent, to: &out)
      out.append(UInt8(ascii: "]"))
    case .object(let object) where !object.isEmpty:
      out.append(UInt8(ascii: "{"))
      for (offset, member) in object.members.enumerated() {
        if offset > 0 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\n"))
        appendIndent(indent + 1, to: &out)
        JSONStringEscaping.append(member.key, to: &out)
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
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

  /// Byte by byte: appending a `repeatElement` or a string's UTF-8 view goes through the
  /// generic `append(contentsOf:)`, which cost more than the few bytes it adds.
  private static func appendIndent(_ level: Int, to out: inout [UInt8]) {
    for _ in 0..<(level * 2) { out.append(UInt8(ascii: " ")) }
  }
}
