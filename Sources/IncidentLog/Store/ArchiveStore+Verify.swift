extension ArchiveStore {
  /// Checks every document and the links between them.
  ///
  /// Reads every file once, on two threads, and keeps 16 bytes of hash a document (see
  /// `PackedDigestGraph`). Finds edited
  /// documents (hash mismatch), unreadable or truncated files, documents whose parent is missing
  /// (a deleted or altered document, or an inserted one with a forged parent), amendments whose
  /// record (`record_sha256`) is missing, renamed or moved files, stray files and symbolic
  /// links, evidence files that are missing or changed (``evidenceIssues(named:)``), and records
  /// whose Markdown report is missing or edited (`integrity.report_sha256`;
  /// records without it are listed in ``VerificationReport/reportsNotCovered``, and reports
  /// without a record in ``VerificationReport/leftoverReports``). A deleted
  /// *head* leaves no trace in the files that remain; compare ``VerificationReport/heads`` with
  /// a copy (such as git history) to catch that.
  ///
  /// - Throws: ``ArchiveError`` only when the archive itself cannot be listed; problems with
  ///   single files are issues in the report.
  package func verify() throws(ArchiveError) -> VerificationReport {
    guard try fileSystem.isDirectory(at: root) else { throw .notFound(path: root) }
    var issues: [VerificationReport.Issue] = []
    // Memory per document is fixed and small (see `PackedDigestGraph`, `DuplicateIDFinder`,
    // `PackedPaths`): no path or hash string is kept for a document without a problem.
    var graph = PackedDigestGraph()
    var ids = DuplicateIDFinder()
    var folders = FolderOrdinals()
    var documentCount = 0
    var leftovers: [String] = []
    var notCovered = PackedPaths()
    // Evidence amendments, found while their files are read for the chain's checks.
    var evidence: [(amendment: String, file: EvidenceFile)] = []
    // Amendments whose `record_sha256` is not a record's hash: looked up again at the end.
    var unsettledRecords: [(location: DocumentLocation, record: String, sha256: ShortDigest?)] = []
    // Records are walked before amendments, so an amendment's record is known when it comes.
    // Each folder's files are read and hashed on both cores (``checked(_:)``), then taken
    // in walk order, so the report is the same as one thread's.
    for kind in DocumentKind.allCases {
      if kind == .amendment { graph.sortAdded() }
      try walkFolders(kind) { (folder) throws(ArchiveError) in
        // The documents' paths, for a folder that holds reports.
        var documentPaths: Set<String> = []
        var hasReports = false
        for entry in folder {
          if case .report = entry { hasReports = true }
        }
        var isFirst = true
        for case .document(let location) in folder {
          if hasReports { documentPaths.insert(location.path) }
          if isFirst { folders.noteFolder(of: location, ordinal: documentCount) }
          isFirst = false
        }
        // A slice at a time, so that a folder of any size holds few results at once.
        for start in stride(from: 0, to: folder.count, by: Self.verifySliceSize) {
          let entries = folder[start..<Swift.min(start + Self.verifySliceSize, folder.count)]
          let results = checked(entries)
          var next = 0
          for entry in entries {
            switch entry {
            case .unexpectedFile(let path):
              issues.append(.init(path: path, id: nil, kind: .unexpectedFile))
            case .symbolicLink(let path):
              issues.append(.init(path: path, id: nil, kind: .symbolicLink))
            case .report(let path):
              // A report and its record share a folder, so this folder's listing tells.
              if !documentPaths.contains(String(path.dropLast(3)) + ".json") {
                leftovers.append(path)
              }
            case .document(let location):
              let ordinal = documentCount
              documentCount += 1
              let result = results[next]
              next += 1
              if let file = result.evidence { evidence.append((location.id, file)) }
              issues += result.problems.map {
                .init(path: location.path, id: location.id, kind: $0)
              }
              guard let found = result.found else { continue }
              if location.kind == .record {
                if found.reportSHA256 != nil {
                  if let problem = result.reportProblem {
                    issues.append(.init(path: location.reportPath, id: location.id, kind: problem))
                  }
                } else {
                  notCovered.append(location)
                }
              }
              ids.add(location.id)
              if let record = found.amendedRecord, !(record.digest.map(graph.isKnown) ?? false) {
                unsettledRecords.append((location, record.id, record.digest))
              }
              if let digest = found.digest, ordinal < PackedDigestGraph.maximumDocumentCount {
                graph.add(ordinal: ordinal, sha256: digest, parents: found.parents)
              }
            }
          }
        }
      }
    }
    let (heads, missingParents) = graph.resolve()
    // An amendment may name an amendment walked after it; anything else is missing.
    for unsettled in unsettledRecords where !(unsettled.sha256.map(graph.isKnown) ?? false) {
      issues.append(
        .init(
          path: unsettled.location.path, id: unsettled.location.id,
          kind: .missingRecord(unsettled.record)))
    }
    issues += missingParentIssues(missingParents, graph: graph, folders: folders)
    // The archive's other folders are never walked, but a link in their place is named too:
    // drafts and the cache would be written through it.
    for name in ["drafts", HeadsCache.directoryName]
    where fileSystem.isSymbolicLink(at: absolute(name)) {
      issues.append(.init(path: name, id: nil, kind: .symbolicLink))
    }
    // Evidence kept under evidence/sha256/ must still hash to what its amendment says.
    issues += evidenceIssues(named: evidence)
    issues += try duplicateIDIssues(ids.repeatedHashes())
    let ordered = issues.enumerated().sorted {
      ($0.element.path, $0.offset) < ($1.element.path, $1.offset)
    }.map(\.element)
    return VerificationReport(
      documentCount: documentCount, issues: ordered,
      heads: try namedHeads(heads, folders: folders), notCovered: notCovered,
      leftoverReports: leftovers.sorted())
  }

  /// The issues of the documents at `ordinals` that name a parent no document has: each is
  /// found again (``FolderOrdinals``) and its parents read, in walk order.
  private func missingParentIssues(
    _ ordinals: [Int], graph: PackedDigestGraph, folders: FolderOrdinals
  ) -> [VerificationReport.Issue] {
    let children = Array(Set(ordinals)).sorted()
    guard !children.isEmpty else { return [] }
    let locations = folders.locations(of: children, in: self)
    var issues: [VerificationReport.Issue] = []
    for child in children {
      guard let location = locations[child],
        let integrity = try? readIntegrity(location)
      else { continue }
      for parent in integrity.parents {
        guard let digest = ShortDigest(hex: parent), !graph.isKnown(digest) else { continue }
        issues.append(.init(path: location.path, id: location.id, kind: .missingParent(parent)))
      }
    }
    return issues
  }

  /// The heads, with their paths and whole hashes, sorted by hash: each is found again by its
  /// place in the walk (``FolderOrdinals``), or, if the archive changed meanwhile, by its hash.
  private func namedHeads(
    _ heads: [(ordinal: Int, digest: ShortDigest)], folders: FolderOrdinals
  ) throws(ArchiveError) -> [DocumentHead] {
    let locations = folders.locations(of: heads.map(\.ordinal), in: self)
    var named: [DocumentHead] = []
    var lost: Set<ShortDigest> = []
    for head in heads {
      if let location = locations[head.ordinal], let integrity = try? readIntegrity(location),
        ShortDigest(hex: integrity.sha256) == head.digest
      {
        named.append(DocumentHead(location: location, sha256: integrity.sha256))
      } else {
        lost.insert(head.digest)
      }
    }
    if !lost.isEmpty {
      try forEachLocation { (location) throws(ArchiveError) in
        guard let integrity = try? readIntegrity(location),
          let digest = ShortDigest(hex: integrity.sha256), lost.remove(digest) != nil
        else { return }
        named.append(DocumentHead(location: location, sha256: integrity.sha256))
      }
    }
    return named.sorted { $0.sha256 < $1.sha256 }
  }

  /// What is wrong with a record's report, given the hash the record holds for it; nil if
  /// nothing.
  private func checkReport(
    of location: DocumentLocation, recorded: String
  ) -> VerificationReport.Issue.Kind? {
    let path = absolute(location.reportPath)
    let bytes: [UInt8]
    do {
      bytes = try documentBytes(atAbsolutePath: path)
    } catch .notFound {
      return .missingReport
    } catch .symbolicLink {
      return .symbolicLink
    } catch {
      return .unreadableReport(error)
    }
    let computed = SHA256.hexHash(bytes)
    return computed == recorded ? nil : .reportEdited(recorded: recorded, computed: computed)
  }

  /// What ``verify()`` learns from one document file: what it keeps of it (nil if unreadable),
  /// its problems, and for a record, what is wrong with its report.
  private struct CheckedFile: Sendable {
    var found: Checked?
    var problems: [VerificationReport.Issue.Kind]
    var reportProblem: VerificationReport.Issue.Kind? = nil
    /// For an evidence amendment, the file it names (see ``evidenceIssues(named:)``).
    var evidence: EvidenceFile? = nil
  }

  /// How many entries of a folder ``verify()`` checks at once.
  static let verifySliceSize = 512

  /// The documents among `entries` checked (files read and hashed on two threads), in entry
  /// order.
  private func checked(_ entries: ArraySlice<WalkEntry>) -> [CheckedFile] {
    var locations: [DocumentLocation] = []
    for case .document(let location) in entries { locations.append(location) }
    let results = locations.concurrentMap { location in
      let bytes: [UInt8]
      do throws(ArchiveError) {
        bytes = try documentBytes(atAbsolutePath: absolute(location.path))
      } catch .symbolicLink {
        return CheckedFile(found: nil, problems: [.symbolicLink])
      } catch {
        return CheckedFile(found: nil, problems: [.unreadable(error)])
      }
      let (found, problems) = check(location, bytes: bytes)
      let evidence = location.kind == .amendment ? namedEvidence(location, in: bytes) : nil
      var reportProblem: VerificationReport.Issue.Kind?
      if location.kind == .record, let hash = found?.reportSHA256 {
        reportProblem = checkReport(of: location, recorded: hash)
      }
      return CheckedFile(
        found: found, problems: problems, reportProblem: reportProblem, evidence: evidence)
    }
    return results
  }

  /// What ``verify()`` keeps of one readable document.
  private struct Checked: Sendable {
    /// The recorded hash, short (nil if not 64 hex digits).
    var digest: ShortDigest?
    /// The parents' hashes, short (those of 64 hex digits).
    var parents: [ShortDigest]
    /// The recorded hash of the record's report, if any.
    var reportSHA256: String?
    /// For an amendment, the record it names: `record` and `record_sha256` (short).
    var amendedRecord: (id: String, digest: ShortDigest?)?

    init(
      sha256: String, parents: [String], reportSHA256: String?,
      amendedRecord: (id: String, sha256: String)?
    ) {
      digest = ShortDigest(hex: sha256)
      self.parents = parents.compactMap(ShortDigest.init(hex:))
      self.reportSHA256 = reportSHA256
      self.amendedRecord = amendedRecord.map { ($0.id, ShortDigest(hex: $0.sha256)) }
    }
  }

  /// Every file holding an id whose hash is one of `suspects`, after the first file with that
  /// id: a second walk, only when the first found ids that may repeat.
  private func duplicateIDIssues(
    _ suspects: Set<UInt64>
  ) throws(ArchiveError) -> [VerificationReport.Issue] {
    guard !suspects.isEmpty else { return [] }
    var first: [String: String] = [:]
    var issues: [VerificationReport.Issue] = []
    try forEachLocation { (location) throws(ArchiveError) in
      guard suspects.contains(FNV1a.hash(location.id)), (try? readIntegrity(location)) != nil
      else { return }
      if let other = first[location.id] {
        issues.append(
          .init(path: location.path, id: location.id, kind: .duplicateID(otherPath: other)))
      } else {
        first[location.id] = location.path
      }
    }
    return issues
  }

  /// The recorded integrity of the file at `location`, which holds `bytes`, if readable, and
  /// its problems.
  private func check(
    _ location: DocumentLocation, bytes: [UInt8]
  ) -> (Checked?, [VerificationReport.Issue.Kind]) {
    if let digest = FastDocumentDigest(bytes: bytes) {
      let amended = location.kind == .amendment ? digest.amendedRecord : nil
      return (
        Checked(
          sha256: digest.recordedSHA256, parents: digest.parents,
          reportSHA256: digest.reportSHA256, amendedRecord: amended),
        problems(
          computed: digest.computedSHA256, recorded: digest.recordedSHA256, id: digest.id,
          createdAt: digest.createdAt, at: location)
      )
    }
    let document: StoredDocument
    do {
      document = try self.document(location, from: bytes)
    } catch .invalidJSON(_, let error) {
      return (nil, [.invalidJSON(error)])
    } catch .invalidIntegrity {
      return (nil, [.missingIntegrity])
    } catch {
      return (nil, [.unreadable(error)])
    }
    guard let object = document.document.objectValue else { return (nil, [.missingIntegrity]) }
    let amended =
      location.kind == .amendment ? Amendment.recordReference(in: document.document) : nil
    return (
      Checked(
        sha256: document.sha256, parents: document.parents,
        reportSHA256: DocumentIntegrity.reportSHA256(in: object), amendedRecord: amended),
      problems(
        computed: DocumentIntegrity.computedHash(of: object), recorded: document.sha256,
        id: DocumentEnvelope.id(in: object)?.stringValue,
        createdAt: DocumentEnvelope.createdAt(in: object)?.stringValue,
        at: location)
    )
  }

  /// A changed hash, an id that is not the file name, a `created_at` of another month.
  private func problems(
    computed: String, recorded: String, id: String?, createdAt: String?,
    at location: DocumentLocation
  ) -> [VerificationReport.Issue.Kind] {
    var problems: [VerificationReport.Issue.Kind] = []
    if computed != recorded {
      problems.append(.hashMismatch(recorded: recorded, computed: computed))
    }
    if id != location.id {
      problems.append(.idDoesNotMatchFileName(documentID: id))
    }
    if let month = ArchiveTime.monthPath(ofCreatedAtText: createdAt) {
      let expected = "\(location.kind.directoryName)/\(month)"
      if !location.path.hasPrefix(expected + "/") {
        problems.append(.misplaced(expectedDirectory: expected))
      }
    }
    return problems
  }
}
