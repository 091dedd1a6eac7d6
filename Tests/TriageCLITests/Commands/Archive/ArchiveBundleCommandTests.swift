import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// `archive bundle` in-process on the fixture archive, with the signature double of
/// ``ArchiveTrustCommandTests``: what the README says of signatures, and bundling against an
/// earlier checkpoint.
@Suite struct ArchiveBundleCommandTests {
  typealias FakeSignatureTool = ArchiveTrustCommandTests.FakeSignatureTool

  let tree: InMemoryFileSystem

  init() throws {
    tree = InMemoryFileSystem(
      Dictionary(
        uniqueKeysWithValues: archiveFixtureDocuments.map { ("/w/log/" + $0.path, $0.text) }))
    try tree.writeNewFile(Array("alice ssh-ed25519 AAAA\n".utf8), at: "/w/log/allowed_signers")
  }

  func run(
    _ arguments: [String], tool: FakeSignatureTool = FakeSignatureTool()
  ) -> (exit: TriageExit, output: String, error: String) {
    var context = CommandContext.testing(fileSystem: tree)
    context.signatureTool = tool
    let exit = Triage.main(["archive"] + arguments + ["--archive", "log"], context: context)
    return (exit, context.capturedOutput, context.capturedError)
  }

  /// The members of the tar file at `path`, by name (files only).
  func members(of path: String) throws -> [String: String] {
    let bytes = try tree.readFile(at: path)
    var members: [String: String] = [:]
    var offset = 0
    while offset + 512 <= bytes.count, bytes[offset] != 0 {
      let header = bytes[offset..<offset + 512]
      let name = String(decoding: header.prefix(100).prefix { $0 != 0 }, as: UTF8.self)
      let prefix = String(
        decoding: header.dropFirst(345).prefix(155).prefix { $0 != 0 }, as: UTF8.self)
      let size = try #require(
        Int(String(decoding: header.dropFirst(124).prefix(11), as: UTF8.self), radix: 8))
      let data = bytes[(offset + 512)..<(offset + 512 + size)]
      if !name.hasSuffix("/") {
        let full = prefix.isEmpty ? name : prefix + "/" + name
        let relative = full.split(separator: "/", maxSplits: 1).last.map(String.init) ?? full
        members[relative] = String(decoding: data, as: UTF8.self)
      }
      offset += 512 + (size + 511) / 512 * 512
    }
    return members
  }

  @Test func aSignedNoteAndCheckpointGetVerifyCommandsNamingTheSigner() throws {
    #expect(run(["note", "20210401", "checked", "--sign-key", "alice-key"]).exit == .success)
    let result = run(["bundle", "20210401", "-o", "b.tar", "--sign-key", "alice-key"])
    #expect(result.exit == .success, "\(result)")
    #expect(result.output.hasSuffix("Wrote /w/b.tar\n"))
    let files = try members(of: "/w/b.tar")
    let readme = try #require(files["README.md"])
    #expect(files["checkpoint.sig"]?.hasPrefix("-----BEGIN SSH SIGNATURE-----\n") == true)
    #expect(
      readme.contains(
        "awk '/^$/ {exit} {print}' checkpoint | ssh-keygen -Y verify -f allowed_signers -I "
          + "alice -n triage -s checkpoint.sig\n"))
    let signed = try #require(files.keys.first { $0.hasSuffix(".json.sig") })
    let document = String(signed.dropLast(4))
    #expect(
      readme.contains(
        "ssh-keygen -Y verify -f allowed_signers -I alice -n triage -s \(signed) < \(document)\n"
      ))
    #expect(files["allowed_signers"] == "alice ssh-ed25519 AAAA\n")
  }

  @Test func aSignatureByAnUnlistedKeyGetsASentenceNotACommand() throws {
    #expect(run(["note", "20210401", "checked", "--sign-key", "mallory-key"]).exit == .success)
    let result = run(["bundle", "20210401", "-o", "b.tar"])
    #expect(result.exit == .success, "\(result)")
    let readme = try #require(try members(of: "/w/b.tar")["README.md"])
    #expect(
      readme.contains("is by key SHA256:/w/mallory-key, which `allowed_signers` does not list"))
    #expect(!readme.contains("ssh-keygen -Y verify -f allowed_signers -I"))
  }

  @Test func withoutSSHKeygenTheCommandAsksWhoSigned() throws {
    #expect(run(["note", "20210401", "checked", "--sign-key", "alice-key"]).exit == .success)
    let tool = FakeSignatureTool(unavailableReason: "ssh-keygen (OpenSSH) was not found on PATH")
    let result = run(["bundle", "20210401", "-o", "b.tar"], tool: tool)
    #expect(result.exit == .success, "\(result)")
    let readme = try #require(try members(of: "/w/b.tar")["README.md"])
    #expect(
      readme.contains(
        "-I \"$(ssh-keygen -Y find-principals -f allowed_signers -s amendments/20"))
    #expect(readme.contains("were not checked when the bundle was made (ssh-keygen (OpenSSH)"))
  }

  @Test func anEarlierCheckpointProvesTheDocumentsItCovers() throws {
    #expect(run(["checkpoint", "-o", "cp.txt"]).exit == .success)
    // A note on another record: not in this bundle, so the earlier checkpoint still covers it.
    #expect(run(["note", "20210415", "later"]).exit == .success)
    let result = run(["bundle", "20210401", "-o", "b.tar", "--checkpoint", "cp.txt"])
    #expect(result.exit == .success, "\(result)")
    let files = try members(of: "/w/b.tar")
    #expect(files["checkpoint"] == tree.text(at: "/w/cp.txt"))
    let proofs = files.filter { $0.key.hasPrefix("proofs/") }
    #expect(!proofs.isEmpty)
    for proof in proofs.values { #expect(proof.split(separator: "\n")[2] == "7") }
  }

  @Test func aDocumentWrittenAfterTheCheckpointIsNamed() throws {
    #expect(run(["checkpoint", "-o", "cp.txt"]).exit == .success)
    #expect(run(["note", "20210401", "later"]).exit == .success)
    let result = run(["bundle", "20210401", "-o", "b.tar", "--checkpoint", "cp.txt"])
    #expect(result.exit == .dataError)
    #expect(result.error.contains("is not in the checkpoint's tree (written after it)"))
    #expect(tree.text(at: "/w/b.tar") == nil)
  }

  @Test func anUnknownRecordIsNoInput() {
    #expect(run(["bundle", "19990101", "-o", "b.tar"]).exit == .noInput)
  }
}
