import Foundation
import RunbookCore
import TriageSession
import YAMLLite

extension Command {
  /// `triage test [PATH ...] [--coverage] [--strict-coverage] [--json]`: runbook scenarios.
  static let test = Command(
    "test",
    abstract: "Run runbook scenarios and check their expected outcomes.",
    discussion: """
      Runs every scenario file under each PATH (default: Runbooks/tests, else Runbooks). A \
      scenario names a runbook, fixes the clock, gives answers as an answers file does, and \
      lists the outcomes it expects: severity, decision, actions and notifications present or \
      absent, and due times. Folders are searched recursively for YAML files with a top-level \
      'scenario:' key. Each scenario prints PASS or FAIL with every failure as \
      FILE:LINE:COLUMN: message, and the last line is 'N passed, N failed'.

      --coverage adds, per runbook, the questions never asked or answered, the choices never \
      picked, and the outcome rules (derived values, severity and decision entries, actions, \
      notifications) that no scenario fired, and hints about conditions never seen both ways.

      Exit status: 0 when every scenario passes, 1 when one fails (or, with \
      --strict-coverage, when anything is unexercised), 65 when a scenario file is malformed \
      or its runbook does not load.
      """,
    arguments: [
      ArgumentSpec(
        .path, arity: .zeroOrMore, help: "Scenario files or folders to search for them.")
    ],
    options: [
      .flag(.coverage, help: "Report what the scenarios leave unexercised, per runbook."),
      .flag(
        .strictCoverage,
        help: "Report coverage and exit 1 when any question, choice or rule is unexercised."),
      .flag(.json, help: "Print the results (and coverage) as JSON."),
      RunbookLocator.option,
    ],
    action: TestCommand.run)
}

/// What `triage test` does.
enum TestCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    var paths = invocation.arguments(.path)
    if paths.isEmpty { paths = [TestDiscovery.defaultPath(in: context)] }
    let inputs = try TestDiscovery.discover(paths, in: context)
    var runbooks = TestRunbooks(context, invocation)
    var report = TestReport()
    var observed: [(loaded: LoadedRunbook, observations: [ScenarioObservation])] = []
    for file in inputs.scenarios {
      let entry = runOne(file, runbooks: &runbooks)
      report.entries.append(entry.entry)
      if let loaded = entry.runbook, let observation = entry.observation {
        if let index = observed.firstIndex(where: { $0.loaded.path == loaded.path }) {
          observed[index].observations.append(observation)
        } else {
          observed.append((loaded, [observation]))
        }
      }
    }
    let strict = invocation.flag(.strictCoverage)
    if invocation.flag(.coverage) || strict {
      report.coverage = observed.map {
        ScenarioCoverage(runbook: $0.loaded.runbook, observations: $0.observations)
      }
      let tested = Set(observed.map(\.loaded.runbook.id))
      report.untestedRunbooks = inputs.runbookFiles.filter { !tested.contains($0.id) }
    }
    let text =
      invocation.flag(.json) ? TestReportFormatter.json(report) : TestReportFormatter.text(report)
    context.standardOutput.write(text)
    if report.entries.isEmpty {
      throw CommandError.noScenarioFiles(searched: paths)
    }
    if report.entries.contains(where: \.isMalformed) { return .dataError }
    if report.failedCount > 0 { return .failure }
    if strict && !report.isCoverageComplete { return .failure }
    return .success
  }

  private static func runOne(
    _ file: TestInputs.ScenarioFile, runbooks: inout TestRunbooks
  ) -> (entry: TestReport.Entry, runbook: LoadedRunbook?, observation: ScenarioObservation?) {
    guard let root = file.root else {
      let error = file.syntaxError.map { [Diagnostic($0)] }
      let name = file.guessedName.flatMap { $0.isEmpty ? nil : $0 } ?? file.path
      return (.malformed(name: name, file: file.path, error ?? []), nil, nil)
    }
    let (loadedScenario, diagnostics) = Scenario.load(root, file: file.path)
    guard let scenario = loadedScenario else {
      let name = scenarioName(in: root) ?? file.path
      var problems = diagnostics
      if !Scenario.isScenario(root) {
        problems.append(Diagnostic(.error, RunbookFileProblem.notAScenario, at: root.location))
      }
      return (.malformed(name: name, file: file.path, problems.sortedByLocation()), nil, nil)
    }
    switch runbooks.runbook(for: scenario) {
    case .failure(let error):
      return (.malformed(name: scenario.name, file: file.path, error.diagnostics), nil, nil)
    case .success(let loaded):
      let result = ScenarioRunner.run(
        scenario, runbook: loaded.runbook, calendar: loaded.calendar)
      let entry = TestReport.Entry(
        name: scenario.name, file: file.path, runbookID: scenario.runbookID,
        failures: result.failures, warnings: diagnostics + result.warnings, isMalformed: false)
      return (entry, loaded, result.observation)
    }
  }

  private static func scenarioName(in root: Node) -> String? {
    guard case .mapping(let entries) = root.content,
      let value = entries.first(where: { $0.key == "scenario" })?.value,
      case .scalar(let scalar) = value.content, !scalar.text.isEmpty
    else { return nil }
    return scalar.text
  }
}
