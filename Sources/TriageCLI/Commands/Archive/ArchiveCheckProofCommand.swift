import Foundation
import IncidentLog

extension Command {
  /// `triage archive check-proof PROOF --record FILE --checkpoint FILE`.
  static let archiveCheckProof = Command(
    "check-proof",
    abstract: "Check an inclusion proof with the document's file and a checkpoint.",
    discussion: """
      Needs no archive: hashes the document file (SHA-256 of 0x00 and its bytes), compares it \
      with the proof's leaf hash, climbs the audit path (RFC 9162 section 2.1.3.2) and \
      compares the root with the checkpoint's. Exit 0 when the document is in the \
      checkpoint's tree, 65 when not. The checkpoint's signature is not checked here: \
      archive verify --checkpoint does, or ssh-keygen -Y verify.
      """,
    arguments: [ArgumentSpec(.file, help: "The proof (from archive prove).")],
    options: [
      .value(.record, valueName: "file", help: "The record or amendment file."),
      .value(.checkpoint, valueName: "file", help: "The checkpoint."),
    ],
    action: ArchiveCheckProofCommand.run)
}

/// What `triage archive check-proof` does.
enum ArchiveCheckProofCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    guard let recordPath = invocation.value(.record),
      let checkpointPath = invocation.value(.checkpoint)
    else {
      throw CommandFailure("give --record FILE and --checkpoint FILE", exit: .usage)
    }
    let proofPath = invocation.argument(.file) ?? ""
    let proofBytes = try context.readInput(proofPath, as: .record)
    let proof: InclusionProof
    do {
      proof = try InclusionProof(parsing: String(decoding: proofBytes, as: UTF8.self))
    } catch {
      throw CommandFailure(
        "\(proofPath):\(error.line): not an inclusion proof: \(error.reason)", exit: .dataError)
    }
    let checkpoint = try ArchiveCheckpointCommand.read(checkpointPath, context)
    let document = try context.readInput(recordPath, as: .record)
    switch proof.check(document: document, against: checkpoint) {
    case .included:
      context.standardOutput.write(
        "Included: \(proof.documentID) is leaf \(proof.leafIndex) of the \(checkpoint.size) "
          + "documents of \(checkpoint.origin) (root \(Hex.string(of: checkpoint.root))).\n")
      return .success
    case .otherTree:
      context.standardOutput.write(
        "NOT included: the proof is for \(proof.origin) at size \(proof.treeSize), the "
          + "checkpoint is \(checkpoint.origin) at size \(checkpoint.size).\n")
    case .documentChanged(let computed):
      context.standardOutput.write(
        "NOT included: \(recordPath) hashes to leaf \(Hex.string(of: computed)), not the "
          + "proof's \(Hex.string(of: proof.leafHash)): the document was changed.\n")
    case .rootMismatch:
      context.standardOutput.write(
        "NOT included: the audit path does not lead to the checkpoint's root.\n")
    }
    return .dataError
  }
}
