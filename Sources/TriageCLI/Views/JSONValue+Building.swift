import IncidentLog

/// Short forms for building the JSON that views print (`--json` output, schemas): members in the
/// order written, printed by IncidentLog's `JSONPrettyPrinter`, the tool's one JSON writer.
extension JSONObject.Member {
  init(_ key: String, _ value: JSONValue) {
    self.init(key: key, value: value)
  }
}

extension JSONValue {
  /// An array of strings.
  static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }

  /// The value pretty-printed, ending with a newline.
  var prettyText: String { JSONPrettyPrinter.string(of: self) }
}
