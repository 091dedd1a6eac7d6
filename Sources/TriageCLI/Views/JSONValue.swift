/// A JSON value whose objects keep their keys in the order they were written, so that generated
/// JSON (schemas, `--json` output) is stable and reads in a sensible order.
///
/// Written by hand rather than with `JSONSerialization`, which does not keep key order.
enum JSONValue: Equatable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case null
  case array([JSONValue])
  /// Members in order; keys are expected to be unique.
  case object([Member])

  /// One `"key": value` member of an object.
  struct Member: Equatable {
    var key: String
    var value: JSONValue

    init(_ key: String, _ value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// The value on one line, with no spaces.
  var compact: String {
    switch self {
    case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
    case .object(let members):
      return "{"
        + members.map { Self.quoted($0.key) + ":" + $0.value.compact }
        .joined(separator: ",") + "}"
    default: return scalarText
    }
  }

  /// The value pretty-printed with two-space indentation, without a trailing newline.
  ///
  /// Empty arrays and objects stay on one line (`[]`, `{}`).
  func pretty(indent: Int = 0) -> String {
    let inner = String(repeating: " ", count: indent + 2)
    let outer = String(repeating: " ", count: indent)
    switch self {
    case .array(let items) where !items.isEmpty:
      let lines = items.map { inner + $0.pretty(indent: indent + 2) }
      return "[\n" + lines.joined(separator: ",\n") + "\n" + outer + "]"
    case .object(let members) where !members.isEmpty:
      let lines = members.map {
        inner + Self.quoted($0.key) + ": " + $0.value.pretty(indent: indent + 2)
      }
      return "{\n" + lines.joined(separator: ",\n") + "\n" + outer + "}"
    default:
      return compact
    }
  }

  private var scalarText: String {
    switch self {
    case .string(let text): return Self.quoted(text)
    case .number(let number): return Self.numberText(number)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    case .array: return "[]"
    case .object: return "{}"
    }
  }

  /// A whole number without a fraction (`3`, not `3.0`); JSON has no NaN or infinity, so those
  /// become `null`.
  static func numberText(_ number: Double) -> String {
    guard number.isFinite else { return "null" }
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    return String(number)
  }

  /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case let scalar where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}

extension JSONValue {
  /// `.string` for text, `.null` for nil.
  static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  /// An array of strings.
  static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }
}
