import Testing
import YAMLLite

/// Expects `yaml` to parse and print as exactly `json` (one-line JSON unless `pretty`).
func expectJSON(
  _ yaml: String, _ json: String, pretty: Bool = false,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  do {
    let node = try YAMLParser.parse(yaml, file: "t.yaml")
    #expect(NodeFormatter.json(node, pretty: pretty) == json, sourceLocation: sourceLocation)
  } catch {
    Issue.record("refused: \(error)", sourceLocation: sourceLocation)
  }
}

/// Expects `yaml` to be refused with `kind` at `line`:`column`.
func expectRefusal(
  _ yaml: String, _ kind: YAMLError.Kind, line: Int, column: Int,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  expectRefusal(Array(yaml.utf8), kind, line: line, column: column, sourceLocation: sourceLocation)
}

/// Expects the bytes to be refused with `kind` at `line`:`column`.
func expectRefusal(
  _ bytes: [UInt8], _ kind: YAMLError.Kind, line: Int, column: Int,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  do {
    let node = try YAMLParser.parse(bytes, file: "t.yaml")
    Issue.record(
      "accepted as \(NodeFormatter.json(node, pretty: false))", sourceLocation: sourceLocation)
  } catch {
    #expect(error.kind == kind, sourceLocation: sourceLocation)
    #expect(
      error.location == YAMLLite.SourceLocation(file: "t.yaml", line: line, column: column),
      sourceLocation: sourceLocation)
  }
}

/// One row of a table of accepted inputs: YAML and its exact one-line JSON.
struct AcceptCase: CustomTestStringConvertible, Sendable {
  let name: String
  let yaml: String
  let json: String

  init(_ name: String, _ yaml: String, _ json: String) {
    self.name = name
    self.yaml = yaml
    self.json = json
  }

  var testDescription: String { name }
}

/// One row of a table of refusals: YAML, the kind, and where.
struct RefusalCase: CustomTestStringConvertible, Sendable {
  let name: String
  let yaml: String
  let kind: YAMLError.Kind
  let line: Int
  let column: Int

  init(_ name: String, _ yaml: String, _ kind: YAMLError.Kind, line: Int, column: Int) {
    self.name = name
    self.yaml = yaml
    self.kind = kind
    self.line = line
    self.column = column
  }

  var testDescription: String { name }
}
