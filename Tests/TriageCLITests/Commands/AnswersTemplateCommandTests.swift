import Foundation
import RunbookCore
import Testing
import TriageCLI
import TriageSession
import TriageTestSupport

/// `triage answers-template` in-process.
@Suite struct AnswersTemplateCommandTests {
  @Test func listsEveryQuestionWithItsComments() {
    InProcessRun.expectOutput(
      of: ["answers-template", "mini.yaml"],
      is: #"""
        # Answers for runbook mini 1.0.0: A small runbook
        # Fill in the answers, then: triage run mini --answers FILE
        # An empty answer takes the default, or is skipped when the question is optional.
        # Delete the lines of questions that will not be asked (see 'asked only when').
        runbook: mini
        responder: 
        answers:

          # == basics: Basics ==

          # Which vendor?
          # text, required
          vendor: 

          # What kind of vendor is ‹vendor›?
          # choice, required
          #   saas — A "SaaS" service
          #   tool
          kind: 

          # Were we exposed?
          # yesno, required, yes or no
          # asked only when: kind == 'saas'
          exposed: no

          # == details: Details ==
          # section asked only when: exposed

          # How many keys?
          # number, required, min 1, max 100
          count: 

        """#)
  }

  @Test func loadsAsAnAnswersFileBeforeAndAfterItIsFilled() throws {
    let template = InProcessRun(["answers-template", "mini.yaml"], files: InProcessRun.miniFiles)
      .output
    let (empty, emptyProblems) = AnswersFile.load(Array(template.utf8), file: "a.yaml")
    #expect(emptyProblems == [])
    #expect(empty?.runbookID == "mini")
    #expect(empty?.entries.map(\.questionID) == ["vendor", "kind", "exposed", "count"])

    let filled =
      template
      .replacingOccurrences(of: "responder: \n", with: "responder: Dana Ortiz\n")
      .replacingOccurrences(of: "vendor: \n", with: "vendor: Acme\n")
      .replacingOccurrences(of: "kind: \n", with: "kind: saas\n")
      .replacingOccurrences(of: "exposed: no\n", with: "exposed: yes\n")
      .replacingOccurrences(of: "count: \n", with: "count: 12\n")
    let (file, problems) = AnswersFile.load(Array(filled.utf8), file: "a.yaml")
    #expect(problems == [])
    let answers = try #require(file)
    #expect(answers.responder == "Dana Ortiz")
    let runbook = try #require(
      RunbookLoader.load(Array(SampleRunbooks.mini.utf8), file: "mini.yaml").runbook)
    var session = Session(runbook: runbook)
    #expect(answers.apply(to: &session, now: Date(timeIntervalSince1970: 0)) == [])
    #expect(session.isComplete)
  }
}
