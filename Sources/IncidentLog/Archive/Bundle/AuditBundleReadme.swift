import Foundation

/// The README.md of an audit bundle: what it holds, and the commands that check it.
///
/// Every command is in a `sh` code block, one per line, to be run in the bundle's folder; each
/// exits 0 when its check passes, so the blocks can be run as they are (the end-to-end test
/// does). Paths that need it are single-quoted.
enum AuditBundleReadme {
  /// The README of `bundle`.
  static func text(of bundle: AuditBundle) -> String {
    var text = "# Audit bundle of record \(bundle.record)\n\n"
    text += summary(of: bundle)
    text += """
      Run every command below in this folder (the one this README is in). Each exits 0 when \
      its check passes. On macOS, write `shasum -a 256` for `sha256sum`.

      ## 1. The files arrived as written

      ```sh
      sha256sum -c SHA256SUMS
      ```

      SHA256SUMS lists every other file with its SHA-256. It shows that nothing was damaged \
      or swapped on the way, not who wrote the files: steps 2 and 3 do.


      """
    text += proofs(of: bundle)
    text += signatures(of: bundle)
    text += reportsAndEvidence(of: bundle)
    return text
  }

  private static func summary(of bundle: AuditBundle) -> String {
    let records = bundle.documents.filter { $0.location.kind == .record }
    let amendments = bundle.documents.count - records.count
    var text = "Written by `triage archive bundle` from the archive `\(bundle.checkpoint.origin)`. "
    text +=
      records.count == 1
      ? "It holds the record"
      : "It holds the record and the \(records.count - 1) other record(s) of its revision chain "
        + "(records that revise it, or that it revises, with `revises` naming the earlier one)"
    text += ", with the Markdown report(s), \(amendments) amendment(s)"
    text += ", \(bundle.evidence.count) evidence file(s)"
    text +=
      ", a checkpoint of the archive (\(bundle.checkpoint.size) documents) and an inclusion "
      + "proof of each record and amendment in it.\n\n"
    text += "| document | file |\n|---|---|\n"
    for document in bundle.documents {
      text +=
        "| \(document.location.kind.rawValue) \(document.location.id) | `\(document.location.path)` |\n"
    }
    return text + "\n"
  }

  private static func proofs(of bundle: AuditBundle) -> String {
    var text = """
      ## 2. Each record and amendment is in the checkpoint

      `checkpoint` names the archive (its origin), the number of documents in it and the \
      base64 root of an RFC 9162 Merkle tree over them (leaf = SHA-256 of 0x00 and the file's \
      bytes, ordered by id). Each proof shows that one file, byte for byte, is a leaf of that \
      tree; `check-proof.py` needs only Python 3's standard library:

      ```sh

      """
    for document in bundle.documents {
      text +=
        "python3 \(CheckProofScript.fileName) \(quoted(document.proofPath)) "
        + "\(quoted(document.location.path)) checkpoint\n"
    }
    text += """
      ```

      A proof is only as good as the checkpoint: compare its root (the third line) with a copy \
      of the checkpoint kept outside the archive (in a ticket, a mail, another repository), or \
      check its signature (step 3). With triage, `triage archive check-proof PROOF --record \
      FILE --checkpoint checkpoint` makes the same check.


      """
    return text
  }

