import YAMLLite

extension InventoryReader {
  /// The keys of a vendor, a credential, a data set, a contract, a contact and a review.
  static let vendorKeys = [
    "id", "name", "aliases", "products", "category", "criticality", "runbooks", "review",
    "contacts", "contract", "sub-processors", "credentials", "data", "systems", "notes",
  ]
  static let credentialKeys = [
    "id", "name", "kind", "where-used", "owner", "rotate", "last-rotated", "notes",
  ]
  /// Keys that would hold a credential's value: refused, never merely unknown.
  static let forbiddenCredentialKeys = ["value", "secret", "token", "password", "private-key"]
  static let dataKeys = ["id", "elements", "residents", "role", "clients", "notes"]
  static let contractKeys = ["notice-to-us", "audit-right", "notes"]
  static let contactKeys = ["role", "name", "email", "phone", "url"]
  static let reviewKeys = ["every", "last"]
  /// The facts whose choices a data set's `role` may take.
  static let roleFacts = ["gdpr_role", "data_role", "hipaa_role"]

  /// Reads a vendor item.
  mutating func readVendor(_ node: Node) -> InventoryVendor? {
    guard
      let map = mapping(node, as: "vendor", known: Self.vendorKeys, required: ["id", "name"])
    else { return nil }
    let id = id(map, what: "vendor id")
    let name = text(map, "name")
    let criticality = choice(
      map, "criticality", allowed: InventoryVendor.Criticality.allCases.map(\.rawValue)
    ).flatMap(InventoryVendor.Criticality.init(rawValue:))
    var category: String?
    if let (text, node) = map.text("category", diagnostics: &diagnostics) {
      category = text
      if !IDPattern.kebab.matches(text) {
        error(
          RunbookProblem.badID(text, what: "category", pattern: .kebab),
          at: node.location(ofTextOffset: 0))
      }
    }
    let review = map.value("review").flatMap { readReview($0) }
    let contacts = (map.items("contacts", diagnostics: &diagnostics) ?? []).compactMap {
      readContact($0)
    }
    let contract = map.value("contract").flatMap { readContract($0) }
    let subProcessors = textNodes(map, "sub-processors").map {
      InventoryVendor.SubProcessor(
        name: $0.text, source: InventorySource($0.node.location(ofTextOffset: 0)))
    }
    let vendorID = id ?? ""
    let credentials = (map.items("credentials", diagnostics: &diagnostics) ?? []).compactMap {
      readCredential($0, vendor: vendorID)
    }
    let data = (map.items("data", diagnostics: &diagnostics) ?? []).compactMap {
      readDataSet($0, vendor: vendorID)
    }
    guard let id, let name else { return nil }
    return InventoryVendor(
      id: id, name: name, aliases: texts(map, "aliases"), products: texts(map, "products"),
      category: category, criticality: criticality, runbooks: readRunbookIDs(map),
      review: review, contacts: contacts, contract: contract, subProcessors: subProcessors,
      credentials: credentials, data: data, systems: texts(map, "systems"),
      source: InventorySource(node.location))
  }

  /// Reads `runbooks:`, warning about an id that is no runbook of the library (when known).
  mutating func readRunbookIDs(_ map: MappingReader) -> [String] {
    let ids = textNodes(map, "runbooks")
    if let known = runbookIDs {
      for (id, node) in ids where !known.contains(id) {
        let problem = InventoryProblem.unknownReference(
          id, what: "runbook", key: "runbooks", suggestion: Suggestion.nearest(to: id, in: known))
        diagnostics.append(Diagnostic(.warning, problem, at: node.location(ofTextOffset: 0)))
      }
    }
    return ids.map(\.text)
  }

  /// Reads a credential item; a key that would hold its value is refused.
  mutating func readCredential(_ node: Node, vendor: String) -> InventoryCredential? {
    var known = Self.credentialKeys
    for entry in node.entries ?? []
    where Self.forbiddenCredentialKeys.contains(entry.key.lowercased()) {
      error(InventoryProblem.forbiddenKey(entry.key), at: entry.keyLocation)
      known.append(entry.key)  // refused above, not also unknown
    }
    guard
      let map = mapping(node, as: "credential", known: known, required: ["id", "name", "kind"])
    else { return nil }
    let id = id(map, what: "credential id")
    let name = text(map, "name")
    let kind = choice(
      map, "kind", allowed: InventoryCredential.Kind.allCases.map(\.rawValue)
    ).flatMap(InventoryCredential.Kind.init(rawValue:))
    let lastRotated = day(map, "last-rotated")
    guard let id, let name, let kind else { return nil }
    return InventoryCredential(
      id: id, name: name, kind: kind, whereUsed: texts(map, "where-used"),
      owner: text(map, "owner"), rotate: text(map, "rotate"), lastRotated: lastRotated,
      vendor: vendor, source: InventorySource(node.location))
  }

