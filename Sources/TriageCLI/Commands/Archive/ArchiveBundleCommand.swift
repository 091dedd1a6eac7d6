import Foundation
import IncidentLog

extension Command {
  /// `triage archive bundle RECORD -o FILE.tar [--checkpoint FILE] [--sign-key KEY]`.
  static let archiveBundle = Command(
    "bundle",
    abstract: "Pack a record with everything an auditor needs to check it into a tar file.",
    discussion: """
      The tar file (ustar, written atomically, owner-only) holds one folder, \
      triage-bundle-ID/: the record and its report, the records it revises and that revise it \
      (the whole revision chain) with theirs, the amendments of all of them, the evidence \
      files they attached, the .sig files of signed documents, the archive's allowed_signers, \
      a checkpoint and an inclusion proof (proofs/ID.proof) of each record and amendment in \
      it, check-proof.py, SHA256SUMS, and a README.md whose commands check all of it with \
      sha256sum -c, python3 check-proof.py and ssh-keygen -Y verify, without triage.

      Without --checkpoint a checkpoint of the archive now is written (and its leaf list kept, \
      as archive checkpoint does), signed when a key is set (--sign-key, TRIAGE_SIGNING_KEY or \
      signing-key: in config.yaml). With --checkpoint FILE the proofs are for that checkpoint: \
      every document of the bundle must be in its tree, unchanged (exit 65 if not).
      """,
    arguments: [ArgumentSpec(.id, help: "The record's id, or a unique prefix of it.")],
    options: [
      .value(.output, short: "o", valueName: "file", help: "The tar file to write (required)."),
      .value(.checkpoint, valueName: "file", help: "Prove against this checkpoint."),
      .signKey, .archive,
    ],
    action: ArchiveBundleCommand.run)
}

/// What `triage archive bundle` does.
enum ArchiveBundleCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    guard let output = invocation.value(.output).map(context.resolvedPath) else {
      throw CommandFailure("give the tar file to write: -o FILE.tar", exit: .usage)
    }
    let store = try context.existingArchive(invocation)
    let checkpoint: Checkpoint
    let leaves: LeafList
    if let path = invocation.value(.checkpoint) {
      (checkpoint, leaves) = try ArchiveCheckpointCommand.readWithLeaves(path, in: store, context)
    } else {
      let origin =
        ArchiveConfig(archive: store.root, fileSystem: context.fileSystem).origin
        ?? store.defaultOrigin
      let unsigned = try store.checkpoint(origin: origin)
      // The leaves of that moment: the list the checkpoint kept, so that a document written
      // since does not shift the proofs.
      guard let kept = try store.leaves(of: unsigned) else {
        throw CommandFailure("the checkpoint's leaf list could not be read back")
      }
      checkpoint = try ArchiveCheckpointCommand.signed(unsigned, store, invocation, context)
      leaves = kept
    }
    let bundle: AuditBundle
    do {
      bundle = try store.auditBundle(
        ofRecord: invocation.argument(.id) ?? "", checkpoint: checkpoint, leaves: leaves,
        signatures: context.signatures)
    } catch let error as AuditBundleError {
      throw CommandFailure("cannot bundle: \(error)", exit: .dataError)
    }
    let bytes: [UInt8]
    do {
      bytes = try bundle.tar(modificationTime: Int(context.now().timeIntervalSince1970))
    } catch {
      throw CommandFailure("cannot bundle: \(error)", exit: .dataError)
    }
    do {
      try context.fileSystem.replaceFile(bytes, at: output)
    } catch {
      throw OutputError.cannotWrite(path: output, reason: "\(error)")
    }
    context.standardOutput.write(summary(of: bundle) + "Wrote \(output)\n")
    return .success
  }

  /// What the bundle holds, in a few lines.
  private static func summary(of bundle: AuditBundle) -> String {
    let records = bundle.documents.filter { $0.location.kind == .record }.count
    let signed = bundle.documents.filter { $0.signaturePath != nil }.count
    return
      "Bundled \(records) record(s), \(bundle.documents.count - records) amendment(s), "
      + "\(bundle.evidence.count) evidence file(s) and \(signed) signature(s), with proofs in a "
      + "checkpoint of \(bundle.checkpoint.size) documents (\(bundle.checkpoint.origin)) in "
      + "\(bundle.folder)/; its README.md says how to check them.\n"
  }
}
