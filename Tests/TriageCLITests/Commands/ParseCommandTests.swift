import Foundation
import Testing
import TriageCLI
import TriageTestSupport

/// `triage parse` in-process.
///
/// These pin the plumbing (files, standard input, errors, exit codes);
/// they hold whether or not the YAMLLite parser is written yet, by only using documents that it
/// must refuse (an alias is outside the subset) or by not depending on the tree's text.
@Suite struct ParseCommandTests {
  static let refused = "title: x\nsteps: *previous\n"
  static let files = ["/w/r.yaml": refused, "/abs/r.yaml": refused]

  /// `triage: FILE:LINE:COLUMN: message` and nothing else.
  static func isPositionedError(_ text: String, file: String) -> Bool {
    let pattern =
      "^triage: \(NSRegularExpression.escapedPattern(for: file)):[0-9]+:[0-9]+: [^\n]+\n$"
    return text.range(of: pattern, options: .regularExpression) != nil
  }

  @Test func reportsAMissingFileWithExit66() {
    let run = InProcessRun(["parse", "gone.yaml"])
    #expect(run.exit == .noInput)
    #expect(run.error == "triage: gone.yaml: no such file\n")
    #expect(run.output == "")
  }

  @Test(arguments: [
    ["parse", "r.yaml"], ["parse", "--json", "r.yaml"], ["parse", "-q", "r.yaml"],
  ])
  func reportsARefusedDocumentAtItsPositionWithExit65(_ arguments: [String]) {
    let run = InProcessRun(arguments, files: Self.files)
    #expect(run.exit == .dataError)
    #expect(Self.isPositionedError(run.error, file: "r.yaml"), "\(run.error)")
    #expect(run.output == "")
  }

  @Test func namesTheFileAsGivenWhenItIsAbsolute() {
    let run = InProcessRun(["parse", "/abs/r.yaml"], files: Self.files)
    #expect(Self.isPositionedError(run.error, file: "/abs/r.yaml"), "\(run.error)")
  }

  @Test func readsStandardInputForADash() {
    let run = InProcessRun(["parse", "-"], standardInput: Self.refused)
    #expect(run.exit == .dataError)
    #expect(Self.isPositionedError(run.error, file: "-"), "\(run.error)")
  }

  @Test func showsTheOffendingLineOnATerminal() throws {
    let run = InProcessRun(["parse", "r.yaml"], files: Self.files, terminal: .interactive())
    let lines = run.error.split(separator: "\n", omittingEmptySubsequences: false)
    try #require(lines.count == 6, "\(run.error)")
    let position = try #require(
      lines[0].split(separator: ":").dropFirst(2).first.flatMap { Int($0) })
    let column = try #require(lines[0].split(separator: ":").dropFirst(3).first.flatMap { Int($0) })
    let source = Self.refused.split(separator: "\n")
    #expect(lines[3] == "\(position) | \(source[position - 1])")
    #expect(lines[4] == "  | " + String(repeating: " ", count: column - 1) + "^")
  }

  @Test func showsNoExcerptThroughAPipe() {
    let run = InProcessRun(["parse", "r.yaml"], files: Self.files)
    #expect(!run.error.contains("|"))
  }
}
