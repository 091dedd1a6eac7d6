import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// `triage run --answers` in-process, against a tree in memory: what is written into the
/// archive, and that a refused run writes nothing.
@Suite struct RunCommandTests {
  /// The working directory holding the fixture runbook and `answers`.
  static func tree(answers: String = fixtureAnswers) -> InMemoryFileSystem {
    InMemoryFileSystem(["/w/vendor-breach.yaml": fixtureRunbook, "/w/answers.yaml": answers])
  }

  static let arguments = [
    "run", "vendor-breach.yaml", "--answers", "answers.yaml", "--archive", "log",
  ]

  @Test func validAnswersWriteTheRecordAndItsReportIntoTheArchive() throws {
    let tree = Self.tree()
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(Self.arguments, context: context)
    #expect(exit == .success)
    #expect(context.capturedError == "")
    let written = tree.allFiles(under: "/w/log/records")
    #expect(written.count == 2, "\(written)")
    let record = try #require(written.first { $0.hasSuffix(".json") })
    let report = String(record.dropLast(".json".count)) + ".md"
    #expect(record.hasPrefix("2027/01/20270115T080000Z-"))
    #expect(written == [record, report])
    #expect(
      context.capturedOutput == """
        Notify the authority about Acme.
        Severity: high
        Wrote /w/log/records/\(record)
        Wrote /w/log/records/\(report)

        """)
    #expect(try tree.permissions(at: "/w/log/records/" + record) == 0o600)
    #expect(try tree.permissions(at: "/w/log/records") == 0o700)
    let document = try JSONValue.parse(try tree.readFile(at: "/w/log/records/" + record))
    #expect(document["mode"]?.stringValue == "answers-file")
    #expect(document["responder"]?.stringValue == "Dana Ortiz")
    #expect(document["severity"]?.stringValue == "high")
    let markdown = try #require(tree.text(at: "/w/log/records/" + report))
    #expect(markdown.contains("**Decision:** Notify the authority about Acme."))
  }

  @Test func invalidAnswersAreExit65WithEveryProblemAndWriteNothing() throws {
    let answers =
      fixtureAnswers
      .replacingOccurrences(of: "personal_data: yes", with: "personal_data: maybe")
      .replacingOccurrences(of: "[credentials]", with: "[credentails]")
      .replacingOccurrences(of: "  vendor: Acme", with: "  vendr: Acme")
    let tree = Self.tree(answers: answers)
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(Self.arguments, context: context)
    #expect(exit == .dataError)
    #expect(context.capturedOutput == "")
    let expected: [String] = [
      "triage: answers.yaml:4:3: unknown question 'vendr' in runbook 'vendor-breach'; "
        + "did you mean 'vendor'?",
      "triage: answers.yaml:6:18: personal_data: expected yes or no, not 'maybe'",
      "triage: answers.yaml:8:14: exposure, item 1: 'credentails' is not a choice of exposure; "
        + "did you mean 'credentials'?",
    ]
    let problems = context.capturedError.split(separator: "\n").map(String.init)
    #expect(problems.filter { $0.hasPrefix("triage: ") } == expected, "\(context.capturedError)")
    #expect(try tree.status(at: "/w/log") == nil)
  }

  /// Without a terminal to ask on, what the file leaves open is not asked (no mixed mode): a
  /// required question left open is a positioned problem, and nothing is written.
  @Test("mixed refused without terminal")
  func mixedRefusedWithoutTerminal() throws {
    let answers = fixtureAnswers.replacingOccurrences(of: "  records: 1200\n", with: "")
    let tree = Self.tree(answers: answers)
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(Self.arguments, context: context)
    #expect(exit == .dataError)
    #expect(context.capturedOutput == "")
    #expect(
      context.capturedError
        == "triage: answers.yaml:3:1: records: no answer to a required question (number): "
        + "How many records?\n")
    #expect(try tree.status(at: "/w/log") == nil)
  }

  @Test func aRunbookFoundByIDInTheWorkingDirectorysRunbooksFolder() {
    let tree = InMemoryFileSystem([
      "/w/Runbooks/vendor-breach.yaml": fixtureRunbook, "/w/answers.yaml": fixtureAnswers,
    ])
    let context = CommandContext.testing(fileSystem: tree)
    let exit = Triage.main(
      ["run", "vendor-breach", "--answers", "answers.yaml", "--dry-run"], context: context)
    #expect(exit == .success)
    #expect(context.capturedOutput.contains("**Decision:** Notify the authority about Acme."))
    #expect(tree.allFiles(under: "/w") == ["Runbooks/vendor-breach.yaml", "answers.yaml"])
  }
}
