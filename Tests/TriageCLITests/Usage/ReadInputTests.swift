import Testing
import TriageCLI
import TriageTestSupport

/// A file named on the command line is read through the context's file system, relative to its
/// working directory; what goes wrong is told apart as on disk (66 missing, 74 unreadable).
@Suite struct ReadInputTests {
  static let files = [
    "/w/a.yaml": "a: b\n", "/w/sub/c.yaml": "c: d\n", "/elsewhere/e.yaml": "e: f\n",
  ]

  @Test(
    "paths resolve against the working directory; failures keep their kind",
    arguments: [
      (["parse", "sub/c.yaml"], TriageExit.success, ""),
      (["parse", "/elsewhere/e.yaml"], .success, ""),
      (["parse", "missing.yaml"], .noInput, "triage: missing.yaml: no such file\n"),
      (["parse", "a.yaml/x.yaml"], .noInput, "triage: a.yaml/x.yaml: no such file\n"),
      (["parse", "sub"], .ioError, "triage: sub: is a directory\n"),
    ])
  func readsThroughTheSeam(arguments: [String], exit: TriageExit, error: String) {
    let run = InProcessRun(arguments, files: Self.files)
    #expect(run.exit == exit)
    #expect(run.error == error)
  }
}
