/// The JSON Canonicalization Scheme (RFC 8785): one byte sequence per JSON value, for hashing.
///
/// Object members are sorted by the UTF-16 code units of their keys, nothing is written between
/// tokens, strings carry only the mandatory escapes, and numbers are written as ECMAScript does.
package enum CanonicalJSON {
  /// The canonical UTF-8 bytes of `value`.
  ///
  /// A non-finite number (which the parser never produces) is written as `null`, as
  /// ECMAScript's `JSON.stringify` does; check ``isCanonicalizable(_:)`` first when a value
  /// comes from code rather than from a file.
  package static func bytes(of value: JSONValue) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(1024)
    write(value, to: &out)
    return out
  }

  /// The canonical form as a string, for tests and diagnostics.
  package static func string(of value: JSONValue) -> String {
    String(decoding: bytes(of: value), as: UTF8.self)
  }

  /// Whether every number in `value` is finite, so that RFC 8785 can represent it.
  package static func isCanonicalizable(_ value: JSONValue) -> Bool {
    switch value {
    case .null, .bool, .string: true
    case .number(let number): number.isFinite
    case .array(let elements): elements.allSatisfy(isCanonicalizable)
    case .object(let object): object.members.allSatisfy { isCanonicalizable($0.value) }
    }
  }

  /// Appends the canonical bytes of `value` to `out`.
  static func write(_ value: JSONValue, to out: inout [UInt8]) {
    switch value {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
    case .number(let number):
      out.append(contentsOf: (ECMAScriptNumber.format(number) ?? "null").utf8)
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
      let sorted = object.members.sorted { keyPrecedes($0.key, $1.key) }
      for (offset, member) in sorted.enumerated() {
        if offset > 0 { out.append(UInt8(ascii: ",")) }
        JSONStringEscaping.append(member.key, to: &out)
        out.append(UInt8(ascii: ":"))
        write(member.value, to: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  /// RFC 8785 §3.2.3 order: by UTF-16 code units.
  ///
  /// UTF-8 byte order is the same as code point order, which differs from UTF-16 order only
  /// when one side has a code point above U+FFFF and the other one from U+E000 to U+FFFF, so
  /// keys that are both ASCII (nearly all) are compared as bytes, without transcoding.
  static func keyPrecedes(_ left: String, _ right: String) -> Bool {
    var leftUTF8 = left.utf8.makeIterator()
    var rightUTF8 = right.utf8.makeIterator()
    while true {
      switch (leftUTF8.next(), rightUTF8.next()) {
      case (nil, nil): return false
      case (nil, _): return true
      case (_, nil): return false
      case (let l?, let r?):
        if l >= 0x80 || r >= 0x80 { return left.utf16.lexicographicallyPrecedes(right.utf16) }
        if l != r { return l < r }
      }
    }
  }
}
