import IncidentLog
import RunbookCore

/// One vendor of the inventory in full (`triage inventory show`), each item with its `file:line`.
struct VendorDetail {
  var vendor: InventoryVendor
  /// The clients whose data the vendor touches.
  var clients: [InventoryClient]

  func rendered() -> String {
    var lines = ["\(vendor.name) (\(vendor.id))  \(vendor.source)"]
    func add(_ label: String, _ values: [String]) {
      if !values.isEmpty { lines.append("\(label): \(values.joined(separator: ", "))") }
    }
    add("Aliases", vendor.aliases)
    add("Products", vendor.products)
    add("Category", vendor.category.map { [$0] } ?? [])
    add("Criticality", vendor.criticality.map { [$0.rawValue] } ?? [])
    add("Runbooks", vendor.runbooks)
    add("Systems", vendor.systems)
    if let review = vendor.review {
      let last = review.last.map { "last \($0), next \(review.nextDue?.description ?? "-")" }
      lines.append("Review: every \(review.every); \(last ?? "never reviewed")  \(review.source)")
    }
    for contact in vendor.contacts {
      let parts = [contact.role, contact.name, contact.email, contact.phone, contact.url]
      lines.append("Contact: " + parts.compactMap { $0 }.joined(separator: ", "))
    }
    if let contract = vendor.contract {
      if let notice = contract.noticeToUs {
        lines.append(
          "Their notice to us: within \(notice.within)"
            + (notice.clause.map { " (\($0))" } ?? "") + "  \(notice.source)")
      }
      if let audit = contract.auditRight {
        lines.append("Audit right: \(audit ? "yes" : "no")")
      }
    }
    add("Sub-processors", vendor.subProcessors.map(\.name))
    lines += AffectedVendorReport.credentialLines(vendor.credentials)
    lines += AffectedVendorReport.dataLines(vendor.data)
    lines += AffectedVendorReport.clientLines(clients)
    return lines.map { VisibleText.line($0) }.joined(separator: "\n") + "\n"
  }

  var json: String {
    let contract: JSONValue =
      vendor.contract.map { contract in
        .object([
          .init("notice_to_us", InventoryJSON.notice(contract.noticeToUs)),
          .init("audit_right", contract.auditRight.map(JSONValue.bool) ?? .null),
          .init("source", InventoryJSON.source(contract.source)),
        ])
      } ?? .null
    let contacts = vendor.contacts.map { contact in
      JSONValue.object([
        .init("role", InventoryJSON.optional(contact.role)),
        .init("name", InventoryJSON.optional(contact.name)),
        .init("email", InventoryJSON.optional(contact.email)),
        .init("phone", InventoryJSON.optional(contact.phone)),
        .init("url", InventoryJSON.optional(contact.url)),
      ])
    }
    return JSONValue.object([
      .init("id", .string(vendor.id)), .init("name", .string(vendor.name)),
      .init("aliases", .strings(vendor.aliases)), .init("products", .strings(vendor.products)),
      .init("category", InventoryJSON.optional(vendor.category)),
      .init("criticality", InventoryJSON.optional(vendor.criticality?.rawValue)),
      .init("runbooks", .strings(vendor.runbooks)),
      .init("review", InventoryJSON.review(vendor.review)),
      .init("contacts", .array(contacts)), .init("contract", contract),
      .init("sub_processors", .strings(vendor.subProcessors.map(\.name))),
      .init("credentials", .array(vendor.credentials.map(InventoryJSON.credential))),
      .init("data", .array(vendor.data.map(InventoryJSON.dataSet))),
      .init("systems", .strings(vendor.systems)),
      .init("clients", .array(clients.map(InventoryJSON.client))),
      .init("source", InventoryJSON.source(vendor.source)),
    ])
    .stamped(.inventoryShow).prettyText
  }
}
