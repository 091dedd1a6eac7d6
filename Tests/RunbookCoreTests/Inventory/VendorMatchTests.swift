import RunbookCore
import Testing

@Suite struct VendorMatchTests {
  let inventory = InventoryFixtures.load().0 ?? Inventory(folder: "")

  @Test(arguments: [
    ("filebox", "filebox", VendorMatch.MatchedBy.id),
    ("FILEBOX", "filebox", .id),
    ("  FileBox ", "filebox", .id),
    ("CloudCo", "cloudco", .id),
    ("fbx", "filebox", .alias),
    ("filebox transfer", "filebox", .alias),
    ("cloudco storage", "cloudco", .product),
  ])
  func matchesIDNameAliasOrProductIgnoringCase(
    query: String, vendor: String, matchedBy: VendorMatch.MatchedBy
  ) throws {
    let match = try inventory.match(query).get()
    #expect(match.vendor.id == vendor)
    #expect(match.matchedBy == matchedBy)
  }

  @Test func nameBeatsProduct() throws {
    let inventory = Inventory(
      folder: "",
      vendors: [
        Self.vendor("microsoft", name: "Microsoft", products: ["GitHub"]),
        Self.vendor("gh", name: "GitHub"),
      ])
    #expect(try inventory.match("github").get().vendor.id == "gh")
  }

  @Test func aProductOfTwoVendorsIsAmbiguous() {
    let inventory = Inventory(
      folder: "",
      vendors: [
        Self.vendor("a", name: "A", products: ["Copilot"]),
        Self.vendor("b", name: "B", products: ["copilot"]),
      ])
    #expect(throws: VendorLookupError.ambiguous("Copilot", vendors: ["a", "b"])) {
      try inventory.match("Copilot").get()
    }
  }

  @Test func noMatchSuggestsTheNearestName() {
    #expect(throws: VendorLookupError.noMatch("filebx", suggestion: "filebox")) {
      try inventory.match("filebx").get()
    }
    #expect(
      VendorLookupError.noMatch("filebx", suggestion: "filebox").description
        == "no vendor 'filebx' in the inventory (by id, name, alias or product); did you mean "
        + "'filebox'?")
    #expect(throws: VendorLookupError.noMatch("zzz", suggestion: nil)) {
      try inventory.match("zzz").get()
    }
  }

  static func vendor(_ id: String, name: String, products: [String] = []) -> InventoryVendor {
    InventoryVendor(
      id: id, name: name, aliases: [], products: products, category: nil, criticality: nil,
      runbooks: [], review: nil, contacts: [], contract: nil, subProcessors: [],
      credentials: [], data: [], systems: [],
      source: InventorySource(file: "v.yaml", line: 1, column: 1))
  }
}
