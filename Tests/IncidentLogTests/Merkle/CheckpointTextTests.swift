import Foundation
import IncidentLog
import Testing

/// The checkpoint, proof and leaf-list texts: exact forms, and refusals at their line.
@Suite struct CheckpointTextTests {
  static let root = MerkleTree.leafHash([1, 2, 3])

  @Test func unsignedCheckpointIsTheBodyAlone() throws {
    let checkpoint = Checkpoint(origin: "triage/incident-log", size: 12, root: Self.root)
    #expect(
      checkpoint.text
        == "triage/incident-log\n12\n\(checkpoint.text.split(separator: "\n")[2])\n")
    #expect(try Checkpoint(parsing: checkpoint.text) == checkpoint)
  }

  @Test func signedCheckpointHasASignatureLineAfterABlankLine() throws {
    let armored = Checkpoint.armored(String(repeating: "QUJD", count: 30))
    let checkpoint = Checkpoint(
      origin: "triage/log", size: 3, root: Self.root,
      signatures: [.init(name: "alice", armored: armored)])
    let lines = checkpoint.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[3] == "")
    #expect(lines[4] == "\u{2014} alice ssh:" + String(repeating: "QUJD", count: 30))
    #expect(try Checkpoint(parsing: checkpoint.text) == checkpoint)
  }

  @Test func keepsAndIgnoresOtherSignatureLines() throws {
    let body = Checkpoint(origin: "o", size: 1, root: Self.root).body
    let text = body + "\n\u{2014} witness.example AAECAwQ=\n"
    let checkpoint = try Checkpoint(parsing: text)
    #expect(checkpoint.signatures.isEmpty)
    #expect(checkpoint.otherSignatureLines == ["\u{2014} witness.example AAECAwQ="])
    #expect(checkpoint.text == text)
  }

  @Test func readsACopyWithCRLFLineEnds() throws {
    let checkpoint = Checkpoint(origin: "triage/log", size: 2, root: Self.root)
    let copy = checkpoint.text.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(try Checkpoint(parsing: copy) == checkpoint)
  }

  @Test func refusesABadSizeAtItsLine() {
    #expect(throws: MerkleTextError(line: 2, "expected a count, found \"012\"")) {
      try Checkpoint(parsing: "o\n012\nAAAA\n")
    }
    #expect(throws: MerkleTextError(line: 3, "the root is not 32 bytes of base64")) {
      try Checkpoint(parsing: "o\n12\nAAAA\n")
    }
  }

  @Test func proofTextRoundTrips() throws {
    let proof = InclusionProof(
      origin: "triage/log", treeSize: 5, leafIndex: 1, documentID: "20261204T212909Z-561bf23f",
      leafHash: Self.root, path: [Self.root, MerkleTree.leafHash([])])
    #expect(proof.text.hasPrefix("triage-proof/1\ntriage/log\n5\n1\n20261204T212909Z-561bf23f\n"))
    #expect(try InclusionProof(parsing: proof.text) == proof)
    #expect(throws: MerkleTextError(line: 4, "the leaf index is past the tree")) {
      try InclusionProof(parsing: proof.text.replacingOccurrences(of: "\n1\n", with: "\n7\n"))
    }
  }

  @Test func leafListRoundTripsAndNamesItsFile() throws {
    let list = LeafList([.init(id: "20261204T212909Z-561bf23f", hash: Self.root)])
    #expect(try LeafList(parsing: list.text) == list)
    #expect(LeafList.fileName(size: 1, root: Self.root).hasPrefix("1-"))
    #expect(LeafList.fileName(size: 1, root: Self.root).count == "1-".count + 16 + ".leaves".count)
  }
}
