import Foundation
import RunbookCore

/// A JSON value with its path in the document: the cursor the record and amendment decoders
/// read with, so that every error names where it is (`$.actions[2].due`).
struct DocumentReader {
  /// The value at ``path``.
  let value: JSONValue
  /// Where the value is, from the root (`$`).
  let path: String

  /// The reader of a whole document.
  init(root: JSONValue) {
    value = root
    path = "$"
  }

  private init(value: JSONValue, path: String) {
    self.value = value
    self.path = path
  }

  // MARK: - Members

  /// The member `key`, which must be there.
  func member(_ key: String, expected: String) throws(RecordDecodingError) -> DocumentReader {
    guard let found = try object()[key] else {
      throw .missingMember(path: path + "." + key, expected: expected)
    }
    return DocumentReader(value: found, path: path + "." + key)
  }

  /// The member `key`, or nil when it is absent.
  func optionalMember(_ key: String) throws(RecordDecodingError) -> DocumentReader? {
    try object()[key].map { DocumentReader(value: $0, path: path + "." + key) }
  }

  /// The members of an object, in order.
  func members() throws(RecordDecodingError) -> [(key: String, reader: DocumentReader)] {
    try object().members.map {
      ($0.key, DocumentReader(value: $0.value, path: path + "." + $0.key))
    }
  }

  /// The elements of an array.
  func elements() throws(RecordDecodingError) -> [DocumentReader] {
    guard case .array(let items) = value else { throw mismatch("an array") }
    return items.enumerated().map { DocumentReader(value: $1, path: "\(path)[\($0)]") }
  }

  private func object() throws(RecordDecodingError) -> JSONObject {
    guard case .object(let object) = value else { throw mismatch("an object") }
    return object
  }

  // MARK: - Scalars

  /// A string.
  func string() throws(RecordDecodingError) -> String {
    guard case .string(let text) = value else { throw mismatch("a string") }
    return text
  }

  /// A whole number (a line number).
  func int() throws(RecordDecodingError) -> Int {
    guard case .number(let number) = value, number == number.rounded(), abs(number) < 1e15
    else { throw mismatch("a whole number") }
    return Int(number)
  }

  /// `true` or `false`.
  func boolean() throws(RecordDecodingError) -> Bool {
    guard case .bool(let flag) = value else { throw mismatch("true or false") }
    return flag
  }

  /// A string or `null`.
  func optionalString() throws(RecordDecodingError) -> String? {
    switch value {
    case .null: return nil
    case .string(let text): return text
    default: throw mismatch("a string or null")
    }
  }

  /// A list of strings.
  func strings() throws(RecordDecodingError) -> [String] {
    try elements().map { (element) throws(RecordDecodingError) in try element.string() }
  }

  /// A time as the archive writes it: RFC 3339 UTC in whole seconds (`2026-04-01T09:30:00Z`).
  ///
  /// Other forms a person might write (offsets, fractions) are refused, so that a decoded
  /// record writes out to the same bytes.
  func time() throws(RecordDecodingError) -> Date {
    guard case .string(let text) = value, let date = UTCTimestamp.date(from: text),
      UTCTimestamp.string(from: date) == text
    else { throw mismatch(Self.timeExpectation) }
    return date
  }

  /// One of an enumeration's raw values.
  func raw<Raw: RawRepresentable & CaseIterable>(
    _ type: Raw.Type
  ) throws(RecordDecodingError) -> Raw where Raw.RawValue == String {
    guard case .string(let text) = value, let found = Raw(rawValue: text) else {
      throw mismatch("one of " + Raw.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return found
  }

  /// The error for a value that is not `expected`.
  func mismatch(_ expected: String) -> RecordDecodingError {
    .unexpectedValue(path: path, expected: expected, found: Self.describe(value))
  }

  static let timeExpectation = "an RFC 3339 UTC time like 2026-04-01T09:30:00Z"

  /// What was found, in a few words: a string quoted, else its kind.
  static func describe(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .number: "a number"
    case .string(let text):
      SecretScanner.firstMatch(in: text) == nil
        ? "\"\(text)\"" : "\"\(text.prefix(SecretScanner.maskedPrefixLength))…\" (masked)"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
