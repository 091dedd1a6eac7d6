/// The team's inventory: vendors and what they hold, clients and their notice clauses, and facts
/// about us, read from every `*.yaml` file under one folder (see docs/inventory-format.md).
///
/// Load it with ``load(folder:fileSystem:vocabulary:)``; ask it for a vendor by what a
/// responder types with ``match(_:)``, for the clients a vendor's incident reaches with
/// ``clients(of:)``, and for the hash a record names with ``hashMessage``.
package struct Inventory: Sendable, Equatable {
  /// One file read: its path relative to the folder (`vendors/cloud.yaml`) and its bytes.
  package struct File: Sendable, Equatable {
    package var relativePath: String
    package var bytes: [UInt8]

    package init(relativePath: String, bytes: [UInt8]) {
      self.relativePath = relativePath
      self.bytes = bytes
    }
  }

  /// The folder, as it was named.
  package var folder: String
  /// The files read, sorted by relative path.
  package var files: [File]
  package var organisation: InventoryOrganisation?
  /// Every vendor, in file order.
  package var vendors: [InventoryVendor]
  /// Every client, in file order.
  package var clients: [InventoryClient]

  package init(
    folder: String, files: [File] = [], organisation: InventoryOrganisation? = nil,
    vendors: [InventoryVendor] = [], clients: [InventoryClient] = []
  ) {
    self.folder = folder
    self.files = files
    self.organisation = organisation
    self.vendors = vendors
    self.clients = clients
  }

  /// The vendor with `id`, if any.
  package func vendor(_ id: String) -> InventoryVendor? {
    vendors.first { $0.id == id }
  }

  /// The client with `id`, if any.
  package func client(_ id: String) -> InventoryClient? {
    clients.first { $0.id == id }
  }

  /// The clients an incident at `vendor` reaches: those that list the vendor under `vendors:`,
  /// and those named by the vendor's data sets, in the inventory's client order.
  package func clients(of vendor: InventoryVendor) -> [InventoryClient] {
    let named = Set(vendor.data.flatMap(\.clients))
    return clients.filter { $0.vendors.contains(vendor.id) || named.contains($0.id) }
  }

  /// The bytes the inventory hash is taken over.
  ///
  /// For each file, sorted by relative path, `path NUL bytes NUL`. Its SHA-256 (IncidentLog's `Inventory.sha256`) names the inventory
  /// in records, so a record says exactly which inventory answered its questions.
  package var hashMessage: [UInt8] {
    var message: [UInt8] = []
    message.reserveCapacity(
      files.reduce(0) { $0 + $1.relativePath.utf8.count + $1.bytes.count + 2 })
    for file in files.sorted(by: { $0.relativePath < $1.relativePath }) {
      message += file.relativePath.utf8
      message.append(0)
      message += file.bytes
      message.append(0)
    }
    return message
  }
}
