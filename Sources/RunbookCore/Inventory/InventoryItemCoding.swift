/// How the items of an inventory are written into a compiled-cache entry and read back (the
/// entry itself is IncidentLog's `InventoryCache`): every field in order, and each source's file
/// as an index into the inventory's files.
///
/// Storing the index, not the file's name, keeps an entry valid however the folder is named on
/// the command line (`inventory`, `./inventory`, an absolute path): a decoded source names the
/// file as the folder is named now, exactly as a fresh load would.
package struct InventoryItemCoding: Sendable {
  /// The files sources may name, as ``InventorySource/file`` spells them.
  package let files: [String]
  /// Each file's index in ``files``.
  private let indices: [String: Int]

  package init(files: [String]) {
    self.files = files
    var indices: [String: Int] = [:]
    for (index, file) in files.enumerated() where indices[file] == nil { indices[file] = index }
    self.indices = indices
  }

  // MARK: - Vendors

  /// Writes every field of `vendor`.
  package func write(_ vendor: InventoryVendor, into writer: inout BinaryWriter) {
    writer.write(vendor.id)
    writer.write(vendor.name)
    writer.write(vendor.aliases)
    writer.write(vendor.products)
    writer.write(vendor.category) { $0.write($1) }
    writer.write(vendor.criticality) { $0.write($1.rawValue) }
    writer.write(vendor.runbooks)
    writer.write(vendor.review) { writer, review in
      write(review.every, into: &writer)
      writer.write(review.last) { $0.write($1.daysSince1970) }
      write(review.source, into: &writer)
    }
    writer.write(vendor.contacts) { writer, contact in
      for field in [contact.role, contact.name, contact.email, contact.phone, contact.url] {
        writer.write(field) { $0.write($1) }
      }
    }
    writer.write(vendor.contract) { writer, contract in
      writer.write(contract.noticeToUs) { write($1, into: &$0) }
      writer.write(contract.auditRight) { $0.write($1) }
      write(contract.source, into: &writer)
    }
    writer.write(vendor.subProcessors) { writer, sub in
      writer.write(sub.name)
      write(sub.source, into: &writer)
    }
    writer.write(vendor.credentials) { write($1, into: &$0) }
    writer.write(vendor.data) { write($1, into: &$0) }
    writer.write(vendor.systems)
    write(vendor.source, into: &writer)
  }

  /// Reads a vendor ``write(_:into:)-(InventoryVendor,_)`` wrote.
  package func readVendor(_ reader: inout BinaryReader) throws(BinaryReadError) -> InventoryVendor {
    let id = try reader.readString()
    let name = try reader.readString()
    let aliases = try reader.readStrings()
    let products = try reader.readStrings()
    let category = try reader.readOptional { reader throws(BinaryReadError) in
      try reader.readString()
    }
    let criticality = try reader.readOptional { reader throws(BinaryReadError) in
      guard let value = InventoryVendor.Criticality(rawValue: try reader.readString()) else {
        throw BinaryReadError()
      }
      return value
    }
    let runbooks = try reader.readStrings()
    let review = try reader.readOptional { reader throws(BinaryReadError) in
      InventoryReview(
        every: try readDuration(&reader), last: try readDay(&reader),
        source: try readSource(&reader))
    }
    let contacts = try reader.readArray { reader throws(BinaryReadError) in
      var fields: [String?] = []
      for _ in 0..<5 { fields.append(try readText(&reader)) }
      return InventoryVendor.Contact(
        role: fields[0], name: fields[1], email: fields[2], phone: fields[3], url: fields[4])
    }
    let contract = try reader.readOptional { reader throws(BinaryReadError) in
      InventoryVendor.Contract(
        noticeToUs: try reader.readOptional { reader throws(BinaryReadError) in
          try readNotice(&reader)
        },
        auditRight: try reader.readOptional { reader throws(BinaryReadError) in
          try reader.readBool()
        },
        source: try readSource(&reader))
    }
    let subProcessors = try reader.readArray { reader throws(BinaryReadError) in
      InventoryVendor.SubProcessor(name: try reader.readString(), source: try readSource(&reader))
    }
    let credentials = try reader.readArray { reader throws(BinaryReadError) in
      try readCredential(&reader)
    }
    let data = try reader.readArray { reader throws(BinaryReadError) in
      try readDataSet(&reader)
    }
    return InventoryVendor(
      id: id, name: name, aliases: aliases, products: products, category: category,
      criticality: criticality, runbooks: runbooks, review: review, contacts: contacts,
      contract: contract, subProcessors: subProcessors, credentials: credentials, data: data,
      systems: try reader.readStrings(), source: try readSource(&reader))
  }

  // MARK: - Clients and the organisation

  /// Writes every field of `client`.
  package func write(_ client: InventoryClient, into writer: inout BinaryWriter) {
    writer.write(client.id)
    writer.write(client.name)
    writer.write(client.vendors)
    writer.write(client.notice) { write($1, into: &$0) }
    write(client.source, into: &writer)
  }

  /// Reads a client ``write(_:into:)-(InventoryClient,_)`` wrote.
  package func readClient(_ reader: inout BinaryReader) throws(BinaryReadError) -> InventoryClient {
    InventoryClient(
      id: try reader.readString(), name: try reader.readString(),
      vendors: try reader.readStrings(),
      notice: try reader.readOptional { reader throws(BinaryReadError) in
        try readNotice(&reader)
      },
      source: try readSource(&reader))
  }

  /// Writes every field of `organisation`.
  package func write(_ organisation: InventoryOrganisation, into writer: inout BinaryWriter) {
    writer.write(organisation.name)
    writer.write(organisation.facts) { writer, fact in
      writer.write(fact.name)
      writer.write(fact.text) { $0.write($1) }
      writer.write(fact.items)
      write(fact.source, into: &writer)
    }
    writer.write(organisation.responders)
    write(organisation.source, into: &writer)
  }

  /// Reads an organisation ``write(_:into:)-(InventoryOrganisation,_)`` wrote.
  package func readOrganisation(
    _ reader: inout BinaryReader
  ) throws(BinaryReadError) -> InventoryOrganisation {
    InventoryOrganisation(
      name: try reader.readString(),
      facts: try reader.readArray { reader throws(BinaryReadError) in
        InventoryOrganisation.FactAnswer(
          name: try reader.readString(), text: try readText(&reader),
          items: try reader.readStrings(), source: try readSource(&reader))
      },
      responders: try reader.readStrings(), source: try readSource(&reader))
  }
}

