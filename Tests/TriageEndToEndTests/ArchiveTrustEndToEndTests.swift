import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// Checkpoints, inclusion proofs and SSH signatures, with the real binary: what the hash chain
/// alone cannot catch (the newest record edited and re-sealed, or deleted, or the whole archive
/// rewritten consistently), `verify --checkpoint` names.
@Suite struct ArchiveTrustEndToEndTests {
  static let hasSSHKeygen = FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")

  /// An archive of three records and a checkpoint of it, written outside the archive.
  struct Setup {
    let folder: TemporaryDirectory
    let archive: String
    let checkpoint: String

    init(records: Int = 3) throws {
      folder = try TemporaryDirectory()
      try ArchiveTestSupport.writeRunbook(in: folder)
      archive = folder.url.appendingPathComponent("log").path
      checkpoint = folder.url.appendingPathComponent("checkpoint.txt").path
      // Ids order to the second: one second apart, tree order is the order written.
      for index in 0..<records {
        if index > 0 { Thread.sleep(forTimeInterval: 1.1) }
        try run()
      }
      guard records > 0 else { return }
      let written = try ArchiveTestSupport.archive(["checkpoint", "-o", checkpoint], archive)
      #expect(written.status == 0, "\(written)")
    }

    /// Writes one more record.
    func run(_ extra: [String] = [], environment: [String: String] = [:]) throws {
      let result = try runTriage(
        ArchiveTestSupport.runArguments(folder, archive: archive) + extra,
        environment: environment)
      #expect(result.status == 0, "\(result)")
    }

