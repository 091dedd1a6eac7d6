import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// `archive checkpoint`, `verify --checkpoint` and signing in-process, with a signature tool
/// double in place of `ssh-keygen`.
@Suite struct ArchiveTrustCommandTests {
  /// Signs with "fake:KEY:SHA256" in armor; a signature by `alice-key` verifies as alice.
  struct FakeSignatureTool: SignatureTool {
    var unavailableReason: String?

    func sign(_ message: [UInt8], keyPath: String) throws(SignatureError) -> String {
      let payload = "fake:\(keyPath):\(SHA256.hexHash(message))"
      return Checkpoint.armored(Data(payload.utf8).base64EncodedString())
    }

    func verify(
      _ message: [UInt8], signature: String, allowedSignersPath: String
    ) -> SignatureCheck {
      let base64 = signature.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
      guard let data = Data(base64Encoded: base64) else { return .bad(reason: "not base64") }
      let words = String(decoding: data, as: UTF8.self).split(separator: ":")
      guard words.count == 3, words[2] == SHA256.hexHash(message) else {
        return .bad(reason: "does not match")
      }
      return words[1].hasSuffix("alice-key")
        ? .signed(principal: "alice") : .unknownKey(fingerprint: "SHA256:\(words[1])")
    }
  }

  let tree: InMemoryFileSystem

  init() {
    tree = InMemoryFileSystem(
      Dictionary(
        uniqueKeysWithValues: archiveFixtureDocuments.map { ("/w/log/" + $0.path, $0.text) }))
  }

  func run(
    _ arguments: [String], tool: FakeSignatureTool = FakeSignatureTool()
  ) -> (exit: TriageExit, output: String, error: String) {
    var context = CommandContext.testing(fileSystem: tree)
    context.signatureTool = tool
    let exit = Triage.main(["archive"] + arguments + ["--archive", "log"], context: context)
    return (exit, context.capturedOutput, context.capturedError)
  }

  @Test func checkpointIsTheBodyAndKeepsTheLeafList() throws {
    let result = run(["checkpoint"])
    #expect(result.exit == .success)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4)
    #expect(lines[0] == "triage/log" && lines[1] == "7" && lines[3] == "")
    let root = try #require(Data(base64Encoded: String(lines[2])))
    let name = "7-" + Hex.string(of: Array(root)).prefix(16) + ".leaves"
    #expect(
      result.error
        == "triage: Checkpoint of 7 documents; leaf list kept in /w/log/checkpoints/\(name)\n")
  }

  @Test func verifyWithTheSameCheckpointSaysSoAndNamesASignedOne() {
    _ = run(["checkpoint", "--sign-key", "alice-key", "-o", "cp.txt"])
    let result = run(["verify", "--checkpoint", "cp.txt"])
    #expect(result.exit == .success, "\(result)")
    #expect(result.output.contains("Checkpoint: signed by alice.\n"))
    #expect(
      result.output.contains(
        "The archive extends the checkpoint: it holds the same 7 documents, unchanged.\n"))
  }

  @Test func aSignedNoteIsReportedAndRequiredSignaturesFail() {
    let note = run(["note", "20210401", "checked", "--sign-key", "alice-key"])
    #expect(note.exit == .success, "\(note)")
    #expect(note.output.contains("Signed: wrote /w/log/amendments/"))
    let verified = run(["verify"])
    #expect(verified.exit == .success)
    #expect(verified.output.contains("Signatures: 1 signed, 7 unsigned, 0 badly signed.\n"))
    #expect(run(["verify", "--require-signatures"]).exit == .dataError)
  }

  @Test func attachedEvidenceIsSignedLikeANote() throws {
    try tree.writeNewFile(Array("vendor notice, as published\n".utf8), at: "/w/notice.txt")
    let attached = run(["attach", "20210401", "notice.txt", "--sign-key", "alice-key"])
    #expect(attached.exit == .success, "\(attached)")
    #expect(attached.output.contains("Signed: wrote /w/log/amendments/"))
    let verified = run(["verify"])
    #expect(verified.exit == .success, "\(verified)")
    #expect(verified.output.contains("Signatures: 1 signed, 7 unsigned, 0 badly signed.\n"))
  }

  @Test func aSignatureThatDoesNotMatchItsDocumentFailsVerify() throws {
    let note = run(["note", "20210401", "checked", "--sign-key", "alice-key"])
    let written = try #require(note.output.split(separator: " ").last)
    let signaturePath = written.trimmingCharacters(in: .whitespacesAndNewlines)
    let forged = try FakeSignatureTool().sign(Array("other bytes".utf8), keyPath: "alice-key")
    try tree.replaceFile(Array(forged.utf8), at: signaturePath)
    let verified = run(["verify"])
    #expect(verified.exit == .dataError)
    #expect(verified.output.contains(": BADLY SIGNED: bad signature (does not match)\n"))
  }

  @Test func theArchiveConfigNamesTheKeyAndTheOrigin() throws {
    try tree.writeNewFile(
      Array("signing-key: alice-key\norigin: example.com/incidents\n".utf8),
      at: "/w/log/config.yaml")
    let note = run(["note", "20210401", "checked"])
    #expect(note.exit == .success, "\(note)")
    #expect(note.output.contains("Signed: wrote /w/log/amendments/"))
    let checkpoint = run(["checkpoint"])
    #expect(checkpoint.output.hasPrefix("example.com/incidents\n8\n"))
    #expect(checkpoint.output.contains("\n\n\u{2014} alice ssh:"))
  }

  @Test func withoutTheToolTheNoteIsWrittenUnsigned() {
    let tool = FakeSignatureTool(unavailableReason: "ssh-keygen (OpenSSH) was not found on PATH")
    let note = run(["note", "20210401", "checked", "--sign-key", "k"], tool: tool)
    #expect(note.exit == .success)
    #expect(
      note.error
        == "triage: warning: ssh-keygen (OpenSSH) was not found on PATH; records are written "
        + "unsigned\n")
  }
}
