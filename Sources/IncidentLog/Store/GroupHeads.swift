/// The heads of one group of folders seen alone: the documents in `records/P` and
/// `amendments/P` for one folder path `P` (a month, `2026/04`, in an archive triage wrote).
///
/// A document is a head of the archive when no document names it as a parent. Within a group,
/// ``heads`` are the documents no document *of the group* names, and ``outsideParents`` the
/// parents its documents name that are not in it. The archive's heads are then the groups'
/// heads that no group names as an outside parent (see ``archiveHeads(of:)``): each group is
/// summarised once, from its files, and stays valid while its listings do. In a chain a group
/// has one head and one outside parent (the last head of the month before), so the summaries
/// stay small however many documents the groups hold.
struct GroupHeads: Equatable {
  /// The document listings of the group's folders the summary was made from, by kind; a kind
  /// whose folder holds no document is absent.
  var listings: ListingsByKind
  /// The documents of the group that no document of the group names, sorted by hash.
  var heads: [DocumentHead]
  /// The parents named by documents of the group that are not documents of the group, sorted.
  var outsideParents: [String]

  /// The summary of the documents in `graph`, built from the documents of one group.
  init(listings: ListingsByKind, graph: ArchiveGraph) {
    self.listings = listings
    heads = graph.heads
    outsideParents = Set(graph.missingParents.map(\.parent)).sorted()
  }

  /// A summary as the cache file states it.
  init(listings: ListingsByKind, heads: [DocumentHead], outsideParents: [String]) {
    self.listings = listings
    self.heads = heads
    self.outsideParents = outsideParents
  }

  /// This summary after `location`, with hash `sha256`, was added to the group naming
  /// `parents`, the archive's heads just before.
  ///
  /// Exact: the parents that were heads of this group stop being heads, and the others (heads
  /// of other groups) become outside parents of this one.
  func adding(_ location: DocumentLocation, sha256: String, parents: [String]) -> GroupHeads {
    let named = Set(parents)
    let local = Set(heads.map(\.sha256))
    var listings = listings
    listings[location.kind] = (listings[location.kind] ?? ArchiveListing()).adding(location.path)
    let heads = heads.filter { !named.contains($0.sha256) }
    return GroupHeads(
      listings: listings,
      heads: (heads + [DocumentHead(location: location, sha256: sha256)]).sorted {
        $0.sha256 < $1.sha256
      },
      outsideParents: Set(outsideParents).union(named.subtracting(local)).sorted())
  }

  /// The heads of an archive made of `groups`, sorted by hash: the groups' heads that no group
  /// names as an outside parent.
  ///
  /// Where one hash is a head in two groups (the same file copied into two folders), the
  /// location that ``ArchiveStore/heads()`` would meet first is kept, and `unique` is false.
  static func archiveHeads(
    of groups: some Sequence<GroupHeads>
  ) -> (heads: [DocumentHead], unique: Bool) {
    var named: Set<String> = []
    for group in groups { named.formUnion(group.outsideParents) }
    var chosen: [String: DocumentHead] = [:]
    var unique = true
    for group in groups {
      for head in group.heads where !named.contains(head.sha256) {
        if let kept = chosen[head.sha256] {
          unique = false
          if !Self.walksFirst(head.location, kept.location) { continue }
        }
        chosen[head.sha256] = head
      }
    }
    return (chosen.values.sorted { $0.sha256 < $1.sha256 }, unique)
  }

  /// Whether the archive's walk meets `left` before `right`: records first, then path order.
  private static func walksFirst(_ left: DocumentLocation, _ right: DocumentLocation) -> Bool {
    let order = DocumentKind.allCases
    let leftKind = order.firstIndex(of: left.kind) ?? 0
    let rightKind = order.firstIndex(of: right.kind) ?? 0
    return (leftKind, left.path) < (rightKind, right.path)
  }
}
