extension ArchiveStore {
  /// The audit bundle of the record named by `prefix` (see ``AuditBundle``).
  ///
  /// Holds the record, every record linked to it by `revises` (both ways, the whole chain),
  /// their reports and amendments, the evidence files those amendments attached, each
  /// document's `.sig` file, the archive's `allowed_signers`, and a proof of each record and
  /// amendment in `checkpoint`'s tree, whose leaves are `leaves`.
  ///
  /// - Parameters:
  ///   - prefix: the record's id or a unique prefix of it.
  ///   - checkpoint: the checkpoint the proofs are for.
  ///   - leaves: its leaves (``leafList()`` for a checkpoint of now, else
  ///     ``leaves(of:)``).
  ///   - tool: checks the signatures found, to name their signers in the README.
  /// - Throws: ``RecordLookupError``; ``AuditBundleError`` when a document is not in the
  ///   checkpoint's tree as it is now, or a report or an evidence file is missing or changed;
  ///   ``ArchiveError`` when the archive cannot be read.
  package func auditBundle(
    ofRecord prefix: String, checkpoint: Checkpoint, leaves: LeafList,
    signatures tool: any SignatureTool
  ) throws -> AuditBundle {
    let asked = try ArchiveReader(store: self).locateRecord(prefix)
    let (records, amendments) = try revisionChain(of: asked)
    var index: [String: Int] = [:]
    for (offset, leaf) in leaves.leaves.enumerated() { index[leaf.id] = offset }
    let hashes = leaves.hashes
    var contents: [AuditBundle.File] = []
    var documents: [AuditBundle.Document] = []
    var reports: [AuditBundle.Report] = []
    var evidence: [AuditBundle.Evidence] = []
    let unavailable = tool.unavailableReason
    for (location, amendment) in (records.map { ($0, nil) } + amendments)
      .sorted(by: { $0.0.id < $1.0.id })
    {
      let bytes = try documentBytes(atAbsolutePath: absolute(location.path))
      guard let leafIndex = index[location.id] else {
        throw AuditBundleError.notInCheckpoint(id: location.id)
      }
      guard MerkleTree.leafHash(bytes) == hashes[leafIndex] else {
        throw AuditBundleError.changedSinceCheckpoint(id: location.id)
      }
      contents.append(.init(path: location.path, bytes: bytes))
      let proof = InclusionProof(
        origin: checkpoint.origin, treeSize: hashes.count, leafIndex: leafIndex,
        documentID: location.id, leafHash: hashes[leafIndex],
        path: MerkleTree.inclusionProof(index: leafIndex, hashes[...]))
      let proofPath = "proofs/\(location.id).proof"
      contents.append(.init(path: proofPath, bytes: Array(proof.text.utf8)))
      var entry = AuditBundle.Document(location: location, proofPath: proofPath)
      let signaturePath = Self.signaturePath(of: location)
      if let signature = try? documentBytes(atAbsolutePath: absolute(signaturePath)) {
        contents.append(.init(path: signaturePath, bytes: signature))
        entry.signaturePath = signaturePath
        if unavailable == nil {
          entry.signature = tool.verify(
            bytes, signature: String(decoding: signature, as: UTF8.self),
            allowedSignersPath: allowedSignersPath)
        }
      }
      documents.append(entry)
      if location.kind == .record {
        let object = try? document(location, from: bytes).document.objectValue
        let recorded = object.flatMap { DocumentIntegrity.reportSHA256(in: $0) }
        let report = try? documentBytes(atAbsolutePath: absolute(location.reportPath))
        if let recorded {
          // The README tells the auditor to match the report with this hash: a report that
          // would fail there is named here instead.
          guard let report else { throw AuditBundleError.reportMissing(path: location.reportPath) }
          guard SHA256.hexHash(report) == recorded else {
            throw AuditBundleError.reportChanged(path: location.reportPath)
          }
        }
        if let report {
          contents.append(.init(path: location.reportPath, bytes: report))
          reports.append(
            .init(path: location.reportPath, recordPath: location.path, recordedSHA256: recorded))
        }
      }
      if case .evidence(let file)? = amendment?.change,
        !evidence.contains(where: { $0.sha256 == file.sha256 })
      {
        let path = evidencePath(sha256: file.sha256)
        guard try fileSystem.status(at: absolute(path)) != nil else {
          throw AuditBundleError.evidenceMissing(path: path, amendment: location.id)
        }
        let kept = try fileSystem.readDocumentFile(
          at: absolute(path), upTo: EvidenceFile.sizeLimit + 1)
        guard SHA256.hexHash(kept) == file.sha256 else {
          throw AuditBundleError.evidenceChanged(path: path, amendment: location.id)
        }
        contents.append(.init(path: path, bytes: kept))
        evidence.append(
          .init(path: path, sha256: file.sha256, amendmentPath: location.path, name: file.name))
      }
    }
    contents.append(.init(path: "checkpoint", bytes: Array(checkpoint.text.utf8)))
    var checkpointSignature: SignatureCheck?
    if let signature = checkpoint.signatures.first {
      contents.append(
        .init(path: AuditBundle.checkpointSignatureName, bytes: Array(signature.armored.utf8)))
      if unavailable == nil {
        checkpointSignature = tool.verify(
          Array(checkpoint.body.utf8), signature: signature.armored,
          allowedSignersPath: allowedSignersPath)
      }
    }
    let signers = try? documentBytes(atAbsolutePath: allowedSignersPath)
    if let signers {
      contents.append(.init(path: Self.allowedSignersFileName, bytes: signers))
    }
    contents.append(
      .init(path: CheckProofScript.fileName, bytes: Array(CheckProofScript.text.utf8)))
    return AuditBundle(
      folder: "triage-bundle-\(asked.id)", record: asked.id, checkpoint: checkpoint,
      checkpointSignature: checkpointSignature, documents: documents, reports: reports,
      evidence: evidence, hasAllowedSigners: signers != nil, signaturesNotChecked: unavailable,
      contents: contents)
  }

