import Foundation
import TriageTestSupport

/// What one run of the real `triage` executable did.
struct TriageResult: CustomStringConvertible {
  /// The exit status; 128 + the signal number when a signal ended it.
  var status: Int32
  var output: String
  var error: String

  var description: String { "exit \(status)\n--- stdout\n\(output)--- stderr\n\(error)" }
}

enum TriageProcessError: Error {
  case timedOut(arguments: [String])
}

/// Runs the built `triage` with `arguments` through pipes (never a terminal), and waits for it.
///
/// - Parameters:
///   - standardInput: the bytes piped in; nil connects `/dev/null`.
///   - environment: added to `TriageBinary.environment()`.
///   - currentDirectory: the child's working directory (default: a fresh temporary one).
///   - executable: another copy of triage to run (an installed one, say).
///   - timeout: the child is killed after it, and `TriageProcessError.timedOut` thrown.
func runTriage(
  _ arguments: [String],
  standardInput: String? = nil,
  environment: [String: String] = [:],
  currentDirectory: URL? = nil,
  executable: URL? = nil,
  timeout: TimeInterval = 30
) throws -> TriageResult {
  let scratch = try TemporaryDirectory()
  let outputURL = scratch.url.appendingPathComponent("stdout")
  let errorURL = scratch.url.appendingPathComponent("stderr")
  try Data().write(to: outputURL)
  try Data().write(to: errorURL)

  let process = Process()
  process.executableURL = try executable ?? TriageBinary.url()
  process.arguments = arguments
  process.environment = TriageBinary.environment(adding: environment)
  process.currentDirectoryURL = currentDirectory ?? scratch.url
  // Files, not pipes, so a chatty child can never fill a pipe and block.
  let outputHandle = try FileHandle(forWritingTo: outputURL)
  let errorHandle = try FileHandle(forWritingTo: errorURL)
  defer {
    try? outputHandle.close()
    try? errorHandle.close()
  }
  process.standardOutput = outputHandle
  process.standardError = errorHandle
  if let standardInput {
    let inputURL = scratch.url.appendingPathComponent("stdin")
    try Data(standardInput.utf8).write(to: inputURL)
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
  } else {
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
  }

  try process.run()
  let deadline = Date().addingTimeInterval(timeout)
  while process.isRunning {
    if Date() > deadline {
      process.terminate()
      process.waitUntilExit()
      throw TriageProcessError.timedOut(arguments: arguments)
    }
    usleep(2_000)
  }
  process.waitUntilExit()
  let status =
    process.terminationReason == .uncaughtSignal
    ? 128 + process.terminationStatus : process.terminationStatus
  return TriageResult(
    status: status,
    output: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
    error: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
}
