/// A JSON value, as read from or written to an archive file.
///
/// Objects keep their members in insertion order (see ``JSONObject``), so a document written by
/// the pretty printer reads back with the same key order, and people see fields in the order the
/// writer chose. Numbers are IEEE 754 doubles, which is what RFC 8785 canonicalizes.
package enum JSONValue: Sendable, Equatable {
  /// The literal `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A finite number. Non-finite values cannot be written (the printers refuse them).
  case number(Double)
  /// A string of Unicode scalars (lone surrogates are refused by the parser).
  case string(String)
  /// An ordered list of values.
  case array([JSONValue])
  /// An object whose members keep their insertion order.
  case object(JSONObject)
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  /// Creates `null`.
  package init(nilLiteral: ()) { self = .null }
  /// Creates a boolean.
  package init(booleanLiteral value: Bool) { self = .bool(value) }
  /// Creates a number from an integer literal.
  package init(integerLiteral value: Int) { self = .number(Double(value)) }
  /// Creates a number.
  package init(floatLiteral value: Double) { self = .number(value) }
  /// Creates a string.
  package init(stringLiteral value: String) { self = .string(value) }
  /// Creates an array.
  package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  /// Creates an object with the members in the order written; a repeated key keeps the last value.
  package init(dictionaryLiteral elements: (String, JSONValue)...) {
    var object = JSONObject()
    for (key, value) in elements { object[key] = value }
    self = .object(object)
  }
}
