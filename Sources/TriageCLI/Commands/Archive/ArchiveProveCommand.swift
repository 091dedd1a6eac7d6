import Foundation
import IncidentLog

extension Command {
  /// `triage archive prove RECORD [--checkpoint FILE] [-o FILE]`.
  static let archiveProve = Command(
    "prove",
    abstract: "Print an inclusion proof that a record or amendment is in a checkpoint's tree.",
    discussion: """
      The proof (RFC 9162 section 2.1.3) is text: triage-proof/1, the origin, the tree size, \
      the document's index, its id, its leaf hash, then the audit path, one hex hash per line. \
      archive check-proof, or docs/check-proof.py, checks it with the document's file and the \
      checkpoint, without the archive.

      With --checkpoint FILE the proof is for that checkpoint's tree (its leaf list, kept in \
      the archive, or the archive's first documents when they have its root); without, for the \
      archive as it is now (write the matching checkpoint with archive checkpoint).
      """,
    arguments: [ArgumentSpec(.id, help: "The document's id, or a unique prefix of it.")],
    options: [
      .value(.checkpoint, valueName: "file", help: "Prove against this checkpoint."),
      .value(.output, short: "o", valueName: "file", help: "Write to FILE instead."),
      .archive,
    ],
    action: ArchiveProveCommand.run)
}

/// What `triage archive prove` does.
enum ArchiveProveCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let store = try context.existingArchive(invocation)
    let leaves: LeafList
    let origin: String
    if let path = invocation.value(.checkpoint) {
      let (checkpoint, found) = try ArchiveCheckpointCommand.readWithLeaves(
        path, in: store, context)
      leaves = found
      origin = checkpoint.origin
    } else {
      leaves = try store.leafList()
      origin =
        ArchiveConfig(archive: store.root, fileSystem: context.fileSystem).origin
        ?? store.defaultOrigin
    }
    let wanted = invocation.argument(.id) ?? ""
    let matches = leaves.leaves.indices.filter { leaves.leaves[$0].id.hasPrefix(wanted) }
    guard !wanted.isEmpty, matches.count == 1, let index = matches.first else {
      // As for records elsewhere: unknown is exit 66, ambiguous 65.
      throw matches.isEmpty
        ? CommandFailure("no document with an id starting '\(wanted)' in the tree", exit: .noInput)
        : CommandFailure(
          "'\(wanted)' starts the ids of \(matches.count) documents; give more of it",
          exit: .dataError)
    }
    let leaf = leaves.leaves[index]
    if invocation.value(.checkpoint) != nil,
      let now = try store.leafList().leaves.first(where: { $0.id == leaf.id }),
      now.hash != leaf.hash
    {
      throw CommandFailure(
        "\(leaf.id) changed since the checkpoint: its file no longer hashes to the leaf it "
          + "covered", exit: .dataError)
    }
    let proof = InclusionProof(
      origin: origin, treeSize: leaves.leaves.count, leafIndex: index, documentID: leaf.id,
      leafHash: leaf.hash, path: MerkleTree.inclusionProof(index: index, leaves.hashes[...]))
    guard let output = invocation.value(.output).map(context.resolvedPath) else {
      context.dataOutput.write(proof.text)
      return .success
    }
    do {
      try context.fileSystem.replaceFile(Array(proof.text.utf8), at: output)
    } catch {
      throw OutputError.cannotWrite(path: output, reason: "\(error)")
    }
    context.standardOutput.write("Wrote \(output)\n")
    return .success
  }
}
