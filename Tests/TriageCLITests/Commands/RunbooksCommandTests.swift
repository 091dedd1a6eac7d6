import Testing
import TriageCLI
import TriageTestSupport

/// `triage runbooks` in-process, on folders in memory.
@Suite struct RunbooksCommandTests {
  /// `files` (name → contents) placed in the folder `folder`, as a tree's starting files.
  static func files(in folder: String, _ files: [String: String]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: files.map { (folder + "/" + $0.key, $0.value) })
  }

  @Test func listsIDVersionTitleAndPath() {
    let folder = "/data/runbooks"
    let files = Self.files(
      in: folder,
      [
        "mini.yaml": SampleRunbooks.mini, "warn.yml": SampleRunbooks.warn,
        "calendars/us.yaml": "dates: []\n", "notes.txt": "not a runbook\n",
      ])
    let run = InProcessRun(["runbooks", "--runbooks", folder], files: files)
    #expect(run.exit == .success)
    #expect(run.error == "")
    #expect(
      run.output == """
        ID    VERSION  TITLE            PATH
        mini  1.0.0    A small runbook  \(folder)/mini.yaml
        warn  1.0.0    Warn             \(folder)/warn.yml

        """)
  }

  @Test func printsJSON() {
    let folder = "/data/runbooks"
    let run = InProcessRun(
      ["runbooks", "--json"], files: Self.files(in: folder, ["mini.yaml": SampleRunbooks.mini]),
      environment: ["TRIAGE_RUNBOOKS": folder])
    #expect(run.exit == .success)
    #expect(
      run.output == """
        {
          "format": "triage-runbooks/1",
          "runbooks": [
            {
              "id": "mini",
              "version": "1.0.0",
              "title": "A small runbook",
              "path": "\(folder)/mini.yaml"
            }
          ]
        }

        """)
  }

  @Test func saysSoWhenThereAreNone() {
    let run = InProcessRun(["runbooks", "--runbooks", "/no/such/folder"])
    #expect(run.exit == .success)
    #expect(run.output == "")
    #expect(run.error.hasPrefix("No runbooks found. Searched, in order:\n  /no/such/folder\n"))
    #expect(
      run.error.hasSuffix(
        "Give a folder with --runbooks DIR, or set TRIAGE_RUNBOOKS=DIR[:DIR...].\n"))
    #expect(
      InProcessRun(["runbooks", "--json"]).output
        == "{\n  \"format\": \"triage-runbooks/1\",\n  \"runbooks\": []\n}\n")
  }

  @Test func refusesTwoRunbooksWithTheSameIDNamingBoth() {
    let first = "/one"
    let second = "/two"
    let files = Self.files(in: first, ["mini.yaml": SampleRunbooks.mini]).merging(
      Self.files(in: second, ["copy.yaml": SampleRunbooks.mini]), uniquingKeysWith: { $1 })
    let run = InProcessRun(
      ["runbooks", "--runbooks", first], files: files, environment: ["TRIAGE_RUNBOOKS": second])
    #expect(run.exit == .dataError)
    #expect(
      run.error
        == "triage: two runbooks have the id 'mini': \(first)/mini.yaml and \(second)/copy.yaml\n")
    #expect(run.output == "")
  }
}
