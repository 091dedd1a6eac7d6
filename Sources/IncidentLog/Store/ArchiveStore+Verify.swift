extension ArchiveStore {
  /// Checks every document and the links between them.
  ///
  /// Reads one file at a time and keeps only hashes and locations. Finds edited documents (hash
  /// mismatch), unreadable or truncated files, documents whose parent is missing (a deleted or
  /// altered document, or an inserted one with a forged parent), renamed or moved files, and
  /// stray files. A deleted *head* leaves no trace in the files that remain; compare
  /// ``VerificationReport/heads`` with a copy (such as git history) to catch that.
  ///
  /// - Throws: ``ArchiveError`` only when the archive itself cannot be listed; problems with
  ///   single files are issues in the report.
  public func verify() throws(ArchiveError) -> VerificationReport {
    guard try fileSystem.isDirectory(at: root) else { throw .notFound(path: root) }
    var issues: [VerificationReport.Issue] = []
    var graph = ArchiveGraph()
    var ids = DuplicateIDFinder()
    var documentCount = 0
    for kind in DocumentKind.allCases {
      try walk(kind) { (entry) throws(ArchiveError) in
        switch entry {
        case .unexpectedFile(let path):
          issues.append(.init(path: path, id: nil, kind: .unexpectedFile))
        case .document(let location):
          documentCount += 1
          let (found, problems) = check(location)
          issues += problems.map { .init(path: location.path, id: location.id, kind: $0) }
          guard let found else { return }
          ids.add(location.id)
          graph.add(location: location, sha256: found.sha256, parents: found.parents)
        }
      }
    }
    for (child, parent) in graph.missingParents {
      issues.append(.init(path: child.path, id: child.id, kind: .missingParent(parent)))
    }
    issues += try duplicateIDIssues(ids.suspects)
    let ordered = issues.enumerated().sorted {
      ($0.element.path, $0.offset) < ($1.element.path, $1.offset)
    }.map(\.element)
    return VerificationReport(documentCount: documentCount, issues: ordered, heads: graph.heads)
  }

  /// Every file holding one of `suspects` after the first: a second walk, only when the first
  /// found ids that may repeat.
  private func duplicateIDIssues(
    _ suspects: Set<String>
  ) throws(ArchiveError) -> [VerificationReport.Issue] {
    guard !suspects.isEmpty else { return [] }
    var first: [String: String] = [:]
    var issues: [VerificationReport.Issue] = []
    try forEachLocation { (location) throws(ArchiveError) in
      guard suspects.contains(location.id), (try? readIntegrity(location)) != nil else { return }
      if let other = first[location.id] {
        issues.append(
          .init(path: location.path, id: location.id, kind: .duplicateID(otherPath: other)))
      } else {
        first[location.id] = location.path
      }
    }
    return issues
  }

  /// The recorded integrity of one file, if readable, and its problems.
  private func check(
    _ location: DocumentLocation
  ) -> ((sha256: String, parents: [String])?, [VerificationReport.Issue.Kind]) {
    let bytes: [UInt8]
    do {
      bytes = try fileSystem.readFile(at: absolute(location.path))
    } catch {
      return (nil, [.unreadable(error)])
    }
    if let digest = FastDocumentDigest(bytes: bytes) {
      return ((digest.recordedSHA256, digest.parents), problems(of: digest, at: location))
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
    var problems: [VerificationReport.Issue.Kind] = []
    guard let object = document.document.objectValue else { return (nil, [.missingIntegrity]) }
    let computed = DocumentIntegrity.computedHash(of: object)
    if computed != document.sha256 {
      problems.append(.hashMismatch(recorded: document.sha256, computed: computed))
    }
    let documentID = object["id"]?.stringValue
    if documentID != location.id {
      problems.append(.idDoesNotMatchFileName(documentID: documentID))
    }
    if let month = ArchiveTime.monthPath(ofCreatedAt: object["created_at"]) {
      let expected = "\(location.kind.directoryName)/\(month)"
      if !location.path.hasPrefix(expected + "/") {
        problems.append(.misplaced(expectedDirectory: expected))
      }
    }
    return ((document.sha256, document.parents), problems)
  }

  /// The problems ``check(_:)`` finds, from a fast digest.
  private func problems(
    of digest: FastDocumentDigest, at location: DocumentLocation
  ) -> [VerificationReport.Issue.Kind] {
    var problems: [VerificationReport.Issue.Kind] = []
    if digest.computedSHA256 != digest.recordedSHA256 {
      problems.append(
        .hashMismatch(recorded: digest.recordedSHA256, computed: digest.computedSHA256))
    }
    if digest.id != location.id {
      problems.append(.idDoesNotMatchFileName(documentID: digest.id))
    }
    let createdAt = digest.createdAt.map(JSONValue.string)
    if let month = ArchiveTime.monthPath(ofCreatedAt: createdAt) {
      let expected = "\(location.kind.directoryName)/\(month)"
      if !location.path.hasPrefix(expected + "/") {
        problems.append(.misplaced(expectedDirectory: expected))
      }
    }
    return problems
  }
}
