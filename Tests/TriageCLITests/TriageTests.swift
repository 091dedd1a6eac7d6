import Testing
import TriageCLI
import TriageTestSupport

@Suite struct TriageTests {
  final class FailingOutput: TextOutput {
    var didFail = false
    func write(_ text: String) { didFail = true }
  }

  @Test func printsTheVersion() {
    let run = InProcessRun(["--version"])
    #expect(run.output == "triage \(Triage.version)\n")
    #expect(run.exit == .success)
  }

  @Test func reportsAFailedStandardOutputWithExit74() {
    var context = CommandContext.testing()
    context.standardOutput = FailingOutput()
    let exit = Triage.main(["--version"], context: context)
    #expect(exit == .ioError)
    #expect(context.capturedError == "triage: cannot write to standard output\n")
  }

  @Test func colorsTheErrorPrefixOnlyOnATerminal() {
    let run = InProcessRun(["parse", "gone"], terminal: .interactive())
    #expect(run.error == "\u{1B}[1;31mtriage:\u{1B}[0m gone: no such file\n")
  }
}
