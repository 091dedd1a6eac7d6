import Foundation
import IncidentLog

extension Command {
  /// `triage archive checkpoint [-o FILE] [--sign-key KEY]`.
  static let archiveCheckpoint = Command(
    "checkpoint",
    abstract: "Write a checkpoint: the archive's size and Merkle root, signed if a key is set.",
    discussion: """
      The checkpoint is C2SP tlog-checkpoint text: the origin (triage/<archive folder>, or \
      origin: in the archive's config.yaml), the number of documents, and the base64 root of \
      the RFC 9162 Merkle tree over every record and amendment file, ordered by id. Keep it \
      outside the archive (a ticket, a mail, another repository): archive verify --checkpoint \
      FILE then proves the archive still holds every document it covered, unchanged.

      The leaf list (one "ID LEAFHASH" line per document) is kept in the archive as \
      checkpoints/SIZE-ROOTHEX16.leaves, so that a later check can name what changed. With a \
      signing key (--sign-key, TRIAGE_SIGNING_KEY or signing-key: in config.yaml) the \
      checkpoint gets a signature line "— PRINCIPAL ssh:BASE64" made by ssh-keygen -Y sign -n \
      triage over the checkpoint's body.
      """,
    options: [
      .value(.output, short: "o", valueName: "file", help: "Write to FILE instead."),
      .signKey, .archive,
    ],
    action: ArchiveCheckpointCommand.run)
}

/// What `triage archive checkpoint` does.
enum ArchiveCheckpointCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let store = try context.existingArchive(invocation)
    let origin =
      ArchiveConfig(archive: store.root, fileSystem: context.fileSystem).origin
      ?? store.defaultOrigin
    let checkpoint = try signed(store.checkpoint(origin: origin), store, invocation, context)
    let leaves =
      "\(ArchiveStore.checkpointsDirectoryName)/"
      + LeafList.fileName(size: checkpoint.size, root: checkpoint.root)
    let summary =
      "Checkpoint of \(checkpoint.size) documents; leaf list kept in \(store.absolute(leaves))\n"
    guard let output = invocation.value(.output).map(context.resolvedPath) else {
      context.dataOutput.write(checkpoint.text)
      context.standardError.write("triage: " + summary)
      return .success
    }
    do {
      try context.fileSystem.replaceFile(Array(checkpoint.text.utf8), at: output)
    } catch {
      throw OutputError.cannotWrite(path: output, reason: "\(error)")
    }
    context.standardOutput.write(summary + "Wrote \(output)\n")
    return .success
  }

  /// `checkpoint` with a signature line when a signing key is configured (`--sign-key`,
  /// `TRIAGE_SIGNING_KEY`, `config.yaml`); unsigned, with a warning, without `ssh-keygen`.
  static func signed(
    _ checkpoint: Checkpoint, _ store: ArchiveStore, _ invocation: Invocation,
    _ context: CommandContext
  ) throws -> Checkpoint {
    var checkpoint = checkpoint
    if let key = context.signingKey(invocation, archive: store.root) {
      let tool = context.signatures
      if let reason = tool.unavailableReason {
        context.standardError.write(
          "triage: warning: \(reason); the checkpoint is written unsigned\n")
      } else {
        let body = Array(checkpoint.body.utf8)
        let armored: String
        do {
          armored = try tool.sign(body, keyPath: key)
        } catch {
          throw CommandFailure("cannot sign the checkpoint: \(error.message)")
        }
        var name = "unlisted-key"
        if case .signed(let principal) = tool.verify(
          body, signature: armored, allowedSignersPath: store.allowedSignersPath)
        {
          name = principal
        }
        checkpoint.signatures.append(.init(name: name, armored: armored))
      }
    }
    return checkpoint
  }

  /// Reads and parses the checkpoint file named by `--checkpoint`.
  static func read(_ path: String, _ context: CommandContext) throws -> Checkpoint {
    let bytes = try context.readInput(path, as: .record)
    do {
      return try Checkpoint(parsing: String(decoding: bytes, as: UTF8.self))
    } catch {
      throw CommandFailure(
        "\(path):\(error.line): not a checkpoint: \(error.reason)", exit: .dataError)
    }
  }

  /// Reads the checkpoint file at `path` and finds its leaves in `store`: the documents it
  /// covered, in tree order (`prove` and `bundle` work from them).
  ///
  /// - Throws: `CommandFailure` (65) when the archive no longer holds them.
  static func readWithLeaves(
    _ path: String, in store: ArchiveStore, _ context: CommandContext
  ) throws -> (checkpoint: Checkpoint, leaves: LeafList) {
    let checkpoint = try read(path, context)
    guard let leaves = try store.leaves(of: checkpoint) else {
      throw CommandFailure(
        "the archive does not hold the leaves of \(path) (its leaf list is missing or "
          + "altered, and its first \(checkpoint.size) documents have another root)",
        exit: .dataError)
    }
    return (checkpoint, leaves)
  }
}
