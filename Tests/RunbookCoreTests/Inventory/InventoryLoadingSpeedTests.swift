import Foundation
import RunbookCore
import Testing

/// A 1,000-vendor inventory in one file loads fast enough for `run --vendor` to read it on
/// every run (issue 17 measures the release build; this guards against a slow path creeping in).
@Suite struct InventoryLoadingSpeedTests {
  static func bigInventory(vendors count: Int) -> String {
    var lines = ["vendors:"]
    for index in 0..<count {
      lines += [
        "  - id: vendor-\(index)", "    name: Vendor \(index) Inc", "    aliases: [V\(index)]",
        "    products: [Product \(index)]", "    category: saas", "    criticality: medium",
        "    review: {every: 90 days, last: 2026-10-01}",
        "    contract: {notice-to-us: {within: 72 hours, clause: DPA 9}}",
        "    credentials:", "      - id: vendor-\(index)-token", "        name: API token",
        "        kind: api-token", "        owner: platform@example.com",
        "        rotate: Settings > API > roll, update the secret store",
        "        last-rotated: 2026-03-01", "    data:", "      - id: vendor-\(index)-customers",
        "        elements: [name, contact-only]", "        residents: {US-CA: 120, DE: 40}",
        "        role: processor",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func aThousandVendorsInOneFile() throws {
    let files = ["vendors.yaml": Self.bigInventory(vendors: 1000)]
    let start = Date()
    let (inventory, diagnostics) = InventoryFixtures.load(files)
    let elapsed = Date().timeIntervalSince(start)
    #expect(diagnostics.isEmpty)
    #expect(inventory?.vendors.count == 1000)
    #expect(try inventory?.match("Product 999").get().vendor.id == "vendor-999")
    // A debug build on a shared machine; the release build is about ten times faster.
    #expect(elapsed < 10, "loading 1,000 vendors took \(elapsed) s")
  }
}
