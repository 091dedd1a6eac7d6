/// The blast radius of an incident at one vendor, before any question is asked.
///
/// What to rotate, whose data and how many people, which contract clocks start, the chains of
/// sub-processors, and the runbooks to run. `triage affected VENDOR` prints it; `run --vendor`
/// answers from it.
package struct VendorImpact: Sendable, Equatable {
  /// A runbook to run, and why it is suggested.
  package struct SuggestedRunbook: Sendable, Equatable {
    /// Why a runbook is suggested.
    package enum Reason: String, Sendable, Equatable {
      /// Listed in the vendor's `runbooks:`.
      case vendor
      /// Its `applies-to` names the vendor's category.
      case category
    }

    package var id: String
    package var reason: Reason

    package init(id: String, reason: Reason) {
      self.id = id
      self.reason = reason
    }
  }

  package var match: VendorMatch
  package var vendor: InventoryVendor { match.vendor }
  package var credentials: [InventoryCredential]
  package var data: [InventoryDataSet]
  /// People per jurisdiction over all the data sets, summed per code, sorted by code; a count is
  /// nil when one of the sets does not know it (`?`).
  package var residents: [ResidentCounts.Entry]
  /// Our roles for the data, each once, in order.
  package var roles: [String]
  /// The data elements, each once, in order.
  package var elements: [String]
  package var clients: [InventoryClient]
  /// Each chain from the vendor down through its sub-processors (ids of the inventory, or the
  /// names written), ending where a sub-processor has none or a cycle would start.
  package var subProcessorChains: [[String]]
  package var runbooks: [SuggestedRunbook]
}

extension Inventory {
  /// The blast radius of `match`'s vendor.
  ///
  /// - Parameter runbookTags: the runbooks that may be suggested by category: each runbook's id
  ///   and its `applies-to` tags (used only when the vendor lists no `runbooks:`).
  package func impact(
    of match: VendorMatch, runbookTags: [(id: String, tags: [String])] = []
  ) -> VendorImpact {
    let vendor = match.vendor
    var residents: [String: Int?] = [:]
    for entry in vendor.data.flatMap(\.residents) {
      if let known = residents[entry.code] {
        residents[entry.code] = known.flatMap { total in entry.count.map { total + $0 } }
      } else {
        residents[entry.code] = entry.count
      }
    }
    var runbooks = vendor.runbooks.map {
      VendorImpact.SuggestedRunbook(id: $0, reason: .vendor)
    }
    if runbooks.isEmpty, let category = vendor.category {
      runbooks = runbookTags.filter { $0.tags.contains(category) }.map {
        VendorImpact.SuggestedRunbook(id: $0.id, reason: .category)
      }
    }
    return VendorImpact(
      match: match, credentials: vendor.credentials, data: vendor.data,
      residents: residents.keys.sorted().map {
        ResidentCounts.Entry(code: $0, count: residents[$0] ?? nil)
      },
      roles: Self.uniqued(vendor.data.flatMap(\.roles)),
      elements: Self.uniqued(vendor.data.flatMap(\.elements)), clients: clients(of: vendor),
      subProcessorChains: subProcessorChains(from: vendor), runbooks: runbooks)
  }

  /// The most chains ``subProcessorChains(from:)`` returns: a web of vendors that all name
  /// each other has more paths than anyone reads.
  package static let maximumChainCount = 200

  /// Every path from `vendor` down its sub-processors, cut where a vendor would repeat, at most
  /// ``maximumChainCount`` of them.
  package func subProcessorChains(from vendor: InventoryVendor) -> [[String]] {
    var chains: [[String]] = []
    func walk(_ path: [String], _ current: InventoryVendor?) {
      guard chains.count < Self.maximumChainCount else { return }
      let subs = current?.subProcessors.map(\.name) ?? []
      let next = subs.filter { !path.contains($0) }
      if next.isEmpty {
        if path.count > 1 { chains.append(path) }
        return
      }
      for name in next {
        walk(path + [name], self.vendor(name))
      }
    }
    walk([vendor.id], vendor)
    return chains
  }

  private static func uniqued(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
  }
}
