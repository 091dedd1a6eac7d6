import Foundation
import IncidentLog

/// The real ``SignatureTool``: runs OpenSSH's `ssh-keygen -Y ...` with the namespace `triage`.
///
/// The only place triage starts a process. `ssh-keygen` is looked up on the `PATH` the command
/// was given; without it, ``unavailableReason`` says so and nothing is run.
struct OpenSSHSignatureTool: SignatureTool {
  /// The signature namespace (`-n`): a signature made for triage is no git commit signature.
  static let namespace = "triage"

  /// The `ssh-keygen` found on `PATH`, or nil.
  let executable: String?

  /// Looks `ssh-keygen` up on `path` (colon-separated folders).
  init(path: String?) {
    let folders = (path ?? "").split(separator: ":").map(String.init)
    executable = folders.map { $0 + "/ssh-keygen" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  var unavailableReason: String? {
    executable == nil ? "ssh-keygen (OpenSSH) was not found on PATH" : nil
  }

  func sign(_ message: [UInt8], keyPath: String) throws(SignatureError) -> String {
    do {
      return try withScratch { folder in
        let file = folder + "/message"
        try Data(message).write(to: URL(fileURLWithPath: file))
        let result = try run(["-Y", "sign", "-n", Self.namespace, "-f", keyPath, "-q", file])
        guard result.status == 0 else {
          throw SignatureError(Self.firstLine(result.error) ?? "ssh-keygen -Y sign failed")
        }
        return try String(contentsOfFile: file + ".sig", encoding: .utf8)
      }
    } catch let error as SignatureError {
      throw error
    } catch {
      throw SignatureError("\(error)")
    }
  }

  func verify(
    _ message: [UInt8], signature: String, allowedSignersPath: String
  ) -> SignatureCheck {
    do {
      return try withScratch { folder in
        let file = folder + "/message"
        let signatureFile = folder + "/message.sig"
        try Data(message).write(to: URL(fileURLWithPath: file))
        try Data(signature.utf8).write(to: URL(fileURLWithPath: signatureFile))
        let found = try run(
          ["-Y", "find-principals", "-s", signatureFile, "-f", allowedSignersPath])
        let principals = found.output.split(whereSeparator: \.isNewline).map(String.init)
        if found.status == 0, let principal = principals.first {
          let checked = try run(
            [
              "-Y", "verify", "-f", allowedSignersPath, "-I", principal, "-n", Self.namespace,
              "-s", signatureFile,
            ], input: file)
          return checked.status == 0
            ? .signed(principal: principal)
            : .bad(reason: Self.firstLine(checked.error) ?? "the signature does not match")
        }
        let unchecked = try run(
          ["-Y", "check-novalidate", "-n", Self.namespace, "-s", signatureFile], input: file)
        guard unchecked.status == 0 else {
          return .bad(reason: Self.firstLine(unchecked.error) ?? "the signature does not match")
        }
        let fingerprint = unchecked.output.split(separator: " ").last.map {
          $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return .unknownKey(fingerprint: fingerprint ?? "unknown")
      }
    } catch {
      return .notChecked(reason: "\(error)")
    }
  }

  /// What one `ssh-keygen` run did.
  private struct Outcome {
    var status: Int32
    var output: String
    var error: String
  }

  /// Runs `ssh-keygen ARGUMENTS` with standard input from the file `input` (else `/dev/null`).
  private func run(_ arguments: [String], input: String? = nil) throws -> Outcome {
    guard let executable else { throw SignatureError(unavailableReason ?? "") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle(forReadingAtPath: input ?? "/dev/null")
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // ssh-keygen writes a line or two: reading one pipe to its end cannot block the other.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData, as: UTF8.self))
  }

  /// Runs `body` with a new private folder, removed afterwards on every path.
  private func withScratch<Result>(_ body: (String) throws -> Result) throws -> Result {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("triage-sig-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
  }

  private static func firstLine(_ text: String) -> String? {
    text.split(whereSeparator: \.isNewline).first.map(String.init)
  }
}
