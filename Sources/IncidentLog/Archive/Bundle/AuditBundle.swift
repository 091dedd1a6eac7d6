/// What `triage archive bundle` packs for an auditor: one record with everything needed to
/// check it without the archive or `triage`.
///
/// Layout, under one folder (`triage-bundle-<record id>/`):
///
/// ```
/// README.md                       how to check it all, with commands that work as printed
/// SHA256SUMS                      sha256sum -c format, every other file
/// check-proof.py                  docs/check-proof.py
/// checkpoint                      the checkpoint (C2SP text) the proofs are for
/// checkpoint.sig                  its SSH signature, armored, when it is signed
/// allowed_signers                 the archive's, when it has one
/// records/YYYY/MM/ID.json         the record, the records it revises and that revise it
/// records/YYYY/MM/ID.md           their reports
/// records/YYYY/MM/ID.json.sig     their signatures, when signed
/// amendments/YYYY/MM/ID.json      the amendments of those records (and .sig files)
/// evidence/sha256/ab/abcdef…      the files those amendments attached
/// proofs/ID.proof                 an inclusion proof (triage-proof/1) per record and amendment
/// ```
///
/// Documents keep their archive paths and exact bytes, so a proof's leaf hash is the hash of
/// the file as extracted.
package struct AuditBundle: Sendable, Equatable {
  /// One file, by its path under the bundle's folder.
  package struct File: Sendable, Equatable {
    /// The path under the bundle's folder.
    package var path: String
    /// The bytes.
    package var bytes: [UInt8]

    /// Creates a file.
    package init(path: String, bytes: [UInt8]) {
      self.path = path
      self.bytes = bytes
    }
  }

  /// A record or amendment in the bundle: a leaf of the checkpoint's tree.
  package struct Document: Sendable, Equatable {
    /// Where it is, in the archive and in the bundle.
    package var location: DocumentLocation
    /// Its inclusion proof's path.
    package var proofPath: String
    /// Its signature's path, when it is signed.
    package var signaturePath: String?
    /// What checking the signature found when the bundle was made; nil when unsigned or when
    /// no check could be made.
    package var signature: SignatureCheck?
  }

  /// A record's Markdown report.
  package struct Report: Sendable, Equatable {
    /// The report's path.
    package var path: String
    /// Its record's path.
    package var recordPath: String
    /// The hash the record holds of it (`integrity.report_sha256`), if it holds one.
    package var recordedSHA256: String?
  }

  /// A file kept as evidence.
  package struct Evidence: Sendable, Equatable {
    /// The file's path (`evidence/sha256/ab/<hash>`).
    package var path: String
    /// Its SHA-256, hex.
    package var sha256: String
    /// The amendment that attached it.
    package var amendmentPath: String
    /// Its name as attached.
    package var name: String
  }

  /// The name of the signature file of a signed checkpoint.
  package static let checkpointSignatureName = "checkpoint.sig"
  /// The name of the checksums file.
  package static let sumsName = "SHA256SUMS"

  /// The folder every file sits in: `triage-bundle-<record id>`.
  package var folder: String
  /// The id of the record the bundle is for.
  package var record: String
  /// The checkpoint the proofs are for.
  package var checkpoint: Checkpoint
  /// What checking its (first) signature found when the bundle was made; nil when unsigned or
  /// when no check could be made.
  package var checkpointSignature: SignatureCheck?
  /// The records and amendments, by id.
  package var documents: [Document]
  /// The records' reports.
  package var reports: [Report]
  /// The evidence files.
  package var evidence: [Evidence]
  /// Whether the archive's `allowed_signers` is in the bundle.
  package var hasAllowedSigners: Bool
  /// Why signatures could not be checked while bundling (no `ssh-keygen`), or nil.
  package var signaturesNotChecked: String?
  /// The files gathered from the archive, the proofs, the checkpoint and the script: all but
  /// the README and SHA256SUMS.
  package var contents: [File]

  /// Every file: ``contents``, the README and SHA256SUMS (last), in path order otherwise.
  package var files: [File] {
    let readme = File(path: "README.md", bytes: Array(AuditBundleReadme.text(of: self).utf8))
    let listed = (contents + [readme]).sorted { $0.path < $1.path }
    let sums = listed.map { "\(SHA256.hexHash($0.bytes))  \($0.path)\n" }.joined()
    return listed + [File(path: Self.sumsName, bytes: Array(sums.utf8))]
  }

  /// The bundle as a ustar archive: the folder, each folder below it, then the files, every
  /// member dated `modificationTime` (seconds since 1970), owner-only modes.
  ///
  /// - Throws: ``TarError`` when a path cannot be stored.
  package func tar(modificationTime: Int) throws(TarError) -> [UInt8] {
    var writer = TarWriter(modificationTime: modificationTime)
    try writer.addDirectory(folder)
    var made: Set<String> = []
    for file in files {
      var parent = ""
      for component in file.path.split(separator: "/").dropLast() {
        parent += parent.isEmpty ? String(component) : "/" + component
        if made.insert(parent).inserted { try writer.addDirectory(folder + "/" + parent) }
      }
      try writer.addFile(folder + "/" + file.path, file.bytes)
    }
    return writer.finished()
  }
}
