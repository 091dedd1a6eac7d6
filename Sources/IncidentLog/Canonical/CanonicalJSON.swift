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
      let members = object.members
      let order = sortedOrder(of: members)
      for (offset, index) in order.enumerated() {
        if offset > 0 { out.append(UInt8(ascii: ",")) }
        JSONStringEscaping.append(members[index].key, to: &out)
        out.append(UInt8(ascii: ":"))
        write(members[index].value, to: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  /// The positions of `members` in key order: the members themselves are not copied (a sorted
  /// copy retains and releases every key and value), and members already in order (checked
  /// first, in one pass) are not sorted at all.
  private static func sortedOrder(of members: [JSONObject.Member]) -> [Int] {
    var order = Array(members.indices)
    var isSorted = true
    for index in members.indices.dropFirst()
    where !keyPrecedes(members[index - 1].key, members[index].key) {
      isSorted = false
      break
    }
    if !isSorted { order.sort { keyPrecedes(members[$0].key, members[$1].key) } }
    return order
  }

  /// RFC 8785 §3.2.3 order: by UTF-16 code units.
  ///
  /// UTF-8 byte order is the same as code point order, which differs from UTF-16 order only
  /// when one side has a code point above U+FFFF and the other one from U+E000 to U+FFFF, so
  /// keys that are both ASCII (nearly all) are compared as bytes, without transcoding.
  static func keyPrecedes(_ left: String, _ right: String) -> Bool {
    var left = left
    var right = right
    // On the strings' own bytes. Up to the first byte that differs, the two are the same code
    // points; if both differing bytes are ASCII, that byte decides in UTF-16 order too.
    let decided: Bool? = left.withUTF8 { leftBytes in
      right.withUTF8 { rightBytes in
        let count = min(leftBytes.count, rightBytes.count)
        var index = 0
        while index < count {
          let l = leftBytes[index]
          let r = rightBytes[index]
          if l != r { return l >= 0x80 || r >= 0x80 ? nil : l < r }
          index += 1
        }
        return leftBytes.count < rightBytes.count
      }
    }
    return decided ?? left.utf16.lexicographicallyPrecedes(right.utf16)
  }
}
