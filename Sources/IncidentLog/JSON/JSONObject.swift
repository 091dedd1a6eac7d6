/// The members of a JSON object, in insertion order, with unique keys.
///
/// Archive documents are small (tens of keys), so lookups scan the member list; this keeps the
/// type a plain value with a stable order and no hashing.
package struct JSONObject: Sendable, Equatable {
  /// One `"key": value` pair.
  package struct Member: Sendable, Equatable {
    /// The member's name.
    package var key: String
    /// The member's value.
    package var value: JSONValue

    /// Creates a member.
    package init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// The members in insertion order.
  ///
  /// Equality compares them in this order.
  package private(set) var members: [Member]

  /// Creates an empty object.
  package init() { members = [] }

  /// Creates an object from members; a repeated key keeps its first position and last value.
  package init(_ members: [Member]) {
    self.members = []
    for member in members { self[member.key] = member.value }
  }

  /// The keys in insertion order.
  package var keys: [String] { members.map(\.key) }

  /// The number of members.
  package var count: Int { members.count }

  /// Whether the object has no members.
  package var isEmpty: Bool { members.isEmpty }

  /// The value for `key`, or nil.
  ///
  /// Setting a value replaces it in place or appends it at the end;
  /// setting nil removes the member.
  package subscript(key: String) -> JSONValue? {
    get { members.first { Self.isSameKey($0.key, key) }?.value }
    set {
      let index = members.firstIndex { Self.isSameKey($0.key, key) }
      switch (index, newValue) {
      case (let index?, let value?): members[index].value = value
      case (let index?, nil): members.remove(at: index)
      case (nil, let value?):
        // Room for a few members at once: most objects have several, and growing one at a
        // time reallocates at one, two and four.
        if members.capacity == 0 { members.reserveCapacity(8) }
        members.append(Member(key: key, value: value))
      case (nil, nil): break
      }
    }
  }

  /// Whether a member named `key` exists.
  package func contains(key: String) -> Bool { members.contains { Self.isSameKey($0.key, key) } }

  /// Removes the member named `key` and returns its value.
  @discardableResult
  package mutating func removeValue(forKey key: String) -> JSONValue? {
    guard let index = members.firstIndex(where: { Self.isSameKey($0.key, key) }) else {
      return nil
    }
    return members.remove(at: index).value
  }

  /// Appends a member without checking for a duplicate key (the parser checks first).
  mutating func appendUnchecked(key: String, value: JSONValue) {
    members.append(Member(key: key, value: value))
  }

  /// An empty object with room for `capacity` members, for a writer that knows how many.
  init(capacity: Int) {
    members = []
    members.reserveCapacity(capacity)
  }

  /// Appends `value` as a new member named `key`, or nothing when it is nil: what setting it
  /// through the subscript does when no member has that name, without looking for one (a
  /// writer whose keys are all different literals; checked in debug builds).
  mutating func appendNew(_ key: String, _ value: JSONValue?) {
    guard let value else { return }
    assert(!contains(key: key), "appendNew(\(key)): the object has that key already")
    members.append(Member(key: key, value: value))
  }

  /// Keys match by their exact code points, as in JSON and RFC 8785, not by Swift's `==`,
  /// which treats canonically equivalent strings (`"é"` and `"e\u{301}"`) as equal.
  ///
  /// The byte counts are compared first (an O(1) property of native strings), which settles
  /// nearly every pair a lookup meets without touching their bytes; then eight bytes at a time
  /// (a generic `elementsEqual` costs about ten times as much on a short key).
  static func isSameKey(_ left: String, _ right: String) -> Bool {
    guard left.utf8.count == right.utf8.count else { return false }
    // In place when both are contiguous (native strings always are), else on copies.
    let inPlace = left.utf8.withContiguousStorageIfAvailable { leftBytes in
      right.utf8.withContiguousStorageIfAvailable { sameBytes(leftBytes, $0) }
    }
    if let inPlace, let same = inPlace { return same }
    var left = left
    var right = right
    return left.withUTF8 { leftBytes in right.withUTF8 { sameBytes(leftBytes, $0) } }
  }

  /// Whether `left` and `right` (of the same count) hold the same bytes.
  private static func sameBytes(
    _ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
    let count = left.count
    var index = 0
    while index + 8 <= count {
      guard
        UnsafeRawPointer(leftBase + index).loadUnaligned(as: UInt64.self)
          == UnsafeRawPointer(rightBase + index).loadUnaligned(as: UInt64.self)
      else { return false }
      index += 8
    }
    while index < count {
      guard leftBase[index] == rightBase[index] else { return false }
      index += 1
    }
    return true
  }
}

extension JSONObject: ExpressibleByArrayLiteral {
  /// An object with `members` in the order written.
  package init(arrayLiteral members: Member...) {
    self.init(members)
  }
}
