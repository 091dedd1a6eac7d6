/// A vendor in the team's inventory: who it is, how critical, our contract with it, and what it
/// holds or reaches (credentials, data, systems).
///
/// ```yaml
/// - id: github
///   name: GitHub
///   aliases: [GHEC]
///   products: [GitHub Actions, Copilot]
///   category: source-hosting
///   criticality: critical
///   credentials: [...]
///   data: [...]
/// ```
package struct InventoryVendor: Sendable, Equatable {
  /// How much depends on the vendor.
  package enum Criticality: String, Sendable, Hashable, CaseIterable {
    case critical, high, medium, low
  }

  /// One person or team to reach at the vendor.
  package struct Contact: Sendable, Equatable {
    package var role: String?
    package var name: String?
    package var email: String?
    package var phone: String?
    package var url: String?

    package init(
      role: String? = nil, name: String? = nil, email: String? = nil, phone: String? = nil,
      url: String? = nil
    ) {
      self.role = role
      self.name = name
      self.email = email
      self.phone = phone
      self.url = url
    }
  }

  /// Our contract with the vendor: their duty to tell us, and our right to audit them.
  package struct Contract: Sendable, Equatable {
    /// Their notice duty to us (`within` and `clause`; no recipient).
    package var noticeToUs: NoticeClause?
    /// Whether we may audit them; nil when not written.
    package var auditRight: Bool?
    package var source: InventorySource

    package init(noticeToUs: NoticeClause?, auditRight: Bool?, source: InventorySource) {
      self.noticeToUs = noticeToUs
      self.auditRight = auditRight
      self.source = source
    }
  }

  /// A `sub-processors:` entry: a vendor id of the inventory, or a plain name.
  package struct SubProcessor: Sendable, Equatable {
    package var name: String
    package var source: InventorySource

    package init(name: String, source: InventorySource) {
      self.name = name
      self.source = source
    }
  }

  /// Unique across the inventory (lower-kebab).
  package var id: String
  package var name: String
  package var aliases: [String]
  package var products: [String]
  /// Free lower-kebab text; runbooks whose `applies-to` lists it are suggested.
  package var category: String?
  package var criticality: Criticality?
  /// Runbook ids to run when the vendor has an incident.
  package var runbooks: [String]
  package var review: InventoryReview?
  package var contacts: [Contact]
  package var contract: Contract?
  package var subProcessors: [SubProcessor]
  package var credentials: [InventoryCredential]
  package var data: [InventoryDataSet]
  package var systems: [String]
  /// Where its `- id:` item starts.
  package var source: InventorySource

  package init(
    id: String, name: String, aliases: [String], products: [String], category: String?,
    criticality: Criticality?, runbooks: [String], review: InventoryReview?, contacts: [Contact],
    contract: Contract?, subProcessors: [SubProcessor], credentials: [InventoryCredential],
    data: [InventoryDataSet], systems: [String], source: InventorySource
  ) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.products = products
    self.category = category
    self.criticality = criticality
    self.runbooks = runbooks
    self.review = review
    self.contacts = contacts
    self.contract = contract
    self.subProcessors = subProcessors
    self.credentials = credentials
    self.data = data
    self.systems = systems
    self.source = source
  }
}
