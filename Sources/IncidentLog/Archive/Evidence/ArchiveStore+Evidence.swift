extension ArchiveStore {
  /// The folder evidence files are kept in, relative to the root.
  package static let evidenceDirectory = "evidence/sha256"

  /// Where the file with this SHA-256 is kept, relative to the root:
  /// `evidence/sha256/9f/9f86d0…` (the first two hex digits name a folder, so that no folder
  /// grows past 256 entries per 65,536 files).
  package func evidencePath(sha256: String) -> String {
    "\(Self.evidenceDirectory)/\(sha256.prefix(2))/\(sha256)"
  }

  /// Keeps `bytes` under their SHA-256, once: a file already kept under that hash is not
  /// written again (deduplicated), after checking that it still holds those bytes.
  ///
  /// Written like a document: atomically, owner-only (file 0600, folders 0700), never
  /// overwriting, and never through a symbolic link on the way. Call it under the lock.
  ///
  /// - Returns: the hash, and whether a new file was written.
  /// - Throws: ``EvidenceError/keptFileChanged(path:)`` when the kept file differs;
  ///   ``ArchiveError`` for the file system.
  func keepEvidence(_ bytes: [UInt8]) throws -> (sha256: String, isNew: Bool) {
    let hash = SHA256.hexHash(bytes)
    let path = evidencePath(sha256: hash)
    var prefix = ""
    for component in path.split(separator: "/").dropLast() {
      prefix += prefix.isEmpty ? String(component) : "/" + String(component)
      try fileSystem.refuseSymbolicLink(at: absolute(prefix))
    }
    if try fileSystem.status(at: absolute(path)) != nil {
      let kept = try fileSystem.readDocumentFile(
        at: absolute(path), upTo: EvidenceFile.sizeLimit + 1)
      guard SHA256.hexHash(kept) == hash else { throw EvidenceError.keptFileChanged(path: path) }
      return (hash, false)
    }
    try fileSystem.createDirectory(at: absolute(prefix))
    try fileSystem.writeNewFile(bytes, at: absolute(path), durability: .durable)
    return (hash, true)
  }

  /// The evidence files that amendments name and that are missing or no longer hash to the
  /// SHA-256 the amendment holds: `archive verify`'s check of the files under `evidence/`.
  ///
  /// Reads each amendment that mentions evidence (a byte search first, so others are not
  /// decoded), then each named file once, up to ``EvidenceFile/sizeLimit``.
  func evidenceIssues() throws(ArchiveError) -> [VerificationReport.Issue] {
    var named: [(amendment: String, file: EvidenceFile)] = []
    try walk(.amendment) { (entry) throws(ArchiveError) in
      guard case .document(let location) = entry,
        let bytes = try? documentBytes(atAbsolutePath: absolute(location.path)),
        let file = namedEvidence(location, in: bytes)
      else { return }
      named.append((location.id, file))
    }
    return evidenceIssues(named: named)
  }

  /// The evidence file that the amendment at `location`, whose file holds `bytes`, names; nil
  /// when it is no readable evidence amendment.
  func namedEvidence(_ location: DocumentLocation, in bytes: [UInt8]) -> EvidenceFile? {
    guard Self.mentionsEvidence(bytes),
      let document = try? document(location, from: bytes),
      let amendment = try? Amendment(json: document.document),
      case .evidence(let file) = amendment.change
    else { return nil }
    return file
  }

  /// The issues of the evidence files `named` (by amendment id, in walk order), each file
  /// read once.
  func evidenceIssues(
    named: [(amendment: String, file: EvidenceFile)]
  ) -> [VerificationReport.Issue] {
    var checked: Set<String> = []
    var issues: [VerificationReport.Issue] = []
    for (amendment, file) in named where checked.insert(file.sha256).inserted {
      let path = evidencePath(sha256: file.sha256)
      let kind: VerificationReport.Issue.Kind
      do {
        let bytes = try fileSystem.readDocumentFile(
          at: absolute(path), upTo: EvidenceFile.sizeLimit + 1)
        let computed = SHA256.hexHash(bytes)
        if computed == file.sha256 { continue }
        kind = .evidenceChanged(amendment: amendment, name: file.name, computed: computed)
      } catch .notFound {
        kind = .evidenceMissing(amendment: amendment, name: file.name)
      } catch .symbolicLink {
        kind = .symbolicLink
      } catch {
        kind = .unreadable(error)
      }
      issues.append(.init(path: path, id: nil, kind: kind))
    }
    return issues
  }

  /// Whether `bytes` hold `"evidence"` (with its quotes): every evidence amendment does.
  private static func mentionsEvidence(_ bytes: [UInt8]) -> Bool {
    let needle = Array("\"evidence\"".utf8)
    guard bytes.count >= needle.count else { return false }
    for start in 0...(bytes.count - needle.count)
    where bytes[start] == needle[0] && bytes[start..<start + needle.count].elementsEqual(needle) {
      return true
    }
    return false
  }
}
