import IncidentLog
import RunbookCore

/// The vendors of the inventory, as a table or as JSON (`triage inventory list`).
struct InventoryList {
  var inventory: Inventory

  /// An aligned table: id, criticality, category, credentials, data sets, next review, name.
  func rendered() -> String {
    guard !inventory.vendors.isEmpty else { return "No vendors in the inventory.\n" }
    let rows =
      [["ID", "CRITICALITY", "CATEGORY", "CREDENTIALS", "DATA", "NEXT REVIEW", "NAME"]]
      + inventory.vendors.map { vendor in
        [
          vendor.id, vendor.criticality?.rawValue ?? "-", vendor.category ?? "-",
          String(vendor.credentials.count), String(vendor.data.count),
          vendor.review.map { $0.nextDue?.description ?? "now" } ?? "-",
          ColumnText.truncated(vendor.name, to: 40),
        ]
      }
    let columns = 6
    let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      (0..<columns).map { row[$0].padding(toLength: widths[$0]) }.joined(separator: "  ")
        + "  " + row[columns] + "\n"
    }.joined()
  }

  /// `{"vendors": [{"id", "name", "criticality", "category", "credentials", "data",
  /// "review", "source"}]}`.
  var json: String {
    let items = inventory.vendors.map { vendor in
      JSONValue.object([
        .init("id", .string(vendor.id)), .init("name", .string(vendor.name)),
        .init("criticality", InventoryJSON.optional(vendor.criticality?.rawValue)),
        .init("category", InventoryJSON.optional(vendor.category)),
        .init("credentials", .number(Double(vendor.credentials.count))),
        .init("data", .number(Double(vendor.data.count))),
        .init("review", InventoryJSON.review(vendor.review)),
        .init("source", InventoryJSON.source(vendor.source)),
      ])
    }
    return JSONValue.object([.init("vendors", .array(items))]).stamped(.inventoryList).prettyText
  }
}
