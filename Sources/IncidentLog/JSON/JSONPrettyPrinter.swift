/// Writes JSON for people to read: two-space indentation, members in insertion order, one
/// member or element per line, and a newline at the end.
///
/// The output is stable (the same value always gives the same bytes) and parses back to an equal
/// value. Strings and numbers are written as in ``CanonicalJSON``.
package enum JSONPrettyPrinter {
  /// The pretty UTF-8 bytes of `value`, ending with a newline.
  package static func bytes(of value: JSONValue) -> [UInt8] {
    var out = OutputBytes(capacity: 4096)
    write(value, indent: 0, to: &out)
    out.append(UInt8(ascii: "\n"))
    return out.array()
  }

  /// The pretty text of `value`, ending with a newline.
  package static func string(of value: JSONValue) -> String {
    String(decoding: bytes(of: value), as: UTF8.self)
  }

  /// Appends the pretty bytes of `value` (no newline at the end), its lines after the first
  /// indented by `indent` levels.
  static func write(_ value: JSONValue, indent: Int, to out: inout OutputBytes) {
    switch value {
    case .array(let elements) where !elements.isEmpty:
      out.append(UInt8(ascii: "["))
      for (offset, element) in elements.enumerated() {
        if offset > 0 { out.append(UInt8(ascii: ",")) }
        appendLineBreak(indent: indent + 1, to: &out)
        write(element, indent: indent + 1, to: &out)
      }
      appendLineBreak(indent: indent, to: &out)
      out.append(UInt8(ascii: "]"))
    case .object(let object) where !object.isEmpty:
      out.append(UInt8(ascii: "{"))
      for (offset, member) in object.members.enumerated() {
        if offset > 0 { out.append(UInt8(ascii: ",")) }
        appendLineBreak(indent: indent + 1, to: &out)
        JSONStringEscaping.append(member.key, to: &out)
        out.append(UInt8(ascii: ":"), UInt8(ascii: " "))
        write(member.value, indent: indent + 1, to: &out)
      }
      appendLineBreak(indent: indent, to: &out)
      out.append(UInt8(ascii: "}"))
    case .array: out.append("[]")
    case .object: out.append("{}")
    case .null, .bool, .number, .string:
      CanonicalJSON.writeScalar(value, to: &out)
    }
  }

  /// A newline and the indentation of `level` (two spaces a level).
  @inline(__always)
  static func appendLineBreak(indent level: Int, to out: inout OutputBytes) {
    out.append(UInt8(ascii: "\n"))
    out.append(repeating: UInt8(ascii: " "), times: level * 2)
  }
}