  private static func signatures(of bundle: AuditBundle) -> String {
    var text = "## 3. Signatures\n\n"
    let signed = bundle.documents.filter { $0.signaturePath != nil }
    let hasCheckpointSignature = !bundle.checkpoint.signatures.isEmpty
    guard !signed.isEmpty || hasCheckpointSignature else {
      return text + "Nothing in this bundle is signed (no `.sig` file, an unsigned checkpoint).\n\n"
    }
    guard bundle.hasAllowedSigners else {
      return text
        + "Some files are signed, but the archive has no `allowed_signers` file to check them "
        + "against; ask the archive's keepers for their keys.\n\n"
    }
    text += """
      Signatures are SSH signatures (`ssh-keygen -Y sign -n triage`) of the file's bytes, \
      checked against `allowed_signers`, the archive's list of keys. That list came with the \
      archive: check that its keys are the ones you know for those people.

      ```sh

      """
    var notes: [String] = []
    for document in signed {
      guard let signature = document.signaturePath else { continue }
      let (command, note) = verifyCommand(
        signature: signature, message: "< \(quoted(document.location.path))",
        check: document.signature,
        what: "\(document.location.kind.rawValue) \(document.location.id)")
      if let command { text += command + "\n" }
      if let note { notes.append(note) }
    }
    if hasCheckpointSignature {
      let (command, note) = verifyCommand(
        signature: AuditBundle.checkpointSignatureName, message: "",
        check: bundle.checkpointSignature, what: "the checkpoint")
      // The signed message is the checkpoint's body: its lines up to the first empty one.
      if let command { text += "awk '/^$/ {exit} {print}' checkpoint | " + command + "\n" }
      if let note { notes.append(note) }
    }
    text += "```\n\n"
    let unsigned = bundle.documents.filter { $0.signaturePath == nil }
    if !unsigned.isEmpty {
      notes.append("Unsigned: " + unsigned.map(\.location.id).joined(separator: ", ") + ".")
    }
    if let reason = bundle.signaturesNotChecked {
      notes.append(
        "The signatures were not checked when the bundle was made (\(reason)); each command "
          + "above asks `ssh-keygen -Y find-principals` who signed.")
    }
    return text + notes.map { $0 + "\n\n" }.joined()
  }

  /// The `ssh-keygen -Y verify` command for one signature (reading the message as
  /// `message` says), or a note saying why there is none.
  private static func verifyCommand(
    signature: String, message: String, check: SignatureCheck?, what: String
  ) -> (command: String?, note: String?) {
    let tail = "-n triage -s \(quoted(signature))" + (message.isEmpty ? "" : " " + message)
    switch check {
    case .signed(let principal):
      return ("ssh-keygen -Y verify -f allowed_signers -I \(quoted(principal)) \(tail)", nil)
    case .unknownKey(let fingerprint):
      return (
        nil,
        "The signature of \(what) (`\(signature)`) is by key \(fingerprint), which "
          + "`allowed_signers` does not list: it was not checked here."
      )
    case .bad(let reason):
      return (nil, "The signature of \(what) (`\(signature)`) is BAD: \(reason).")
    case .notChecked, nil:
      let principal =
        "\"$(ssh-keygen -Y find-principals -f allowed_signers -s \(quoted(signature)))\""
      return ("ssh-keygen -Y verify -f allowed_signers -I \(principal) \(tail)", nil)
    }
  }

  private static func reportsAndEvidence(of bundle: AuditBundle) -> String {
    let reports = bundle.reports.filter { $0.recordedSHA256 != nil }
    guard !reports.isEmpty || !bundle.evidence.isEmpty else { return "" }
    var text = """
      ## 4. Reports and evidence

      A record holds the SHA-256 of its Markdown report (`integrity.report_sha256`), and an \
      evidence amendment the SHA-256 of the file it attached; step 2 proved those records and \
      amendments. Each line checks that the hash of a file is in the document that names it:

      ```sh

      """
    for report in reports {
      text +=
        "grep -q \"$(sha256sum < \(quoted(report.path)) | cut -c1-64)\" "
        + "\(quoted(report.recordPath))\n"
    }
    for file in bundle.evidence {
      text +=
        "grep -q \"$(sha256sum < \(quoted(file.path)) | cut -c1-64)\" "
        + "\(quoted(file.amendmentPath))\n"
    }
    text += "```\n"
    let unchecked = bundle.reports.filter { $0.recordedSHA256 == nil }
    if !unchecked.isEmpty {
      text +=
        "\nThese reports were written before records held their reports' hashes, and are not "
        + "covered: " + unchecked.map { "`\($0.path)`" }.joined(separator: ", ") + ".\n"
    }
    if !bundle.evidence.isEmpty {
      text += "\nEvidence files, by the name they were attached with:\n\n"
      for file in bundle.evidence {
        text += "- `\(file.path)`: \(MarkdownText.inline(file.name))\n"
      }
    }
    return text
  }

  /// `text` as one shell word: as it is when it holds only letters, digits and `._/-:@+=`,
  /// else single-quoted.
  static func quoted(_ text: String) -> String {
    let plain = text.unicodeScalars.allSatisfy {
      ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        || "._/-:@+=".unicodeScalars.contains($0)
    }
    if plain && !text.isEmpty { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
