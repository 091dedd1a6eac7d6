/// A client of ours whose data or service depends on vendors, and our contract duty to tell
/// them of an incident.
package struct InventoryClient: Sendable, Equatable {
  /// Unique across the inventory (lower-kebab).
  package var id: String
  package var name: String
  /// The vendors that touch their data (vendor ids).
  package var vendors: [String]
  /// Our duty to notify them; nil when their contract sets none.
  package var notice: NoticeClause?
  package var source: InventorySource

  package init(
    id: String, name: String, vendors: [String], notice: NoticeClause?, source: InventorySource
  ) {
    self.id = id
    self.name = name
    self.vendors = vendors
    self.notice = notice
    self.source = source
  }
}
