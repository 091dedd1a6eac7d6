import RunbookCore
import Testing
import TriageTestSupport
import YAMLLite

/// Finding runbooks through the file seam, in folders held in memory.
@Suite struct RunbookLibraryTests {
  static let mini = "runbook: mini\ntitle: Mini\nversion: 1.0.0\nsections: []\n"

  static let tree = InMemoryFileSystem([
    "/books/b.yaml": mini, "/books/a.yml": "runbook: other\n", "/books/notes.txt": mini,
    "/books/broken.yaml": "runbook: [\n", "/books/deeper/c.yaml": mini,
    "/books/calendars/us.yaml": "dates: []\n", "/w/local": "x",
  ])

  @Test func listsTheYAMLFilesDirectlyInsideEachFolderSkippingMissingOnes() {
    let library = RunbookLibrary(folders: ["/books", "/nowhere"], fileSystem: Self.tree)
    #expect(
      library.runbookFiles() == ["/books/a.yml", "/books/b.yaml", "/books/broken.yaml"])
  }

  @Test func entriesReadTheHeadersOfFilesThatParse() throws {
    let library = RunbookLibrary(folders: ["/books"], fileSystem: Self.tree)
    let entries = try library.entries()
    #expect(entries.map(\.id) == ["other", "mini"])
    #expect(entries.map(\.version) == ["", "1.0.0"])
    #expect(entries.map(\.title) == ["", "Mini"])
    #expect(entries.map(\.path) == ["/books/a.yml", "/books/b.yaml"])
  }

  @Test func twoFilesWithOneIDAreNamedBoth() {
    let tree = InMemoryFileSystem(["/one/a.yaml": Self.mini, "/two/b.yaml": Self.mini])
    let library = RunbookLibrary(folders: ["/one", "/two"], fileSystem: tree)
    #expect(
      throws: RunbookLibrary.LookupError.duplicateID("mini", paths: ["/one/a.yaml", "/two/b.yaml"])
    ) {
      try library.entries()
    }
  }

  @Test func resolvesPathsAgainstTheWorkingDirectoryAndIDsInTheFolders() throws {
    let library = RunbookLibrary(folders: ["/books"], fileSystem: Self.tree)
    #expect(try library.resolve("mini", relativeTo: "/w") == "/books/b.yaml")
    #expect(try library.resolve("local", relativeTo: "/w") == "local")
    #expect(throws: RunbookLibrary.LookupError.notFound("gone.yaml", searched: [])) {
      try library.resolve("gone.yaml", relativeTo: "/w")
    }
    #expect(throws: RunbookLibrary.LookupError.notFound("gone", searched: ["/books"])) {
      try library.resolve("gone", relativeTo: "/w")
    }
  }

  @Test func findsCalendarsBesideTheRunbookOrInTheFolders() {
    let library = RunbookLibrary(folders: ["/books"], fileSystem: Self.tree)
    #expect(library.calendarPath(named: "us", near: "/w/x.yaml") == "/books/calendars/us.yaml")
    #expect(library.calendarPath(named: "eu", near: "/w/x.yaml") == nil)
  }

  @Test(
    "a reference is a path when it has a slash or a YAML suffix",
    arguments: [
      ("mini", false), ("ai-tool-source-leak", false), ("./mini", true), ("a/b", true),
      ("mini.yaml", true), ("mini.yml", true), ("mini.json", false),
    ])
  func pathOrID(reference: String, isPath: Bool) {
    #expect(RunbookLibrary.isPath(reference) == isPath)
  }

  @Test func theHeaderSaysWhetherTheDocumentHasSections() throws {
    let runbook = try YAMLParser.parse("runbook: x\nversion: 2\nsections: []\n", file: "x.yaml")
    #expect(
      RunbookHeader(of: runbook)
        == RunbookHeader(id: "x", version: "2", title: "", hasSections: true))
    let scenario = try YAMLParser.parse("scenario: s\nrunbook: x\n", file: "s.yaml")
    #expect(RunbookHeader(of: scenario)?.hasSections == false)
    #expect(RunbookHeader(of: Array("- a\n".utf8), path: "l.yaml") == nil)
  }
}