  /// The records linked to `record` by `revises`, both ways and transitively (`record`
  /// included), and the amendments of all of them.
  ///
  /// Reads every record that mentions `"revises"` (a byte search first) and every amendment.
  /// An amendment that does not read as one is kept (without its decoded form) when its bytes
  /// name a record of the chain.
  private func revisionChain(
    of record: DocumentLocation
  ) throws(ArchiveError) -> (
    records: [DocumentLocation], amendments: [(DocumentLocation, Amendment?)]
  ) {
    var locations: [String: DocumentLocation] = [:]
    var links: [String: [String]] = [:]
    let needle = Array("\"revises\"".utf8)
    try walk(.record) { (entry) throws(ArchiveError) in
      guard case .document(let location) = entry else { return }
      locations[location.id] = location
      guard let bytes = try? documentBytes(atAbsolutePath: absolute(location.path)),
        Self.contains(needle, in: bytes),
        let object = try? document(location, from: bytes).document.objectValue,
        let earlier = object["revises"]?.objectValue?["id"]?.stringValue
      else { return }
      links[location.id, default: []].append(earlier)
      links[earlier, default: []].append(location.id)
    }
    var chain: Set<String> = [record.id]
    var pending = [record.id]
    while let id = pending.popLast() {
      for linked in links[id] ?? [] where chain.insert(linked).inserted {
        pending.append(linked)
      }
    }
    // An amendment that no longer reads as one (an edited byte) is kept when it names a
    // record of the chain anywhere: the check against the checkpoint then names it.
    let names = chain.map { Array("\"\($0)\"".utf8) }
    var amendments: [(DocumentLocation, Amendment?)] = []
    try walk(.amendment) { (entry) throws(ArchiveError) in
      guard case .document(let location) = entry,
        let bytes = try? documentBytes(atAbsolutePath: absolute(location.path))
      else { return }
      if let stored = try? document(location, from: bytes),
        let amendment = try? Amendment(json: stored.document)
      {
        if chain.contains(amendment.record) { amendments.append((location, amendment)) }
      } else if names.contains(where: { Self.contains($0, in: bytes) }) {
        amendments.append((location, nil))
      }
    }
    return (chain.compactMap { locations[$0] }, amendments)
  }

  /// Whether `needle` occurs in `bytes`.
  private static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
    guard bytes.count >= needle.count, let first = needle.first else { return false }
    for start in 0...(bytes.count - needle.count)
    where bytes[start] == first && bytes[start..<start + needle.count].elementsEqual(needle) {
      return true
    }
    return false
  }
}
