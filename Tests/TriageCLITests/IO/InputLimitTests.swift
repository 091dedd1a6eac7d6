import Testing
import TriageCLI
import TriageTestSupport

/// Files named on the command line are read up to a documented limit, then refused with exit 65.
@Suite struct InputLimitTests {
  static let overRunbookLimit = String(repeating: "#", count: 4 << 20 + 1)

  @Test func refusesARunbookOverFourMebibytes() {
    let run = InProcessRun(["lint", "big.yaml"], files: ["/w/big.yaml": Self.overRunbookLimit])
    #expect(run.exit == .dataError)
    #expect(run.error == "triage: big.yaml: larger than the limit of 4 MiB for a runbook\n")
  }

  @Test func refusesStandardInputOverTheLimit() {
    let run = InProcessRun(["parse", "-"], standardInput: Self.overRunbookLimit)
    #expect(run.exit == .dataError)
    #expect(run.error == "triage: -: larger than the limit of 4 MiB for a runbook\n")
  }

  @Test func refusesAnAnswersFileOverTheLimit() {
    let run = InProcessRun(
      ["run", "mini.yaml", "--answers", "a.yaml", "--dry-run"],
      files: ["/w/mini.yaml": SampleRunbooks.mini, "/w/a.yaml": Self.overRunbookLimit])
    #expect(run.exit == .dataError)
    #expect(run.error == "triage: a.yaml: larger than the limit of 4 MiB for an answers file\n")
  }

  @Test func readsAFileExactlyAtTheLimit() {
    let atLimit = String(repeating: "#", count: 4 << 20)
    let run = InProcessRun(["parse", "ok.yaml"], files: ["/w/ok.yaml": atLimit])
    #expect(run.error.contains("larger than the limit") == false)
  }

  @Test func limitsAreDocumented() {
    #expect(InputKind.runbook.limit == 4_194_304)
    #expect(InputKind.answers.limit == 4_194_304)
    #expect(InputKind.draft.limit == 4_194_304)
    #expect(InputKind.record.limit == 16_777_216)
  }
}
