import Foundation
import IncidentLog
import TriageCLI

extension CommandContext {
  /// A context for in-process tests: captured output, scripted input, files in memory, a fixed
  /// clock and no terminal unless one is asked for.
  ///
  ///     let context = CommandContext.testing(files: ["/w/a.yaml": "a: b\n"])
  ///     let exit = Triage.main(["parse", "a.yaml"], context: context)
  ///     #expect(context.capturedOutput == "...")
  ///
  /// - Parameters:
  ///   - files: The starting tree, path to text; a relative path is inside `currentDirectory`.
  ///   - fileSystem: The tree to use instead (pass one to look at what a command wrote); when
  ///     given, `files` are added to it.
  ///   - environment: The variables; `USER=tester` is added unless `USER` or `LOGNAME` is
  ///     given (pass `"USER": ""` for a run that knows no responder).
  package static func testing(
    standardInput: String = "",
    files: [String: String] = [:],
    fileSystem: InMemoryFileSystem? = nil,
    environment: [String: String] = [:],
    currentDirectory: String = "/w",
    now: Date = Date(timeIntervalSince1970: 1_800_000_000),
    terminal: TerminalTraits = .none
  ) -> CommandContext {
    let absoluteFiles = Dictionary(
      files.map { path, text in
        (path.hasPrefix("/") ? path : currentDirectory + "/" + path, text)
      },
      uniquingKeysWith: { _, last in last })
    let tree = fileSystem ?? InMemoryFileSystem()
    tree.add(absoluteFiles)
    try? tree.createDirectory(at: currentDirectory)
    return CommandContext(
      standardInput: ScriptedInput(standardInput),
      standardOutput: CapturedOutput(),
      standardError: CapturedOutput(),
      fileSystem: tree,
      environment: Self.withUser(environment),
      currentDirectory: currentDirectory,
      now: { now },
      terminal: terminal)
  }

  /// `environment` with `USER=tester` unless it names `USER` or `LOGNAME`: `triage run` needs
  /// to know who answers, and most tests are not about that.
  package static func withUser(_ environment: [String: String]) -> [String: String] {
    guard environment["USER"] == nil, environment["LOGNAME"] == nil else { return environment }
    return environment.merging(["USER": "tester"]) { given, _ in given }
  }

  /// What was written to standard output, when it is a `CapturedOutput`.
  package var capturedOutput: String { (standardOutput as? CapturedOutput)?.text ?? "" }
  /// What was written to standard error, when it is a `CapturedOutput`.
  package var capturedError: String { (standardError as? CapturedOutput)?.text ?? "" }
}
