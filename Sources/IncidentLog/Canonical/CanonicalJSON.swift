/// The JSON Canonicalization Scheme (RFC 8785): one byte sequence per JSON value, for hashing.
///
/// Object members are sorted by the UTF-16 code units of their keys, nothing is written between
/// tokens, strings carry only the mandatory escapes, and numbers are written as ECMAScript does.
public enum CanonicalJSON {
  /// The canonical UTF-8 bytes of `value`.
  ///
  /// A non-finite number (which the parser never produces) is written as `null`, as
  /// ECMAScript's `JSON.stringify` does; check ``isCanonicalizable(_:)`` first when a value
  /// comes from code rather than from a file.
  public static func bytes(of value: JSONValue) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(1024)
    write(value, to: &out)
    return out
  }

  /// The canonical form as a string, for tests and diagnostics.
  public static func string(of value: JSONValue) -> String {
    String(decoding: bytes(of: value), as: UTF8.self)
  }

  /// Whether every number in `value` is finite, so that RFC 8785 can represent it.
  public static func isCanonicalizable(_ value: JSONValue) -> Bool {
    switch value {
    case .null, .bool, .string: true
    case .number(let number): number.isFinite
    case .array(let elements): elements.allSatisfy(isCanonicalizable)
    case .object(let object): object.members.allSatisfy { isCanonicalizable($0.value) }
    }
  }

  private static func write(_ value: JSONValue, to out: inout [UInt8]) {
    switch value {
    case .null: out += Array("null".utf8)
    case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
    case .number(let number): out += Array((ECMAScriptNumber.format(number) ?? "null").utf8)
    case .string(let string): JSONStringEscaping.append(string, to: &out)
    case .array(let elements):
      out.append(UInt8(ascii: "["))
      for (offset, element) in elements.enumerated() {
        if offset > 0 { out.append(UInt8(ascii: ",")) }
        write(element, to: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let object):
      out.append(UInt8(ascii: "{"))
      let sorted = object.members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
      for (offset, member) in sorted.enumerated() {
        if offset > 0 { out.append(UInt8(ascii: ",")) }
        JSONStringEscaping.append(member.key, to: &out)
        out.append(UInt8(ascii: ":"))
        write(member.value, to: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }
}