    /// The documents' paths, oldest first.
    func documents() -> [String] {
      ArchiveTestSupport.files(under: archive)
        .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".cache") }
        .sorted { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }
    }

    func id(of path: String) -> String {
      String(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
    }

    /// Re-seals the documents from the `from`-th on, in order, as a forger would.
    ///
    /// `edit` changes the first of them, and every later one gets the new parents. The chain
    /// stays intact.
    func reseal(from first: Int, edit: (inout JSONObject) -> Void) throws {
      let store = ArchiveStore(root: archive, fileSystem: SystemFileSystem())
      let paths = Array(documents()[first...])
      var originals: [(path: String, object: JSONObject, report: String?)] = []
      for path in paths {
        let full = archive + "/" + path
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: full)))
        let object = try #require(try JSONValue.parse(bytes).objectValue)
        let reportPath = String(full.dropLast(5)) + ".md"
        let report = try? String(contentsOfFile: reportPath, encoding: .utf8)
        originals.append((path, object, report))
        try FileManager.default.removeItem(atPath: full)
        try? FileManager.default.removeItem(atPath: reportPath)
      }
      try? FileManager.default.removeItem(atPath: archive + "/.cache")
      let formatter = ISO8601DateFormatter()
      for (offset, original) in originals.enumerated() {
        var object = original.object
        _ = object.removeValue(forKey: "integrity")
        if offset == 0 { edit(&object) }
        let createdAt = try #require(
          object["created_at"]?.stringValue.flatMap { formatter.date(from: $0) })
        let kind: DocumentKind = original.path.hasPrefix("records/") ? .record : .amendment
        let report = original.report
        try store.append(
          document: .object(object), kind: kind, id: id(of: original.path), createdAt: createdAt,
          report: report.map { text in { _ in text } })
      }
    }

    func verify(_ extra: [String] = []) throws -> TriageResult {
      try ArchiveTestSupport.archive(["verify", "--checkpoint", checkpoint] + extra, archive)
    }
  }

  static func changeDecision(_ object: inout JSONObject) {
    object["decision"] = .string("Nothing happened here.")
  }

  @Test func newestRecordEditedAndResealedIsNamed() throws {
    let setup = try Setup()
    let newest = setup.id(of: try #require(setup.documents().last))
    try setup.reseal(from: 2, edit: Self.changeDecision)
    // The chain alone cannot see it.
    #expect(try ArchiveTestSupport.archive(["verify"], setup.archive).status == 0)
    let result = try setup.verify()
    #expect(result.status == 65, "\(result)")
    #expect(result.output.contains("changed: \(newest)\n"))
    #expect(result.output.contains("The archive does NOT extend the checkpoint: 1 of its 3"))
  }

  @Test func newestRecordDeletedIsNamed() throws {
    let setup = try Setup()
    let newest = try #require(setup.documents().last)
    try FileManager.default.removeItem(atPath: setup.archive + "/" + newest)
    try FileManager.default.removeItem(
      atPath: setup.archive + "/" + String(newest.dropLast(5)) + ".md")
    #expect(try ArchiveTestSupport.archive(["verify"], setup.archive).status == 0)
    let result = try setup.verify()
    #expect(result.status == 65, "\(result)")
    #expect(result.output.contains("dropped: \(setup.id(of: newest))\n"))
  }

  @Test func archiveRewrittenConsistentlyIsNamed() throws {
    let setup = try Setup()
    let ids = setup.documents().map(setup.id(of:))
    try setup.reseal(from: 0, edit: Self.changeDecision)
    #expect(try ArchiveTestSupport.archive(["verify"], setup.archive).status == 0)
    let result = try setup.verify()
    #expect(result.status == 65, "\(result)")
    // The edited record, and each later one (their parents changed with it).
    for id in ids { #expect(result.output.contains("changed: \(id)\n")) }
    // Without the leaf list, the change is still found, but cannot be named.
    try FileManager.default.removeItem(atPath: setup.archive + "/checkpoints")
    let unnamed = try setup.verify()
    #expect(unnamed.status == 65, "\(unnamed)")
    #expect(unnamed.output.contains("the leaf list needed to name the change"))
    #expect(unnamed.output.contains("is missing."))
  }

  @Test func growthIsProvedConsistent() throws {
    let setup = try Setup()
    // Ids order to the second: a record of the same second may sort before the others.
    Thread.sleep(forTimeInterval: 1.1)
    try setup.run()
    let result = try setup.verify()
    #expect(result.status == 0, "\(result)")
    #expect(result.output.contains("consistency proof (3 hashes) from size 3 to 4 checked"))
  }

  @Test func inclusionProofChecksWithTriageAndThePythonScript() throws {
    let setup = try Setup()
    let record = setup.archive + "/" + setup.documents()[1]
    let proof = setup.folder.url.appendingPathComponent("proof.txt").path
    let proved = try ArchiveTestSupport.archive(
      [
        "prove", String(setup.id(of: record).prefix(24)), "--checkpoint", setup.checkpoint, "-o",
        proof,
      ],
      setup.archive)
    #expect(proved.status == 0, "\(proved)")
    let copy = setup.folder.url.appendingPathComponent("record.json").path
    try FileManager.default.copyItem(atPath: record, toPath: copy)
    func check() throws -> (triage: Int32, python: Int32) {
      let triage = try runTriage(
        ["archive", "check-proof", proof, "--record", copy, "--checkpoint", setup.checkpoint])
      let python = try Self.python([Self.script, proof, copy, setup.checkpoint])
      return (triage.status, python)
    }
    #expect(try check() == (0, 0))
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: copy)))
    bytes[bytes.count / 2] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: copy))
    #expect(try check() == (65, 1))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
  func mergedClonesExtendBothCheckpoints() throws {
    let folder = try TemporaryDirectory()
    try ArchiveTestSupport.writeRunbook(in: folder)
    let git = ArchiveTestSupport.git
    let alice = folder.url.appendingPathComponent("alice")
    let bob = folder.url.appendingPathComponent("bob")
    try FileManager.default.createDirectory(at: alice, withIntermediateDirectories: true)
    #expect(try git(["init", "-q"], alice).0 == 0)
    func record(in clone: URL) throws {
      let result = try runTriage(
        ArchiveTestSupport.runArguments(folder, archive: clone.appendingPathComponent("log").path))
      #expect(result.status == 0, "\(result)")
    }
    func checkpoint(_ clone: URL, _ name: String) throws -> String {
      let path = folder.url.appendingPathComponent(name).path
      let result = try ArchiveTestSupport.archive(
        ["checkpoint", "-o", path], clone.appendingPathComponent("log").path)
      #expect(result.status == 0, "\(result)")
      return path
    }
    func commit(_ clone: URL, _ message: String) throws {
      #expect(try git(["add", "-A"], clone).0 == 0)
      #expect(try git(["commit", "-q", "-m", message], clone).0 == 0)
    }
    try record(in: alice)
    try commit(alice, "first record")
    // Ids order to the second: one second apart, the first record sorts first.
    Thread.sleep(forTimeInterval: 1.1)
    #expect(try git(["clone", "-q", alice.path, bob.path], folder.url).0 == 0)
    try record(in: alice)
    let aliceCheckpoint = try checkpoint(alice, "alice.checkpoint")
    try commit(alice, "alice's record")
    try record(in: bob)
    let bobCheckpoint = try checkpoint(bob, "bob.checkpoint")
    try commit(bob, "bob's record")
    let (pulled, output) = try git(["pull", "-q", "--no-edit", "origin", "HEAD"], bob)
    #expect(pulled == 0, "\(output)")
    let merged = bob.appendingPathComponent("log").path
    var forms: [String] = []
    for checkpoint in [aliceCheckpoint, bobCheckpoint] {
      let result = try ArchiveTestSupport.archive(["verify", "--checkpoint", checkpoint], merged)
      #expect(result.status == 0, "\(result)")
      #expect(result.output.contains("The archive extends the checkpoint"))
      forms.append(result.output.contains("as a set") ? "set" : "linear")
    }
    // The clone whose record sorts second was interleaved: a set extension, not linear.
    #expect(forms.sorted() == ["linear", "set"])
  }

  @Test(.enabled(if: hasSSHKeygen)) func signaturesVerifyWithPlainSSHKeygen() throws {
    let setup = try Setup(records: 0)
    let alice = try Self.key(named: "alice", in: setup.folder)
    let mallory = try Self.key(named: "mallory", in: setup.folder)
    try setup.run(["--sign-key", alice])
    let record = try #require(setup.documents().first)
    try ("alice " + String(contentsOfFile: alice + ".pub", encoding: .utf8))
      .write(toFile: setup.archive + "/allowed_signers", atomically: true, encoding: .utf8)
    let plain = try Self.sshKeygen(
      [
        "-Y", "verify", "-f", setup.archive + "/allowed_signers", "-I", "alice", "-n", "triage",
        "-s", setup.archive + "/" + record + ".sig",
      ], input: setup.archive + "/" + record)
    #expect(plain.status == 0, "\(plain.output)")
    // A note signed with a key the archive does not list, through the environment.
    let note = try runTriage(
      ["archive", "note", setup.id(of: record), "checked", "--archive", setup.archive],
      environment: ["TRIAGE_SIGNING_KEY": mallory])
    #expect(note.status == 0, "\(note)")
    let amendment = try #require(setup.documents().first { $0.hasPrefix("amendments/") })
    let verified = try ArchiveTestSupport.archive(["verify"], setup.archive)
    #expect(verified.status == 0, "\(verified)")
    #expect(verified.output.contains("record \(setup.id(of: record)): signed by alice\n"))
    #expect(
      verified.output.contains(
        "amendment \(setup.id(of: amendment)): BADLY SIGNED: signed by key SHA256:"))
    #expect(verified.output.contains("which is not in allowed_signers"))
    let required = try ArchiveTestSupport.archive(
      ["verify", "--require-signatures"], setup.archive)
    #expect(required.status == 65, "\(required)")
    // A signed checkpoint names its signer.
    let checkpoint = setup.folder.url.appendingPathComponent("signed.checkpoint").path
    let signed = try ArchiveTestSupport.archive(
      ["checkpoint", "--sign-key", alice, "-o", checkpoint], setup.archive)
    #expect(signed.status == 0, "\(signed)")
    let text = try String(contentsOfFile: checkpoint, encoding: .utf8)
    #expect(text.contains("\n\n\u{2014} alice ssh:"))
    let checked = try ArchiveTestSupport.archive(
      ["verify", "--checkpoint", checkpoint], setup.archive)
    #expect(checked.output.contains("Checkpoint: signed by alice."), "\(checked)")
  }

  @Test(.enabled(if: hasSSHKeygen)) func withoutSSHKeygenRecordsAreWrittenUnsigned() throws {
    let setup = try Setup(records: 0)
    let key = try Self.key(named: "alice", in: setup.folder)
    let empty = setup.folder.url.appendingPathComponent("empty-bin")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let result = try runTriage(
      ArchiveTestSupport.runArguments(setup.folder, archive: setup.archive) + ["--sign-key", key],
      environment: ["PATH": empty.path])
    #expect(result.status == 0, "\(result)")
    #expect(
      result.error.contains(
        "ssh-keygen (OpenSSH) was not found on PATH; records are written unsigned"))
    #expect(!ArchiveTestSupport.files(under: setup.archive).contains { $0.hasSuffix(".sig") })
    let verified = try runTriage(
      ["archive", "verify", "--require-signatures", "--archive", setup.archive],
      environment: ["PATH": empty.path])
    #expect(verified.status == 65, "\(verified)")
    #expect(verified.output.contains("Signatures not checked: ssh-keygen (OpenSSH) was not found"))
  }

  // MARK: - Helpers

  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/check-proof.py").path

  /// A new ed25519 key without a passphrase; returns the private key's path.
  static func key(named name: String, in folder: TemporaryDirectory) throws -> String {
    let path = folder.url.appendingPathComponent(name).path
    let made = try sshKeygen(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path])
    #expect(made.status == 0, "\(made.output)")
    return path
  }

  static func sshKeygen(_ arguments: [String], input: String? = nil) throws -> (
    status: Int32, output: String
  ) {
    try tool("/usr/bin/ssh-keygen", arguments, input: input)
  }

  static func python(_ arguments: [String]) throws -> Int32 {
    try tool("/usr/bin/env", ["python3"] + arguments).status
  }

  static func tool(_ executable: String, _ arguments: [String], input: String? = nil) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = TriageBinary.environment()
    process.standardInput = FileHandle(forReadingAtPath: input ?? "/dev/null")
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
