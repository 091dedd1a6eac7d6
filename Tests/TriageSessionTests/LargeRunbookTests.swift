import Foundation
import RunbookCore
import Testing
import TriageSession

/// A runbook of 64,000 questions answered from a file: every answer is read and recorded once
/// (the lookups and the trail stay linear).
@Suite struct LargeRunbookTests {
  static let count = 64_000

  static var runbookText: String {
    var text = "runbook: big\ntitle: Big\nversion: 1.0.0\nsections:\n  - id: s\n    title: S\n"
    text += "    questions:\n"
    for index in 0..<count {
      text += "      - id: q\(index)\n        ask: Q \(index)?\n        type: text\n"
    }
    return text
  }

  @Test func answers64000QuestionsFromAFile() throws {
    let loaded = RunbookLoader.load(Array(Self.runbookText.utf8), file: "big.yaml")
    let runbook = try #require(loaded.runbook)
    #expect(runbook.questions.count == Self.count)
    let answers =
      "answers: {" + (0..<Self.count).map { "q\($0): a\($0)" }.joined(separator: ", ") + "}\n"
    let (file, problems) = AnswersFile.load(Array(answers.utf8), file: "answers.yaml")
    #expect(problems.isEmpty)
    let answersFile = try #require(file)
    var session = Session(runbook: runbook)
    let diagnostics = answersFile.apply(to: &session, now: Date(timeIntervalSince1970: 0))
    #expect(diagnostics.isEmpty)
    #expect(session.given.count == Self.count)
    #expect(session.trail.count == Self.count)
    #expect(session.given["q63999"] == .string("a63999"))
  }
}
