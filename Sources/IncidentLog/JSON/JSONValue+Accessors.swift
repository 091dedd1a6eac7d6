extension JSONValue {
  /// The string, if this is a string.
  package var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number, if this is a number.
  package var numberValue: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The boolean, if this is a boolean.
  package var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The elements, if this is an array.
  package var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The members, if this is an object.
  package var objectValue: JSONObject? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// Whether this is `null`.
  package var isNull: Bool { self == .null }

  /// The member named `key` of an object; nil for a missing key or a value that is not an object.
  ///
  /// Setting a member of a value that is not an object does nothing.
  package subscript(key: String) -> JSONValue? {
    get { objectValue?[key] }
    set {
      guard case .object(var object) = self else { return }
      object[key] = newValue
      self = .object(object)
    }
  }

  /// The element at `index` of an array; nil when out of range or not an array.
  package subscript(index: Int) -> JSONValue? {
    guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
    return elements[index]
  }
}
