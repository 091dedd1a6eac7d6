import IncidentLog
import Testing

@Suite("JSON pretty printer")
struct JSONPrettyPrinterTests {
  @Test("two-space indentation, insertion order, newline at the end")
  func printsPretty() {
    let value: JSONValue = [
      "format": "triage-record/1",
      "answers": ["b": true, "a": 1.5, "list": ["x", "y"]],
      "empty": [:],
      "none": [],
      "text": "line\n\"quoted\" / é",
      "n": 1e21,
    ]
    let expected = """
      {
        "format": "triage-record/1",
        "answers": {
          "b": true,
          "a": 1.5,
          "list": [
            "x",
            "y"
          ]
        },
        "empty": {},
        "none": [],
        "text": "line\\n\\"quoted\\" / é",
        "n": 1e+21
      }

      """
    #expect(JSONPrettyPrinter.string(of: value) == expected)
  }

  @Test("what it prints parses back to an equal value")
  func roundTrips() throws {
    let value: JSONValue = [
      "a": [1, -2.25, 1e-7, nil, ["deep": ["deeper": "\u{1}\u{1F}"]]],
      "b": "😀", "c": false,
    ]
    let bytes = JSONPrettyPrinter.bytes(of: value)
    #expect(try JSONValue.parse(bytes) == value)
    #expect(JSONPrettyPrinter.bytes(of: try JSONValue.parse(bytes)) == bytes)
  }

  @Test("a scalar prints on one line")
  func printsScalar() {
    #expect(JSONPrettyPrinter.string(of: 3) == "3\n")
  }

  @Test("object members can be set, replaced and removed in place")
  func editsObjects() {
    var value: JSONValue = ["a": 1, "b": 2]
    value["a"] = "one"
    value["c"] = nil
    value["d"] = true
    value["b"] = nil
    #expect(value.objectValue?.keys == ["a", "d"])
    #expect(value == ["a": "one", "d": true])
  }
}
