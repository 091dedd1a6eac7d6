extension InventoryCredential {
  /// The values a `for-each` template over credentials may read as `{{item.NAME}}`: `id`,
  /// `name`, `kind`, `owner`, `rotate`, `where_used`, `last_rotated`, `vendor` (absent ones
  /// are left out).
  package var templateFields: [String: String] {
    var fields = ["id": id, "name": name, "kind": kind.rawValue, "vendor": vendor]
    fields["owner"] = owner
    fields["rotate"] = rotate
    fields["last_rotated"] = lastRotated?.description
    if !whereUsed.isEmpty { fields["where_used"] = whereUsed.joined(separator: ", ") }
    return fields
  }
}

extension InventoryClient {
  /// The values a `for-each` template over clients may read as `{{item.NAME}}`: `id`, `name`,
  /// and from the notice clause `notice_within` (`24 hours`, due-rule syntax, so that
  /// `due: "{{item.notice_within}} after aware_at"` parses), `notice_to`, `notice_channel`,
  /// `notice_clause` (absent ones are left out).
  package var templateFields: [String: String] {
    var fields = ["id": id, "name": name]
    fields["notice_within"] = notice?.within.description
    fields["notice_to"] = notice?.to
    fields["notice_channel"] = notice?.channel
    fields["notice_clause"] = notice?.clause
    return fields
  }
}

extension VendorImpact {
  /// The summed residents as items of a `residents` fact answer (`US-CA: 1210`, `FR: ?`).
  package var residentItems: [String] {
    residents.map { "\($0.code): \($0.count.map(String.init) ?? "?")" }
  }
}
