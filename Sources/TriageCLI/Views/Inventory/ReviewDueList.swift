import IncidentLog
import RunbookCore

/// The vendors whose review is due (`triage inventory due`).
struct ReviewDueList {
  var due: [(vendor: InventoryVendor, review: InventoryReview)]
  var today: CalendarDay

  /// One line per vendor: id, name, cadence, last review and since when it is due.
  func rendered() -> String {
    guard !due.isEmpty else { return "No vendor review is due (\(today)).\n" }
    var lines = ["\(due.count) vendor review\(due.count == 1 ? " is" : "s are") due (\(today)):"]
    for (vendor, review) in due {
      let last = review.last.map { "last \($0)" } ?? "never reviewed"
      let since = review.nextDue.map { ", due since \($0)" } ?? ""
      lines.append(
        "  \(vendor.id)  \(ColumnText.truncated(vendor.name, to: 40)): every \(review.every), "
          + "\(last)\(since)  (\(review.source))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"today", "due": [{"id", "name", "review": {...}, "source"}]}`.
  var json: String {
    let items = due.map { vendor, review in
      JSONValue.object([
        .init("id", .string(vendor.id)), .init("name", .string(vendor.name)),
        .init("review", InventoryJSON.review(review)),
        .init("source", InventoryJSON.source(vendor.source)),
      ])
    }
    return JSONValue.object([
      .init("today", .string(today.description)), .init("due", .array(items)),
    ])
    .stamped(.inventoryDue).prettyText
  }
}
