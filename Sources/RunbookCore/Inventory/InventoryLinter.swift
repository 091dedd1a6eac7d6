/// The checks that need the whole inventory: ids unique (vendors, credentials, data sets,
/// clients), at most one organisation, and references that resolve.
///
/// A reference to an id that is not in the inventory is a warning ("not in the inventory"),
/// with the nearest id: a client may name a vendor the team has not written down yet, and the
/// inventory still loads. A sub-processor written as a plain name (`Microsoft Azure`) is not a
/// reference; one written as a kebab id (`microsoft-azure`) is.
enum InventoryLinter {
  static func check(
    vendors: [InventoryVendor], clients: [InventoryClient],
    organisations: [InventoryOrganisation]
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func unique(_ items: [(id: String, source: InventorySource)], what: String) {
      var first: [String: InventorySource] = [:]
      for item in items {
        if let earlier = first[item.id] {
          let problem = InventoryProblem.duplicateID(
            item.id, what: what, first: earlier.description)
          diagnostics.append(Diagnostic(.error, problem, at: item.source.location))
        } else {
          first[item.id] = item.source
        }
      }
    }
    unique(vendors.map { ($0.id, $0.source) }, what: "vendor")
    unique(vendors.flatMap(\.credentials).map { ($0.id, $0.source) }, what: "credential")
    unique(vendors.flatMap(\.data).map { ($0.id, $0.source) }, what: "data set")
    unique(clients.map { ($0.id, $0.source) }, what: "client")
    if let first = organisations.first {
      for second in organisations.dropFirst() {
        let problem = InventoryProblem.secondOrganisation(first: first.source.description)
        diagnostics.append(Diagnostic(.error, problem, at: second.source.location))
      }
    }

    let vendorIDs = vendors.map(\.id)
    let vendorSet = Set(vendorIDs)
    let clientIDs = clients.map(\.id)
    let clientSet = Set(clientIDs)
    func reference(
      _ id: String, what: String, key: String, known: Set<String>, candidates: [String],
      at location: InventorySource
    ) {
      guard !known.contains(id) else { return }
      let problem = InventoryProblem.unknownReference(
        id, what: what, key: key, suggestion: Suggestion.nearest(to: id, in: candidates))
      diagnostics.append(Diagnostic(.warning, problem, at: location.location))
    }
    for vendor in vendors {
      for sub in vendor.subProcessors where IDPattern.kebab.matches(sub.name) {
        reference(
          sub.name, what: "vendor", key: "sub-processors", known: vendorSet,
          candidates: vendorIDs, at: sub.source)
      }
      for data in vendor.data {
        for client in data.clients {
          reference(
            client, what: "client", key: "clients", known: clientSet, candidates: clientIDs,
            at: data.source)
        }
      }
    }
    for client in clients {
      for vendor in client.vendors {
        reference(
          vendor, what: "vendor", key: "vendors", known: vendorSet, candidates: vendorIDs,
          at: client.source)
      }
    }
    return diagnostics
  }
}
