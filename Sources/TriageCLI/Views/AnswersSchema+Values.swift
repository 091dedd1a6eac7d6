import IncidentLog
import RunbookCore

/// The schemas of single answer values, written to accept exactly what `AnswerReader` accepts
/// (docs/answers-format.md, "What the schema checks").
///
/// Each one is a list of `anyOf` alternatives: a plain `enum` (so an editor completes the usual spellings) and
/// the full rule as a `pattern` or a `format`.
extension AnswersSchema {
  /// `yes`, `no`, `y`, `n`, `true`, `false` in any letter case, spaces around, or a boolean.
  static let yesNo: [JSONValue] = [
    .object([.init("type", .string("boolean"))]),
    .object([.init("enum", .strings(["yes", "no", "y", "n", "true", "false"]))]),
    .object([
      .init("type", .string("string")),
      .init(
        "pattern",
        .string(
          trimmedWhole(
            "(?:"
              + ["yes", "no", "y", "n", "true", "false"].map(caseless).joined(separator: "|")
              + ")"))),
    ]),
  ]

  /// `now` in any letter case: the time of the run.
  static let now = JSONValue.object([
    .init("type", .string("string")), .init("pattern", .string(trimmedWhole(caseless("now")))),
  ])

  /// `YYYY-MM-DD`, a real day of the years 0001 to 9999, or `now`.
  static let date: [JSONValue] = [
    now,
    .object([
      .init("type", .string("string")), .init("format", .string("date")),
      .init("pattern", .string("^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$")),
    ]),
  ]

  /// An RFC 3339 `date-time` with an upper-case `T` and `Z`, whole seconds, no leap second,
  /// or `now`.
  static let dateTime: [JSONValue] = [
    now,
    .object([
      .init("type", .string("string")), .init("format", .string("date-time")),
      .init("pattern", .string(dateTimePattern)),
    ]),
  ]

  /// The shape `date-time` leaves open: upper case, hours to 23, minutes and seconds to 59.
  static let dateTimePattern =
    "^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    + "(\\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"

  /// A decimal number as `DecimalNumber` reads it, as a JSON number or a string.
  static let numberText = "^\\s*[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?\\s*$"

  /// A TLP marking: the five names, with or without `TLP:`, in any letter case.
  static let tlp: [JSONValue] = {
    let names = ["red", "amber+strict", "amber", "green", "clear"]
    let alternatives = names.map { caseless($0).replacingOccurrences(of: "+", with: "\\+") }
    return [
      .object([.init("enum", .strings(TLP.allCases.map(\.rawValue)))]),
      .object([
        .init("type", .string("string")),
        .init(
          "pattern",
          .string(
            "^(\(caseless("tlp")):)?(\(alternatives.joined(separator: "|")))$")),
      ]),
    ]
  }()

  /// One of `ids`, spaces around allowed.
  static func choice(_ ids: [String]) -> [JSONValue] {
    [
      .object([.init("enum", .strings(ids))]),
      .object([
        .init("type", .string("string")),
        .init("pattern", .string(trimmedWhole(alternation(ids)))),
      ]),
    ]
  }

  /// One text of comma-separated `ids` (blank items are ignored), as a `multi` also takes.
  static func commaSeparated(_ ids: [String]) -> JSONValue {
    let item = "\\s*(\(alternation(ids)))?\\s*"
    return .object([
      .init("type", .string("string")), .init("pattern", .string("^\(item)(,\(item))*$")),
    ])
  }

  /// `(?:a|b)` with each id's regular-expression characters escaped.
  static func alternation(_ ids: [String]) -> String {
    let special = Set("\\^$.|?*+()[]{}")
    let escaped = ids.map { id in
      id.map { special.contains($0) ? "\\\($0)" : String($0) }.joined()
    }
    return "(?:\(escaped.joined(separator: "|")))"
  }

  /// `^\s*body\s*$`: the whole text, spaces around allowed (the reader trims them).
  static func trimmedWhole(_ body: String) -> String {
    "^\\s*\(body)\\s*$"
  }

  /// `yes` as `[Yy][Ee][Ss]`: a word in any letter case, in a dialect-neutral pattern.
  static func caseless(_ word: String) -> String {
    word.map { letter in
      let lower = letter.lowercased()
      let upper = letter.uppercased()
      return lower == upper ? String(letter) : "[\(upper)\(lower)]"
    }.joined()
  }
}
