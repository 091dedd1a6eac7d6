import Foundation
import Testing
import TriageTestSupport

/// Every command's `--json` on the real binary parses, names its format first and has the
/// members docs/json-output.md lists for it.
@Suite struct JSONOutputEndToEndTests {
  /// One command's JSON: the words to run, its format and the members it must have.
  struct Case: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var format: String
    var members: [String]
    /// The members of the first element of the list under `list`, if any, when it has one.
    var list: String? = nil
    var itemMembers: [String] = []
    var usesArchive = false
    /// The exit status it ends with (`archive due` exits 1 when something is overdue).
    var status: Int32 = 0

    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let cases: [Case] = [
    Case(
      arguments: ["runbooks", "--json"], format: "triage-runbooks/1", members: ["runbooks"],
      list: "runbooks", itemMembers: ["id", "version", "title", "path"]),
    Case(
      arguments: ["show", "--json", BundledRunbook.id], format: "triage-show/1",
      members: [
        "id", "version", "title", "summary", "tlp", "file", "applies_to", "sections", "derive",
        "severity", "decision", "actions", "notifications",
      ],
      list: "sections", itemMembers: ["id", "title", "when", "for_each", "questions"]),
    Case(
      arguments: ["lint", "--json", BundledRunbook.path], format: "triage-lint/1",
      members: ["files", "diagnostics"]),
    Case(
      arguments: [
        "test", "--json", BundledRunbooks.packageRoot + "/Runbooks/tests/ai-tool-source-leak",
      ],
      format: "triage-test/1", members: ["passed", "failed", "scenarios"], list: "scenarios",
      itemMembers: ["name", "file", "status", "failures", "warnings"]),
    Case(
      arguments: ["obligations", "--json"], format: "triage-obligations/1",
      members: ["obligations"], list: "obligations",
      itemMembers: ["id", "title", "jurisdiction", "citation", "url", "reviewed", "file"]),
    Case(
      arguments: ["obligations", "show", "--json", "us-tx"], format: "triage-obligations-show/1",
      members: ["id", "title", "jurisdiction", "reviewed", "sources", "duties"]),
    Case(
      arguments: ["archive", "list", "--json"], format: "triage-archive-list/1",
      members: ["records"], list: "records",
      itemMembers: [
        "id", "created_at", "runbook", "severity", "status", "decision", "responder", "tlp",
        "open_actions", "open_notifications",
      ], usesArchive: true),
    Case(
      arguments: ["archive", "follow-ups", "--json"], format: "triage-archive-follow-ups/1",
      members: ["follow_ups"], list: "follow_ups", itemMembers: ["record", "due"],
      usesArchive: true),
    Case(
      arguments: ["archive", "stats", "--json"], format: "triage-archive-stats/1",
      members: [
        "records", "open", "closed", "by_severity", "by_runbook", "open_actions",
        "open_notifications", "overdue",
      ], usesArchive: true),
    Case(
      arguments: ["archive", "search", "--json", "Globex"], format: "triage-archive-search/1",
      members: ["records"], list: "records",
      itemMembers: ["id", "created_at", "runbook", "severity", "status", "matches"],
      usesArchive: true),
    Case(
      arguments: ["archive", "verify", "--json"], format: "triage-archive-verify/1",
      members: ["intact", "documents", "issues"], usesArchive: true),
    Case(
      arguments: ["archive", "due", "--json"], format: "triage-due/1", members: ["now", "items"],
      usesArchive: true, status: 1),
    Case(
      arguments: ["inventory", "list", "--json", "--inventory", exampleInventory],
      format: "triage-inventory-list/1", members: ["vendors"], list: "vendors",
      itemMembers: ["id", "name", "criticality", "category", "credentials", "data", "source"]),
    Case(
      arguments: ["inventory", "show", "github", "--json", "--inventory", exampleInventory],
      format: "triage-inventory-show/1", members: ["id", "name", "credentials", "data", "source"]),
    Case(
      arguments: ["inventory", "due", "--json", "--inventory", exampleInventory],
      format: "triage-inventory-due/1", members: ["today", "due"], list: "due",
      itemMembers: ["id", "name", "review", "source"], status: 1),
    Case(
      arguments: ["drafts", "list", "--json"], format: "triage-drafts/1", members: ["drafts"],
      usesArchive: true),
  ]

  /// The bundled example inventory.
  static var exampleInventory: String {
    BundledRunbooks.packageRoot + "/Runbooks/examples/inventory"
  }

  @Test(arguments: cases)
  func printsItsDocumentedShape(_ example: Case) throws {
    let result: TriageResult
    if example.usesArchive {
      let archive = try FixtureArchive()
      result =
        example.arguments.first == "archive"
        ? try ArchiveTestSupport.archive(Array(example.arguments.dropFirst()), archive.path)
        : try runTriage(example.arguments + ["--archive", archive.path])
    } else {
      result = try runTriage(
        example.arguments, environment: ["TRIAGE_RUNBOOKS": BundledRunbook.folder])
    }
    #expect(result.status == example.status, "\(result)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
      "\(result)")
    #expect(object["format"] as? String == example.format)
    if !result.output.hasPrefix("{\n  \"format\": ") {
      // The test command sorts its keys; every other names its format first.
      #expect(example.format == "triage-test/1", "format is not the first member")
    }
    for member in example.members {
      #expect(object[member] != nil, "\(example.format) lacks \(member)")
    }
    if let list = example.list {
      let items = try #require(object[list] as? [[String: Any]], "\(list) is not a list")
      if let first = items.first {
        for member in example.itemMembers {
          #expect(first[member] != nil, "\(list)[0] lacks \(member)")
        }
      }
    }
  }

  @Test func theDocumentationNamesEveryFormat() throws {
    let text = try String(
      contentsOfFile: BundledRunbooks.packageRoot + "/docs/json-output.md", encoding: .utf8)
    for example in Self.cases {
      #expect(text.contains("`\(example.format)`"), "docs/json-output.md lacks \(example.format)")
      let section = text.components(separatedBy: "## `\(example.format)`").dropFirst().first
      guard example.format != "triage-due/1" else { continue }  // in record-format.md
      let words = Set(
        (section ?? "").components(separatedBy: "\n## ").first?.split(whereSeparator: {
          !($0.isLetter || $0 == "_")
        }).map(String.init) ?? [])
      for member in example.members + example.itemMembers {
        #expect(words.contains(member), "docs/json-output.md: \(example.format) lacks \(member)")
      }
    }
  }
}
