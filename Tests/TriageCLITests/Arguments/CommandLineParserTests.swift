import Testing

@testable import TriageCLI

@Suite struct CommandLineParserTests {
  @Test func readsPositionalAndLongOptions() throws {
    let invocation = try #require(
      try Sample.invocation(["run", "leak.yaml", "--answers", "a.yaml", "--dry-run"]))
    #expect(invocation.commandPath == ["triage", "run"])
    #expect(invocation.argument(.runbook) == "leak.yaml")
    #expect(invocation.value(.answers) == "a.yaml")
    #expect(invocation.flag(.dryRun))
    #expect(!invocation.flag(.verbose))
    #expect(invocation.value(.archive) == nil)
  }

  @Test func readsAValueAfterAnEqualsSign() throws {
    let invocation = try #require(try Sample.invocation(["run", "--archive=logs/x", "r"]))
    #expect(invocation.value(.archive) == "logs/x")
    #expect(invocation.argument(.runbook) == "r")
  }

  @Test func takesADashAsAValue() throws {
    let invocation = try #require(try Sample.invocation(["run", "r", "--answers", "-"]))
    #expect(invocation.value(.answers) == "-")
  }

  @Test func collectsRepeatedOptionsInOrder() throws {
    let invocation = try #require(
      try Sample.invocation(["run", "--set", "a=1", "r", "--set=b=2", "--set", "c=3"]))
    #expect(invocation.values(.set) == ["a=1", "b=2", "c=3"])
  }

  @Test func readsClusteredShortFlagsAndAShortValue() throws {
    let clustered = try #require(try Sample.invocation(["run", "-nv", "r"]))
    #expect(clustered.flag(.dryRun) && clustered.flag(.verbose))
    let attached = try #require(try Sample.invocation(["run", "-naa.yaml", "r"]))
    #expect(attached.flag(.dryRun))
    #expect(attached.value(.answers) == "a.yaml")
    let separate = try #require(try Sample.invocation(["run", "-a", "b.yaml", "r"]))
    #expect(separate.value(.answers) == "b.yaml")
  }

  @Test func treatsEveryWordAfterTheTerminatorAsAValue() throws {
    let invocation = try #require(try Sample.invocation(["lint", "--", "--odd", "-x", "--"]))
    #expect(invocation.arguments(.path) == ["--odd", "-x", "--"])
  }

  @Test func findsNestedSubcommands() throws {
    let invocation = try #require(try Sample.invocation(["archive", "list", "--json", "acme"]))
    #expect(invocation.commandPath == ["triage", "archive", "list"])
    #expect(invocation.flag(.json))
    #expect(invocation.argument(.filter) == "acme")
    let bare = try #require(try Sample.invocation(["archive", "list"]))
    #expect(bare.argument(.filter) == nil)
  }

  @Test func showsAGroupsHelpWhenItIsRunAlone() throws {
    guard case .showHelp(let path) = try Sample.parse(["archive"]).action else {
      Issue.record("expected help")
      return
    }
    #expect(path.map(\.name) == ["triage", "archive"])
  }

  @Test(arguments: [
    (["--help"], ["triage"]),
    (["-h"], ["triage"]),
    (["run", "--help"], ["triage", "run"]),
    (["run", "--unknown", "-h"], ["triage", "run"]),
    (["run", "-nh"], ["triage", "run"]),
    (["archive", "list", "-h"], ["triage", "archive", "list"]),
    (["--help", "archive", "list"], ["triage", "archive", "list"]),
    (["archive", "nope", "--help"], ["triage", "archive"]),
  ])
  func findsTheCommandWhoseHelpIsAsked(_ arguments: [String], _ expected: [String]) throws {
    guard case .showHelp(let path) = try Sample.parse(arguments).action else {
      Issue.record("expected help")
      return
    }
    #expect(path.map(\.name) == expected)
  }

  @Test func recognisesTheVersionOnlyAtTheRoot() throws {
    guard case .showVersion = try Sample.parse(["--version"]).action else {
      Issue.record("expected the version")
      return
    }
    #expect(throws: ArgumentError.self) { try Sample.parse(["lint", "x", "--version"]) }
  }

  @Test func notesNoColorAnywhere() throws {
    #expect(try Sample.parse(["--no-color", "lint", "x"]).disablesColour)
    #expect(try Sample.parse(["lint", "x", "--no-color"]).disablesColour)
    #expect(try !Sample.parse(["lint", "x"]).disablesColour)
  }

  struct ErrorCase: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var kind: ArgumentError.Kind
    var commandPath: [String]
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      arguments: ["rnu"], kind: .unknownCommand("rnu", suggestion: "run"),
      commandPath: ["triage"]),
    ErrorCase(
      arguments: ["deploy"], kind: .unknownCommand("deploy", suggestion: nil),
      commandPath: ["triage"]),
    ErrorCase(
      arguments: ["archive", "lsit"], kind: .unknownCommand("lsit", suggestion: "list"),
      commandPath: ["triage", "archive"]),
    ErrorCase(
      arguments: ["run", "r", "--answres", "a"],
      kind: .unknownOption("--answres", suggestion: "--answers"), commandPath: ["triage", "run"]),
    ErrorCase(
      arguments: ["run", "r", "--dryrun"],
      kind: .unknownOption("--dryrun", suggestion: "--dry-run"), commandPath: ["triage", "run"]),
    ErrorCase(
      arguments: ["run", "r", "--zzzzzz"], kind: .unknownOption("--zzzzzz", suggestion: nil),
      commandPath: ["triage", "run"]),
    ErrorCase(
      arguments: ["run", "r", "-nx"], kind: .unknownOption("-x", suggestion: nil),
      commandPath: ["triage", "run"]),
    ErrorCase(
      arguments: ["run", "r", "--answers"],
      kind: .missingValue(option: "--answers", valueName: "file"), commandPath: ["triage", "run"]),
    ErrorCase(
      arguments: ["run", "--answers", "--dry-run", "r"],
      kind: .missingValue(option: "--answers", valueName: "file"), commandPath: ["triage", "run"]),
    ErrorCase(
      arguments: ["run", "r", "--dry-run=yes"], kind: .unexpectedValue(option: "--dry-run"),
      commandPath: ["triage", "run"]),
    ErrorCase(
      arguments: ["run", "r", "--archive", "a", "--archive=b"],
      kind: .repeatedOption("--archive"), commandPath: ["triage", "run"]),
    ErrorCase(
      arguments: ["run"], kind: .missingArgument(valueName: "runbook"),
      commandPath: ["triage", "run"]),
    ErrorCase(
      arguments: ["lint"], kind: .missingArgument(valueName: "path"),
      commandPath: ["triage", "lint"]),
    ErrorCase(
      arguments: ["run", "r", "extra"], kind: .unexpectedArgument("extra"),
      commandPath: ["triage", "run"]),
    ErrorCase(
      arguments: ["archive", "list", "a", "b"], kind: .unexpectedArgument("b"),
      commandPath: ["triage", "archive", "list"]),
  ]

  @Test(arguments: errorCases)
  func reportsTheFirstMistake(_ testCase: ErrorCase) {
    let error = #expect(throws: ArgumentError.self) { try Sample.parse(testCase.arguments) }
    #expect(error?.kind == testCase.kind)
    #expect(error?.commandPath == testCase.commandPath)
  }
}
