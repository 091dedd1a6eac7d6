import IncidentLog
import RunbookCore

/// The blast radius of an incident at one vendor (`triage affected VENDOR`): what to rotate,
/// whose data, which contract clocks, the sub-processor chains and the runbooks to run, each
/// item with the `file:line` it comes from.
struct AffectedVendorReport {
  var impact: VendorImpact

  func rendered() -> String {
    let vendor = impact.vendor
    let match = impact.match
    var lines = [
      "Affected: \(vendor.name) (\(vendor.id)), matched by \(match.matchedBy.rawValue) "
        + "'\(match.matchedText)'  \(vendor.source)"
    ]
    if let criticality = vendor.criticality { lines.append("Criticality: \(criticality.rawValue)") }
    lines += Self.credentialLines(impact.credentials)
    lines += Self.dataLines(impact.data)
    if !impact.residents.isEmpty {
      let counts = impact.residents.map { "\($0.code) \($0.count.map(String.init) ?? "?")" }
      let total = impact.residents.reduce(Optional(0)) { sum, entry in
        sum.flatMap { total in entry.count.map { total + $0 } }
      }
      lines.append(
        "Residents: " + counts.joined(separator: ", ")
          + " (total \(total.map(String.init) ?? "unknown"))")
    }
    if !impact.roles.isEmpty { lines.append("Our role: " + impact.roles.joined(separator: ", ")) }
    lines += Self.clientLines(impact.clients)
    if !impact.subProcessorChains.isEmpty {
      lines += ["", "Sub-processor chains:"]
      lines += impact.subProcessorChains.map { "  " + $0.joined(separator: " -> ") }
    }
    lines.append("")
    if impact.runbooks.isEmpty {
      lines.append("Runbooks: none listed for the vendor or its category")
    } else {
      lines.append("Runbooks to run:")
      lines += impact.runbooks.map {
        "  triage run \($0.id) --vendor \(vendor.id)  ("
          + ($0.reason == .vendor ? "listed by the vendor" : "its applies-to names the category")
          + ")"
      }
    }
    return lines.map { VisibleText.line($0) }.joined(separator: "\n") + "\n"
  }

  /// The credentials block: one heading, then each credential with owner, how, last rotation.
  static func credentialLines(_ credentials: [InventoryCredential]) -> [String] {
    guard !credentials.isEmpty else { return ["", "Credentials: none recorded"] }
    var lines = ["", "Credentials to rotate (\(credentials.count)):"]
    for credential in credentials {
      lines.append(
        "  \(credential.id): \(credential.name) (\(credential.kind.rawValue))  "
          + "\(credential.source)")
      lines.append(
        "    owner: \(credential.owner ?? "not recorded"); last rotated: "
          + (credential.lastRotated?.description ?? "not recorded"))
      if !credential.whereUsed.isEmpty {
        lines.append("    used in: " + credential.whereUsed.joined(separator: ", "))
      }
      if let rotate = credential.rotate { lines.append("    rotate: \(rotate)") }
    }
    return lines
  }

  /// The data block: each set with its elements, residents, role and clients.
  static func dataLines(_ data: [InventoryDataSet]) -> [String] {
    guard !data.isEmpty else { return [] }
    var lines = ["", "Data (\(data.count) set\(data.count == 1 ? "" : "s")):"]
    for set in data {
      lines.append("  \(set.id): \(set.elements.joined(separator: ", "))  \(set.source)")
      if !set.residents.isEmpty {
        lines.append(
          "    residents: "
            + set.residents.map { "\($0.code) \($0.count.map(String.init) ?? "?")" }
            .joined(separator: ", "))
      }
      if !set.roles.isEmpty { lines.append("    our role: " + set.roles.joined(separator: ", ")) }
      if !set.clients.isEmpty {
        lines.append("    clients: " + set.clients.joined(separator: ", "))
      }
    }
    return lines
  }

  /// The clients block: each client's notice clock, recipient and channel.
  static func clientLines(_ clients: [InventoryClient]) -> [String] {
    guard !clients.isEmpty else { return [] }
    var lines = ["", "Clients to notify (\(clients.count)):"]
    for client in clients {
      guard let notice = client.notice else {
        lines.append(
          "  \(client.id): \(client.name): no notice clause recorded  \(client.source)")
        continue
      }
      let to = notice.to.map { " to \($0)" } ?? ""
      let channel = notice.channel.map { " by \($0)" } ?? ""
      let clause = notice.clause.map { " (\($0))" } ?? ""
      lines.append(
        "  \(client.id): \(client.name): within \(notice.within)\(to)\(channel)\(clause)  "
          + "\(notice.source)")
    }
    return lines
  }

  /// `{"format": "triage-affected/1", "vendor", "credentials", "data", "residents", "roles",
  /// "clients", "sub_processor_chains", "runbooks"}` (docs/affected.md).
  var json: String {
    let vendor = impact.vendor
    return JSONValue.object([
      .init("format", .string("triage-affected/1")),
      .init(
        "vendor",
        .object([
          .init("id", .string(vendor.id)), .init("name", .string(vendor.name)),
          .init("matched_by", .string(impact.match.matchedBy.rawValue)),
          .init("matched_text", .string(impact.match.matchedText)),
          .init("criticality", InventoryJSON.optional(vendor.criticality?.rawValue)),
          .init("source", InventoryJSON.source(vendor.source)),
        ])),
      .init("credentials", .array(impact.credentials.map(InventoryJSON.credential))),
      .init("data", .array(impact.data.map(InventoryJSON.dataSet))),
      .init("residents", InventoryJSON.residents(impact.residents)),
      .init("roles", .strings(impact.roles)),
      .init("clients", .array(impact.clients.map(InventoryJSON.client))),
      .init(
        "sub_processor_chains", .array(impact.subProcessorChains.map(JSONValue.strings))),
      .init(
        "runbooks",
        .array(
          impact.runbooks.map {
            .object([.init("id", .string($0.id)), .init("reason", .string($0.reason.rawValue))])
          })),
    ]).prettyText
  }
}
