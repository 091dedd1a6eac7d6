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
    var out = OutputBytes(capacity: 1024)
    write(value, to: &out)
    return out.array()
  }

  /// The canonical form as a string, for tests and diagnostics.
  package static func string(of value: JSONValue) -> String {
    String(decoding: bytes(of: value), as: UTF8.self)
  }

  /// Whether every number in `value` is finite, so that RFC 8785 can represent it.
  ///
  /// Each element and member is read in place (not copied out of its array), and a scalar is
  /// settled where it is met: numbers are the only values that can fail, and a document holds
  /// hundreds of strings, each of which would otherwise cost a call and a copy of the value.
  package static func isCanonicalizable(_ value: JSONValue) -> Bool {
    switch value {
    case .null, .bool, .string: return true
    case .number(let number): return number.isFinite
    case .array(let elements):
      return elements.withUnsafeBufferPointer { elements in
        for index in elements.indices where !isScalarCanonicalizable(elements[index]) {
          guard isContainer(elements[index]), isCanonicalizable(elements[index]) else {
            return false
          }
        }
        return true
      }
    case .object(let object):
      return object.members.withUnsafeBufferPointer { members in
        for index in members.indices where !isScalarCanonicalizable(members[index].value) {
          guard isContainer(members[index].value), isCanonicalizable(members[index].value) else {
            return false
          }
        }
        return true
      }
    }
  }

  /// Whether `value` is a scalar RFC 8785 can represent: false for an array or an object
  /// (to be looked into) and for a number that is not finite.
  @inline(__always)
  private static func isScalarCanonicalizable(_ value: JSONValue) -> Bool {
    switch value {
    case .null, .bool, .string: true
    case .number(let number): number.isFinite
    case .array, .object: false
    }
  }

  /// Whether `value` is an array or an object.
  @inline(__always)
  private static func isContainer(_ value: JSONValue) -> Bool {
    switch value {
    case .array, .object: true
    case .null, .bool, .number, .string: false
    }
  }

  /// Appends the canonical bytes of `value` to `out`.
  static func write(_ value: JSONValue, to out: inout OutputBytes) {
    switch value {
    case .null, .bool, .number, .string: writeScalar(value, to: &out)
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
      let order = keyOrder(of: members)
      for offset in members.indices {
        if offset > 0 { out.append(UInt8(ascii: ",")) }
        let member = members[order?[offset] ?? offset]
        JSONStringEscaping.append(member.key, to: &out)
        out.append(UInt8(ascii: ":"))
        write(member.value, to: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  /// Appends the bytes of `value`, which is neither an array nor an object (written the same
  /// way in the canonical and the pretty form).
  static func writeScalar(_ value: JSONValue, to out: inout OutputBytes) {
    switch value {
    case .null: out.append("null")
    case .bool(let flag): out.append(flag ? "true" : "false")
    case .number(let number):
      // Integers below 2^53 (counts, hours) are their digits in ECMAScript too.
      if let integer = Int(exactly: number), integer.magnitude < 1 << 53 {
        out.append(decimal: integer)
      } else {
        out.append(ECMAScriptNumber.format(number) ?? "null")
      }
    case .string(let string): JSONStringEscaping.append(string, to: &out)
    case .array, .object: write(value, to: &out)
    }
  }

  /// The positions of `members` in key order, or nil when they are in key order already.
  ///
  /// The members themselves are not copied (a sorted copy retains and releases every key and
  /// value). Each key's first eight bytes are read once, as a number that orders as they do
  /// when they are ASCII (``KeyPrefix``); only keys whose prefixes tie, or are not ASCII, are
  /// compared in full.
  static func keyOrder(of members: [JSONObject.Member]) -> [Int]? {
    guard members.count > 1 else { return nil }
    // The prefixes on the stack (an object has tens of members at most, nearly always): only
    // an order that is not the members' own is made on the heap.
    return withUnsafeTemporaryAllocation(of: KeyPrefix.self, capacity: members.count) {
      prefixes in
      for index in members.indices {
        prefixes.initializeElement(at: index, to: KeyPrefix(members[index].key))
      }
      return keyOrder(of: members, prefixes: UnsafeBufferPointer(prefixes))
    }
  }

  /// ``keyOrder(of:)`` with each member's ``KeyPrefix`` in `prefixes`.
  private static func keyOrder(
    of members: [JSONObject.Member], prefixes: UnsafeBufferPointer<KeyPrefix>
  ) -> [Int]? {
    func precedes(_ left: Int, _ right: Int) -> Bool {
      let leftPrefix = prefixes[left]
      let rightPrefix = prefixes[right]
      if leftPrefix.isASCII, rightPrefix.isASCII, leftPrefix.value != rightPrefix.value {
        return leftPrefix.value < rightPrefix.value
      }
      return keyPrecedes(members[left].key, members[right].key)
    }
    var sortedCount = 1
    while sortedCount < members.count, precedes(sortedCount - 1, sortedCount) {
      sortedCount += 1
    }
    guard sortedCount < members.count else { return nil }
    var order = Array(members.indices)
    guard members.count <= 64 else {
      order.sort(by: precedes)
      return order
    }
    // Tens of members at most (nearly every object): an insertion sort from the first one out
    // of order, with no merge buffer. Keys are unique, so stability does not arise.
    for position in sortedCount..<order.count {
      let moving = order[position]
      var slot = position
      while slot > 0, precedes(moving, order[slot - 1]) {
        order[slot] = order[slot - 1]
        slot -= 1
      }
      order[slot] = moving
    }
    return order
  }

  /// The first eight bytes of a key as a big-endian number (zeros after a shorter key), so that
  /// two ASCII prefixes that differ order as the keys do: ASCII bytes order as UTF-16 code
  /// units, and a key that ends first is a prefix of the other and comes first.
  struct KeyPrefix {
    /// The bytes, the first one highest.
    var value: UInt64 = 0
    /// Whether all the bytes read are ASCII (else `value` does not decide the order).
    var isASCII = true

    /// The prefix of `key`.
    init(_ key: String) {
      // In place (no copy of the string to call the mutating `withUTF8` on), when contiguous.
      if let read = key.utf8.withContiguousStorageIfAvailable(Self.read) {
        (value, isASCII) = read
        return
      }
      var key = key
      (value, isASCII) = key.withUTF8(Self.read)
    }

    /// The prefix of the UTF-8 `bytes` and whether it is ASCII.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, Bool) {
      var value: UInt64 = 0
      var high: UInt8 = 0
      for index in 0..<8 {
        let byte = index < bytes.count ? bytes[index] : 0
        high |= byte
        value = value << 8 | UInt64(byte)
      }
      return (value, high < 0x80)
    }
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
