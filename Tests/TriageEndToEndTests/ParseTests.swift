import Foundation
import Testing
import TriageTestSupport

/// `triage parse` on the real binary.
///
/// The tests marked `parserIsWritten` wait for the YAMLLite
/// parser; the others hold before and after it lands.
@Suite struct ParseTests {
  /// Whether the YAMLLite parser accepts a trivial document yet.
  static let parserIsWritten: Bool =
    (try? runTriage(["parse", "-", "--quiet"], standardInput: "a: b\n").status) == 0

  /// A document the parser must refuse: aliases are outside the subset.
  static let refused = "title: x\nsteps: *previous\n"

  static func isPositionedError(_ text: String, file: String) -> Bool {
    let pattern =
      "^triage: \(NSRegularExpression.escapedPattern(for: file)):[0-9]+:[0-9]+: [^\n]+\n$"
    return text.range(of: pattern, options: .regularExpression) != nil
  }

  @Test func reportsAMissingFileWithExit66() throws {
    let result = try runTriage(["parse", "no/such.yaml"])
    #expect(result.status == 66, "\(result)")
    #expect(result.error == "triage: no/such.yaml: no such file\n")
    #expect(result.output == "")
  }

  @Test func reportsADirectoryWithExit74() throws {
    let directory = try TemporaryDirectory()
    let result = try runTriage(["parse", "."], currentDirectory: directory.url)
    #expect(result.status == 74, "\(result)")
    #expect(result.error == "triage: .: is a directory\n")
  }

  @Test(arguments: [[], ["--json"], ["--quiet"]])
  func reportsARefusedFileAtItsPositionWithExit65(_ options: [String]) throws {
    let directory = try TemporaryDirectory()
    try directory.write(Self.refused, to: "runbooks/bad.yaml")
    let result = try runTriage(
      ["parse", "runbooks/bad.yaml"] + options, currentDirectory: directory.url)
    #expect(result.status == 65, "\(result)")
    #expect(Self.isPositionedError(result.error, file: "runbooks/bad.yaml"), "\(result)")
    #expect(result.output == "")
  }

  @Test func readsStandardInputForADash() throws {
    let result = try runTriage(["parse", "-"], standardInput: Self.refused)
    #expect(result.status == 65, "\(result)")
    #expect(Self.isPositionedError(result.error, file: "-"), "\(result)")
  }

  @Test(.enabled(if: parserIsWritten))
  func printsTheTreeAsJSONWithKeysInDocumentOrder() throws {
    let source = "zebra: 1\napple:\n  - no\n  - 'x: y'\nmiddle: {k: v}\n"
    let result = try runTriage(["parse", "-", "--json"], standardInput: source)
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasSuffix("}\n"))
    let tree = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? NSDictionary
    let expected: NSDictionary = ["zebra": "1", "apple": ["no", "x: y"], "middle": ["k": "v"]]
    #expect(tree == expected)
    let positions = ["\"zebra\"", "\"apple\"", "\"middle\""].compactMap {
      result.output.range(of: $0)?.lowerBound
    }
    #expect(positions.count == 3 && positions == positions.sorted())
  }

  @Test(.enabled(if: parserIsWritten))
  func checksQuietly() throws {
    let result = try runTriage(["parse", "-", "-q"], standardInput: "a: b\n")
    #expect(result.status == 0)
    #expect(result.output == "" && result.error == "")
  }

  @Test(.enabled(if: parserIsWritten))
  func printsAnOutlineByDefault() throws {
    let result = try runTriage(["parse", "-"], standardInput: "key: value\n")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.contains("key"))
    #expect(result.output.hasSuffix("\n"))
  }

  /// The README's first command, once the runbook and the parser exist.
  @Test(
    .enabled(if: parserIsWritten),
    .enabled(
      if: FileManager.default.fileExists(
        atPath: TriageBinary.packageRoot.appendingPathComponent(
          "Runbooks/ai-tool-source-leak.yaml"
        ).path)))
  func parsesTheRunbookTheReadmeShows() throws {
    let result = try runTriage(
      ["parse", "Runbooks/ai-tool-source-leak.yaml", "--json"],
      currentDirectory: TriageBinary.packageRoot)
    #expect(result.status == 0, "\(result)")
    #expect(result.output.contains("\"runbook\""))
  }
}
