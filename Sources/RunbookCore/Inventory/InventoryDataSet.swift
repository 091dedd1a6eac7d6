/// Data a vendor holds or reaches, in the facts vocabulary: its elements (`data_elements`
/// choices), how many people it concerns per jurisdiction (`residents`), our role for it, and
/// whose data it is when it is a client's.
package struct InventoryDataSet: Sendable, Equatable {
  /// Unique across the inventory (lower-kebab).
  package var id: String
  /// Values of the `data_elements` fact (`ssn`, `contact-only`).
  package var elements: [String]
  /// People per jurisdiction code (`US-CA: 1200`); a count is nil when written `?`.
  package var residents: [ResidentCounts.Entry]
  /// Our role for this data: choices of the role facts (`processor`, `owner`, `maintainer`).
  package var roles: [String]
  /// The clients whose data it is (client ids); empty when it is ours.
  package var clients: [String]
  /// The vendor that holds it.
  package var vendor: String
  package var source: InventorySource

  package init(
    id: String, elements: [String], residents: [ResidentCounts.Entry], roles: [String],
    clients: [String], vendor: String, source: InventorySource
  ) {
    self.id = id
    self.elements = elements
    self.residents = residents
    self.roles = roles
    self.clients = clients
    self.vendor = vendor
    self.source = source
  }
}
