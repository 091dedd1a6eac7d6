import Foundation
import TriageTestSupport

/// Helpers for the `triage archive` end-to-end tests.
enum ArchiveTestSupport {
  /// Writes ``archiveFixtureDocuments`` into `folder/name` and returns the archive's path.
  @discardableResult
  static func writeFixture(in folder: TemporaryDirectory, name: String = "log") throws -> String {
    for document in archiveFixtureDocuments {
      try folder.write(document.text, to: "\(name)/\(document.path)")
    }
    return folder.url.appendingPathComponent(name).path
  }

  /// Runs `triage archive ARGUMENTS --archive ARCHIVE`.
  static func archive(_ arguments: [String], _ archive: String) throws -> TriageResult {
    try runTriage(["archive"] + arguments + ["--archive", archive])
  }

  /// Every file under `root`, relative to it, sorted (hidden files included).
  static func files(under root: String) -> [String] {
    TemporaryDirectory.files(under: root)
  }

  /// The paths of every folder below `root`, sorted.
  static func folders(under root: String) -> [String] {
    TemporaryDirectory.folders(under: root)
  }

  /// Writes the end-to-end fixture runbook and answers into `folder`.
  static func writeRunbook(in folder: TemporaryDirectory) throws {
    try folder.write(fixtureRunbook, to: "vendor-breach.yaml")
    try folder.write(fixtureAnswers, to: "answers.yaml")
  }

  /// The arguments of `triage run` with the fixture runbook into `archive`.
  static func runArguments(_ folder: TemporaryDirectory, archive: String) -> [String] {
    [
      "run", folder.url.appendingPathComponent("vendor-breach.yaml").path, "--answers",
      folder.url.appendingPathComponent("answers.yaml").path, "--archive", archive,
    ]
  }

  /// Starts the real binary without waiting for it.
  static func start(_ arguments: [String], in directory: URL) throws -> Process {
    let process = Process()
    process.executableURL = try TriageBinary.url()
    process.arguments = arguments
    process.environment = TriageBinary.environment()
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    process.standardError = FileHandle(forWritingAtPath: "/dev/null")
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    try process.run()
    return process
  }

  /// Runs `git ARGUMENTS` in `directory`; returns its status and output.
  @discardableResult
  static func git(_ arguments: [String], in directory: URL) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      [
        "git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c",
        "init.defaultBranch=main", "-c", "pull.rebase=false", "-c", "commit.gpgsign=false",
      ]
      + arguments
    process.currentDirectoryURL = directory
    var environment = TriageBinary.environment()
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Whether every visible `.json` file under `root` parses as JSON, and no visible file is a
  /// temporary one; returns the offending paths.
  static func partialFiles(under root: String) -> [String] {
    files(under: root).filter { path in
      let name = (path as NSString).lastPathComponent
      if name.hasPrefix(".") || path.hasPrefix(".cache/") { return false }
      if name.hasSuffix(".tmp") { return true }
      guard name.hasSuffix(".json") else { return false }
      guard let data = FileManager.default.contents(atPath: root + "/" + path),
        (try? JSONSerialization.jsonObject(with: data)) != nil
      else { return true }
      return false
    }
  }
}