extension InventoryItemCoding {
  // MARK: - Parts

  private func write(_ credential: InventoryCredential, into writer: inout BinaryWriter) {
    writer.write(credential.id)
    writer.write(credential.name)
    writer.write(credential.kind.rawValue)
    writer.write(credential.whereUsed)
    writer.write(credential.owner) { $0.write($1) }
    writer.write(credential.rotate) { $0.write($1) }
    writer.write(credential.lastRotated) { $0.write($1.daysSince1970) }
    writer.write(credential.vendor)
    write(credential.source, into: &writer)
  }

  private func readCredential(
    _ reader: inout BinaryReader
  ) throws(BinaryReadError) -> InventoryCredential {
    let id = try reader.readString()
    let name = try reader.readString()
    guard let kind = InventoryCredential.Kind(rawValue: try reader.readString()) else {
      throw BinaryReadError()
    }
    return InventoryCredential(
      id: id, name: name, kind: kind, whereUsed: try reader.readStrings(),
      owner: try readText(&reader), rotate: try readText(&reader),
      lastRotated: try readDay(&reader), vendor: try reader.readString(),
      source: try readSource(&reader))
  }

  private func write(_ data: InventoryDataSet, into writer: inout BinaryWriter) {
    writer.write(data.id)
    writer.write(data.elements)
    writer.write(data.residents) { writer, entry in
      writer.write(entry.code)
      writer.write(entry.count) { $0.write($1) }
    }
    writer.write(data.roles)
    writer.write(data.clients)
    writer.write(data.vendor)
    write(data.source, into: &writer)
  }

  private func readDataSet(_ reader: inout BinaryReader) throws(BinaryReadError) -> InventoryDataSet
  {
    InventoryDataSet(
      id: try reader.readString(), elements: try reader.readStrings(),
      residents: try reader.readArray { reader throws(BinaryReadError) in
        ResidentCounts.Entry(
          code: try reader.readString(),
          count: try reader.readOptional { reader throws(BinaryReadError) in
            try reader.readInt()
          })
      },
      roles: try reader.readStrings(), clients: try reader.readStrings(),
      vendor: try reader.readString(), source: try readSource(&reader))
  }

  private func write(_ notice: NoticeClause, into writer: inout BinaryWriter) {
    write(notice.within, into: &writer)
    for field in [notice.to, notice.channel, notice.clause] { writer.write(field) { $0.write($1) } }
    write(notice.source, into: &writer)
  }

  private func readNotice(_ reader: inout BinaryReader) throws(BinaryReadError) -> NoticeClause {
    NoticeClause(
      within: try readDuration(&reader), to: try readText(&reader),
      channel: try readText(&reader), clause: try readText(&reader),
      source: try readSource(&reader))
  }

  private func write(_ duration: InventoryDuration, into writer: inout BinaryWriter) {
    writer.write(duration.amount)
    writer.write(duration.unit.rawValue)
  }

  private func readDuration(
    _ reader: inout BinaryReader
  ) throws(BinaryReadError) -> InventoryDuration {
    let amount = try reader.readInt()
    guard let unit = DueUnit(rawValue: try reader.readString()) else { throw BinaryReadError() }
    return InventoryDuration(amount: amount, unit: unit)
  }

  /// A source: its file's index (or -1 and the name, for a file not in ``files``), line, column.
  private func write(_ source: InventorySource, into writer: inout BinaryWriter) {
    if let index = indices[source.file] {
      writer.write(index)
    } else {
      writer.write(-1)
      writer.write(source.file)
    }
    writer.write(source.line)
    writer.write(source.column)
  }

  private func readSource(_ reader: inout BinaryReader) throws(BinaryReadError) -> InventorySource {
    let index = try reader.readInt()
    let file: String
    if index == -1 {
      file = try reader.readString()
    } else {
      guard files.indices.contains(index) else { throw BinaryReadError() }
      file = files[index]
    }
    return InventorySource(file: file, line: try reader.readInt(), column: try reader.readInt())
  }

  private func readText(_ reader: inout BinaryReader) throws(BinaryReadError) -> String? {
    try reader.readOptional { reader throws(BinaryReadError) in try reader.readString() }
  }

  private func readDay(_ reader: inout BinaryReader) throws(BinaryReadError) -> CalendarDay? {
    try reader.readOptional { reader throws(BinaryReadError) in
      CalendarDay(daysSince1970: try reader.readInt())
    }
  }
}
