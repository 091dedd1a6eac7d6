import Foundation
import Testing
import TriageTestSupport

/// `triage run --answers`: the non-interactive front end, on the real binary.
@Suite struct RunAnswersFileTests {
  func workspace(answers: String = fixtureAnswers) throws -> TemporaryDirectory {
    let folder = try TemporaryDirectory()
    try folder.write(fixtureRunbook, to: "vendor-breach.yaml")
    try folder.write(answers, to: "answers.yaml")
    return folder
  }

  func files(under folder: URL) -> [String] {
    TemporaryDirectory.files(under: folder.path)
  }

  @Test func writesTheRecordAndItsReport() throws {
    let folder = try workspace()
    let result = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "answers.yaml", "--archive", "log"],
      currentDirectory: folder.url)
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("Notify the authority about Acme.\nSeverity: high\nWrote "))
    let written = files(under: folder.url.appendingPathComponent("log/records"))
    #expect(written.filter { $0.hasSuffix(".json") }.count == 1, "\(written)")
    #expect(written.filter { $0.hasSuffix(".md") }.count == 1, "\(written)")
    let json = try #require(written.first { $0.hasSuffix(".json") })
    let path = folder.url.appendingPathComponent("log/records/" + json).path
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let folderAttributes = try FileManager.default.attributesOfItem(
      atPath: folder.url.appendingPathComponent("log/records").path)
    #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
    let record = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        as? [String: Any])
    #expect(record["format"] as? String == "triage-record/1")
    #expect(record["mode"] as? String == "answers-file")
    #expect(record["responder"] as? String == "Dana Ortiz")
    #expect(record["severity"] as? String == "high")
    let answers = try #require(record["answers"] as? [String: Any])
    #expect(answers["personal_data"] as? Bool == true)
    #expect(answers["records"] as? Double == 1200)
    #expect(answers["exposure"] as? [String] == ["credentials"])
    #expect(answers["discovered_at"] as? String == "2026-04-03T15:00:00Z")
    let actions = try #require(record["actions"] as? [[String: Any]])
    #expect(actions.first?["due"] as? String == "2026-04-04T15:00:00Z")
    let notifications = try #require(record["notifications"] as? [[String: Any]])
    #expect(notifications.first?["due"] as? String == "2026-04-06T15:00:00Z")
    let integrity = try #require(record["integrity"] as? [String: Any])
    #expect((integrity["sha256"] as? String)?.count == 64)
    #expect(try schemaProblems(in: record) == [])
  }

  @Test func acceptsJSONAnswersAndStandardInput() throws {
    let json = """
      {"runbook": "vendor-breach", "answers": {"vendor": "Acme",
        "discovered_at": "2026-04-03T15:00:00Z", "personal_data": false,
        "exposure": ["source-code"]}}
      """
    let folder = try workspace(answers: json)
    let fromFile = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "answers.yaml", "--dry-run"],
      currentDirectory: folder.url)
    #expect(fromFile.status == 0, "\(fromFile)")
    #expect(fromFile.output.contains("**Decision:** No immediate action, but monitor Acme."))
    let fromStandardInput = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "-", "--dry-run", "--json"],
      standardInput: json, currentDirectory: folder.url)
    #expect(fromStandardInput.status == 0, "\(fromStandardInput)")
    #expect(fromStandardInput.output.contains("\"severity\": \"low\""))
    #expect(files(under: folder.url).sorted() == ["answers.yaml", "vendor-breach.yaml"])
  }

  /// One invalid answers file: the edit, and the exact line on standard error.
  struct Invalid: CustomTestStringConvertible, Sendable {
    let name: String
    let replace: String
    let with: String
    let message: String
    var testDescription: String { name }
  }

  static let invalid: [Invalid] = [
    Invalid(
      name: "unknown question id", replace: "  vendor: Acme", with: "  vendor: Acme\n  vendr: Acme",
      message:
        "answers.yaml:5:3: unknown question 'vendr' in runbook 'vendor-breach'; did you mean 'vendor'?"
    ),
    Invalid(
      name: "wrong type", replace: "personal_data: yes", with: "personal_data: maybe",
      message: "answers.yaml:6:18: personal_data: expected yes or no, not 'maybe'"),
    Invalid(
      name: "out of range", replace: "records: 1200", with: "records: 0",
      message: "answers.yaml:7:12: records: the number must be at least 1"),
    Invalid(
      name: "pattern mismatch", replace: "  vendor: Acme", with: "  vendor: Acme\n  ticket: 42",
      message: "answers.yaml:5:11: ticket: '42' does not match the pattern INC-[0-9]+"),
    Invalid(
      name: "unknown choice", replace: "[credentials]", with: "[credentails]",
      message:
        "answers.yaml:8:14: exposure, item 1: 'credentails' is not a choice of exposure; did you mean 'credentials'?"
    ),
    Invalid(
      name: "missing required answer", replace: "  vendor: Acme\n", with: "",
      message: "answers.yaml:3:1: vendor: no answer to a required question (text): Which vendor?"),
    Invalid(
      name: "runbook mismatch", replace: "runbook: vendor-breach", with: "runbook: saas-breach",
      message:
        "answers.yaml:3:1: this answers file is for runbook 'saas-breach', not 'vendor-breach'"),
    Invalid(
      name: "malformed file", replace: "  vendor: Acme", with: "  vendor: Acme\n  vendor: Beta",
      message: "answers.yaml:5:3: duplicate key \"vendor\": first defined on line 4"),
    Invalid(
      name: "a live secret in free text", replace: "vendor: Acme",
      with: "vendor: ghp_abcdefghijklmnopqrstuvwxyz0123456789",
      message:
        "answers.yaml:4:11: vendor: this looks like a GitHub token; record the credential's name"),
  ]

  @Test(arguments: invalid)
  func refusesInvalidAnswersAndWritesNothing(_ case: Invalid) throws {
    let answers = fixtureAnswers.replacingOccurrences(of: `case`.replace, with: `case`.with)
    #expect(answers != fixtureAnswers)
    let folder = try workspace(answers: answers)
    let result = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "answers.yaml", "--archive", "log"],
      currentDirectory: folder.url)
    #expect(result.status == 65, "\(result)")
    #expect(result.error.hasPrefix("triage: " + `case`.message), "\(result.error)")
    #expect(result.output == "")
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("log").path))
  }

  @Test func reportsEveryProblemAtOnce() throws {
    let answers =
      fixtureAnswers
      .replacingOccurrences(of: "personal_data: yes", with: "personal_data: maybe")
      .replacingOccurrences(of: "[credentials]", with: "[credentails]")
      .replacingOccurrences(of: "  vendor: Acme", with: "  vendr: Acme")
    let folder = try workspace(answers: answers)
    let result = try runTriage(
      ["run", "vendor-breach.yaml", "--answers", "answers.yaml"], currentDirectory: folder.url)
    #expect(result.status == 65)
    let lines = result.error.split(separator: "\n").filter { $0.hasPrefix("triage: ") }
    #expect(lines.count == 3, "\(result.error)")
  }

  @Test func withoutATerminalOrAnswersItIsAUsageError() throws {
    let folder = try workspace()
    let result = try runTriage(["run", "vendor-breach.yaml"], currentDirectory: folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(result.error.contains("give the answers with --answers FILE"))
  }

  @Test func aMissingRunbookIsExit66() throws {
    let folder = try workspace()
    let result = try runTriage(
      ["run", "nowhere.yaml", "--answers", "answers.yaml"], currentDirectory: folder.url)
    #expect(result.status == 66, "\(result)")
  }

  /// The top-level shape of a record against Schemas/incident-record.schema.json: required keys,
  /// no others, and the type of each (the full schema is checked with a JSON Schema validator
  /// in .ci/run).
  func schemaProblems(in record: [String: Any]) throws -> [String] {
    let url = TriageBinary.packageRoot.appendingPathComponent("Schemas/incident-record.schema.json")
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let required = try #require(schema["required"] as? [String])
    let properties = try #require(schema["properties"] as? [String: Any])
    var problems: [String] = []
    for key in required where record[key] == nil { problems.append("missing \(key)") }
    for key in record.keys where properties[key] == nil { problems.append("unexpected \(key)") }
    return problems
  }
}
