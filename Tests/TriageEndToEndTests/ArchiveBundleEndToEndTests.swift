import Foundation
import Testing
import TriageTestSupport

/// `triage archive bundle` with the real binary: the tar file extracts with the system's `tar`,
/// and every command its README prints passes as printed (checksums, each inclusion proof with
/// the Python script, each signature with plain `ssh-keygen`); a one-byte change in an
/// extracted record fails its proof.
@Suite(.serialized) struct ArchiveBundleEndToEndTests {
  static let runbook = BundledRunbooks.path(of: "identity-provider-compromise")
  static let first = BundledRunbooks.folder + "/examples/okta-2023.answers.yaml"
  static let revised = BundledRunbooks.folder + "/examples/okta-2023-revised.answers.yaml"
  static let hasSSHKeygen = ArchiveTrustEndToEndTests.hasSSHKeygen

  /// An archive with the Okta record, its revision, an attached notice, a note on the
  /// revision and an unrelated record; signed by alice when `ssh-keygen` is here.
  struct Setup {
    let folder: TemporaryDirectory
    let archive: String
    let environment: [String: String]
    let first: String

    init() throws {
      folder = try TemporaryDirectory()
      archive = folder.url.appendingPathComponent("log").path
      var environment: [String: String] = [:]
      if ArchiveBundleEndToEndTests.hasSSHKeygen {
        let key = try ArchiveTrustEndToEndTests.key(named: "alice", in: folder)
        try FileManager.default.createDirectory(
          atPath: archive, withIntermediateDirectories: true)
        try ("alice " + String(contentsOfFile: key + ".pub", encoding: .utf8))
          .write(toFile: archive + "/allowed_signers", atomically: true, encoding: .utf8)
        environment["TRIAGE_SIGNING_KEY"] = key
      }
      self.environment = environment
      try Self.run(
        ["run", ArchiveBundleEndToEndTests.runbook, "--answers", ArchiveBundleEndToEndTests.first],
        folder, environment)
      first = try #require(
        ArchiveTestSupport.files(under: archive).first { $0.hasPrefix("records/") }
          .map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
      try Self.run(
        [
          "run", ArchiveBundleEndToEndTests.runbook, "--revises", first, "--answers",
          ArchiveBundleEndToEndTests.revised,
        ], folder, environment)
      let notice = try folder.write("<html>Okta: support system notice</html>\n", to: "n.html")
      try Self.run(
        ["archive", "attach", first, notice.path, "--note", "as published"], folder,
        environment)
      // An unrelated record: not in the bundle.
      try Self.run(
        ["run", ArchiveBundleEndToEndTests.runbook, "--answers", ArchiveBundleEndToEndTests.first],
        folder, environment)
    }

    static func run(
      _ arguments: [String], _ folder: TemporaryDirectory, _ environment: [String: String]
    ) throws {
      let result = try runTriage(
        arguments + ["--archive", "log"], environment: environment, currentDirectory: folder.url)
      #expect(result.status == 0, "\(result)")
    }
  }

  /// Runs `command` with `sh -c` in `directory`.
  static func shell(_ command: String, in directory: URL) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = directory
    process.environment = TriageBinary.environment()
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// The lines of the README's `sh` code blocks.
  static func commands(in readme: String) -> [String] {
    var commands: [String] = []
    var inBlock = false
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "```sh" {
        inBlock = true
      } else if line == "```" {
        inBlock = false
      } else if inBlock && !line.isEmpty {
        commands.append(String(line))
      }
    }
    return commands
  }

  @Test func everyCheckTheReadmePrintsPassesAndAChangedByteFails() throws {
    let setup = try Setup()
    let tar = setup.folder.url.appendingPathComponent("audit.tar").path
    let bundled = try runTriage(
      ["archive", "bundle", String(setup.first.prefix(20)), "-o", tar, "--archive", "log"],
      environment: setup.environment, currentDirectory: setup.folder.url)
    #expect(bundled.status == 0, "\(bundled)")
    #expect(bundled.output.contains("Bundled 2 record(s), "), "\(bundled)")
    let attributes = try FileManager.default.attributesOfItem(atPath: tar)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

    let out = setup.folder.url.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let (extracted, tarOutput) = try Self.shell("tar -xf " + tar, in: out)
    #expect(extracted == 0, "\(tarOutput)")
    let bundle = out.appendingPathComponent("triage-bundle-\(setup.first)")
    let files = TemporaryDirectory.files(under: bundle.path)
    let records = files.filter { $0.hasPrefix("records/") && $0.hasSuffix(".json") }
    let amendments = files.filter { $0.hasPrefix("amendments/") && $0.hasSuffix(".json") }
    // The record and its revision, not the unrelated one; the attach and the superseded
    // amendment; the notice.
    #expect(records.count == 2 && amendments.count == 2, "\(files)")
    #expect(files.filter { $0.hasPrefix("evidence/sha256/") }.count == 1, "\(files)")
    #expect(files.filter { $0.hasPrefix("proofs/") }.count == 4, "\(files)")
    #expect(files.contains("check-proof.py") && files.contains("SHA256SUMS"))
    #expect(files.filter { $0.hasSuffix(".md") && $0.hasPrefix("records/") }.count == 2)

    let readme = try String(
      contentsOf: bundle.appendingPathComponent("README.md"), encoding: .utf8)
    let commands = Self.commands(in: readme)
    #expect(commands.first == "sha256sum -c SHA256SUMS")
    let proofs = commands.filter { $0.hasPrefix("python3 check-proof.py ") }
    #expect(proofs.count == 4)
    let verifies = commands.filter { $0.contains("ssh-keygen -Y verify") }
    // Each signed document, and the checkpoint.
    let signatures = files.filter { $0.hasSuffix(".json.sig") }
    #expect(verifies.count == (Self.hasSSHKeygen ? signatures.count + 1 : 0), "\(readme)")
    #expect(Self.hasSSHKeygen == !signatures.isEmpty)
    #expect(commands.filter { $0.hasPrefix("grep -q ") }.count == 3, "\(readme)")
    for command in commands {
      let (status, output) = try Self.shell(command, in: bundle)
      #expect(status == 0, "\(command)\n\(output)")
    }

    // One byte of the record changed: its proof and the checksums fail.
    let record = try #require(records.first { $0.contains(setup.first) })
    let path = bundle.appendingPathComponent(record).path
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[bytes.count / 2] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let proof = try #require(proofs.first { $0.contains(record) })
    let (failed, failure) = try Self.shell(proof, in: bundle)
    #expect(failed == 1, "\(failure)")
    #expect(failure.contains("NOT included"))
    #expect(try Self.shell("sha256sum -c SHA256SUMS", in: bundle).0 != 0)
  }

  @Test func withoutOutputItIsAUsageError() throws {
    let folder = try TemporaryDirectory()
    let result = try runTriage(
      ["archive", "bundle", "2026", "--archive", "log"], currentDirectory: folder.url)
    #expect(result.status == 2, "\(result)")
    #expect(result.error.contains("-o FILE.tar"))
  }
}