  /// Reads a data item: elements and roles from the vocabulary, residents as `CODE: COUNT`.
  mutating func readDataSet(_ node: Node, vendor: String) -> InventoryDataSet? {
    guard
      let map = mapping(node, as: "data set", known: Self.dataKeys, required: ["id", "elements"])
    else { return nil }
    let id = id(map, what: "data set id")
    let elements = textNodes(map, "elements")
    checkChoices(elements, ofFacts: ["data_elements"], label: "data_elements")
    let roles = textNodes(map, "role")
    checkChoices(roles, ofFacts: Self.roleFacts, label: Self.roleFacts.joined(separator: "/"))
    let residents = map.value("residents").map { readResidents($0) } ?? []
    guard let id else { return nil }
    return InventoryDataSet(
      id: id, elements: elements.map(\.text), residents: residents, roles: roles.map(\.text),
      clients: texts(map, "clients"), vendor: vendor, source: InventorySource(node.location))
  }

  /// Reads `residents: {US-CA: 1200, DE: 50, FR: ?}`.
  mutating func readResidents(_ node: Node) -> [ResidentCounts.Entry] {
    guard case .mapping(let entries) = node.content else {
      let problem = RunbookProblem.expectedMapping(what: "residents", found: node.shape)
      error(problem, at: node.location)
      return []
    }
    var counts: [ResidentCounts.Entry] = []
    for entry in entries {
      guard case .scalar(let scalar) = entry.value.content else {
        let problem = RunbookProblem.expectedText(
          key: entry.key, in: "residents", found: entry.value.shape)
        error(problem, at: entry.value.location)
        continue
      }
      do {
        counts.append(try ResidentCounts.entry("\(entry.key): \(scalar.text)"))
      } catch {
        let location = error.offset == 0 ? entry.keyLocation : entry.value.location
        self.error(InventoryProblem.badResidents(error.message), at: location)
      }
    }
    return counts
  }

  /// Reads `review: {every: 90 days, last: 2026-09-01}`.
  mutating func readReview(_ node: Node) -> InventoryReview? {
    guard let map = mapping(node, as: "review", known: Self.reviewKeys, required: ["every"])
    else { return nil }
    let every = duration(map, "every", units: [.days, .weeks, .months])
    let last = day(map, "last")
    guard let every else { return nil }
    return InventoryReview(every: every, last: last, source: InventorySource(node.location))
  }

  /// Reads a contact: `{role, name, email, phone, url}`.
  mutating func readContact(_ node: Node) -> InventoryVendor.Contact? {
    guard let map = mapping(node, as: "contact", known: Self.contactKeys, required: [])
    else { return nil }
    return InventoryVendor.Contact(
      role: text(map, "role"), name: text(map, "name"), email: text(map, "email"),
      phone: text(map, "phone"), url: text(map, "url"))
  }

  /// Reads `contract: {notice-to-us: {within, clause}, audit-right: yes}`.
  mutating func readContract(_ node: Node) -> InventoryVendor.Contract? {
    guard let map = mapping(node, as: "contract", known: Self.contractKeys, required: [])
    else { return nil }
    let notice = map.value("notice-to-us").flatMap {
      readNotice($0, as: "notice-to-us", known: ["within", "clause", "channel"])
    }
    return InventoryVendor.Contract(
      noticeToUs: notice, auditRight: yesNo(map, "audit-right"),
      source: InventorySource(node.location))
  }

  /// Reads a notice clause: `{within, to, channel, clause}`.
  mutating func readNotice(
    _ node: Node, as what: String, known: [String] = ["within", "to", "channel", "clause"]
  ) -> NoticeClause? {
    guard let map = mapping(node, as: what, known: known, required: ["within"]) else {
      return nil
    }
    let within = duration(
      map, "within", units: [.minutes, .hours, .days, .businessDays, .weeks, .months])
    guard let within else { return nil }
    return NoticeClause(
      within: within, to: text(map, "to"), channel: text(map, "channel"),
      clause: text(map, "clause"), source: InventorySource(node.location))
  }
}
