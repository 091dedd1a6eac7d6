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
    var pathByID: [String: String] = [:]
    var documentCount = 0
    for kind in DocumentKind.allCases {
      let (documents, unexpectedFiles) = try scan(kind)
      issues += unexpectedFiles.map { .init(path: $0, id: nil, kind: .unexpectedFile) }
      for location in documents {
        documentCount += 1
        let (found, problems) = check(location)
        issues += problems.map { .init(path: location.path, id: location.id, kind: $0) }
        guard let found else { continue }
        if let other = pathByID[location.id] {
          issues.append(
            .init(path: location.path, id: location.id, kind: .duplicateID(otherPath: other)))
        } else {
          pathByID[location.id] = location.path
        }
        graph.add(location: location, sha256: found.sha256, parents: found.parents)
      }
    }
    for node in graph.nodes {
      for parent in node.parents where !graph.knownHashes.contains(parent) {
        issues.append(
          .init(path: node.location.path, id: node.location.id, kind: .missingParent(parent)))
      }
    }
    let ordered = issues.enumerated().sorted {
      ($0.element.path, $0.offset) < ($1.element.path, $1.offset)
    }.map(\.element)
    return VerificationReport(documentCount: documentCount, issues: ordered, heads: graph.heads)
  }

  /// The recorded integrity of one file, if readable, and its problems.
  private func check(
    _ location: DocumentLocation
  ) -> ((sha256: String, parents: [String])?, [VerificationReport.Issue.Kind]) {
    let document: StoredDocument
    do {
      document = try read(location)
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
}
