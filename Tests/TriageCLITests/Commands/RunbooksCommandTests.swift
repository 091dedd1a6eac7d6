import Foundation
import Testing
import TriageCLI

/// `triage runbooks` in-process, on real folders (the listing reads the disk).
@Suite struct RunbooksCommandTests {
  /// A fresh folder under the temporary directory holding `files` (name → contents).
  static func folder(_ files: [String: String]) throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("triage-runbooks-\(UUID().uuidString)")
    for (name, contents) in files {
      let file = url.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(contents.utf8).write(to: file)
    }
    return url.path
  }

  @Test func listsIDVersionTitleAndPath() throws {
    let folder = try Self.folder([
      "mini.yaml": SampleRunbooks.mini, "warn.yml": SampleRunbooks.warn,
      "calendars/us.yaml": "dates: []\n", "notes.txt": "not a runbook\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = InProcessRun(["runbooks", "--runbooks", folder])
    #expect(run.exit == .success)
    #expect(run.error == "")
    #expect(
      run.output == """
        ID    VERSION  TITLE            PATH
        mini  1.0.0    A small runbook  \(folder)/mini.yaml
        warn  1.0.0    Warn             \(folder)/warn.yml

        """)
  }

  @Test func printsJSON() throws {
    let folder = try Self.folder(["mini.yaml": SampleRunbooks.mini])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let run = InProcessRun(["runbooks", "--json"], environment: ["TRIAGE_RUNBOOKS": folder])
    #expect(run.exit == .success)
    #expect(
      run.output == """
        {
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
    #expect(run.output == "No runbooks found.\n")
    #expect(InProcessRun(["runbooks", "--json"]).output == "{\n  \"runbooks\": []\n}\n")
  }

  @Test func refusesTwoRunbooksWithTheSameIDNamingBoth() throws {
    let first = try Self.folder(["mini.yaml": SampleRunbooks.mini])
    let second = try Self.folder(["copy.yaml": SampleRunbooks.mini])
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    let run = InProcessRun(
      ["runbooks", "--runbooks", first], environment: ["TRIAGE_RUNBOOKS": second])
    #expect(run.exit == .dataError)
    #expect(
      run.error
        == "triage: two runbooks have the id 'mini': \(first)/mini.yaml and \(second)/copy.yaml\n")
    #expect(run.output == "")
  }
}
