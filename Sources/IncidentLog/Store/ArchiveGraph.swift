/// The parent links of an archive: only hashes and locations, never document contents.
struct ArchiveGraph {
  private(set) var nodes: [(location: DocumentLocation, sha256: String, parents: [String])] = []
  private(set) var knownHashes: Set<String> = []
  private var referenced: Set<String> = []

  mutating func add(location: DocumentLocation, sha256: String, parents: [String]) {
    nodes.append((location, sha256, parents))
    knownHashes.insert(sha256)
    referenced.formUnion(parents)
  }

  /// Documents nobody names as a parent, sorted by hash (duplicates of one hash listed once).
  var heads: [DocumentHead] {
    var seen: Set<String> = []
    return
      nodes
      .filter { !referenced.contains($0.sha256) && seen.insert($0.sha256).inserted }
      .map { DocumentHead(location: $0.location, sha256: $0.sha256) }
      .sorted { $0.sha256 < $1.sha256 }
  }
}
