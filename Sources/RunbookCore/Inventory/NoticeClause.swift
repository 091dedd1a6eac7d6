/// A contract's notice duty: within how long, to whom, how, and which clause says so.
///
/// A client's `notice:` is our duty to tell them; a vendor's `contract.notice-to-us` is theirs to
/// tell us (it has no recipient: that is us).
///
/// ```yaml
/// notice: {within: 24 hours, to: security@acme.example, channel: email, clause: "DPA 7.2"}
/// ```
package struct NoticeClause: Sendable, Equatable {
  /// The deadline, counted from when we became aware (`24 hours`, `5 business days`).
  package var within: InventoryDuration
  /// The recipient: an address, a portal or a role.
  package var to: String?
  /// How notice is given (`email`, `portal`, `phone`).
  package var channel: String?
  /// The contract clause that sets the duty (`DPA 7.2`).
  package var clause: String?
  package var source: InventorySource

  package init(
    within: InventoryDuration, to: String? = nil, channel: String? = nil, clause: String? = nil,
    source: InventorySource
  ) {
    self.within = within
    self.to = to
    self.channel = channel
    self.clause = clause
    self.source = source
  }
}
