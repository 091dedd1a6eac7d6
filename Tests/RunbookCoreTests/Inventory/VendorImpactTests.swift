import RunbookCore
import Testing

@Suite struct VendorImpactTests {
  @Test func theBlastRadiusOfAVendor() throws {
    let inventory = try #require(InventoryFixtures.load().0)
    let impact = inventory.impact(of: try inventory.match("FBX").get())
    #expect(impact.credentials.map(\.id) == ["filebox-sftp", "filebox-api", "filebox-ssh"])
    #expect(impact.clients.map(\.id) == ["acme", "globex"])
    #expect(
      impact.clients.map { $0.notice?.within.description } == ["24 hours", "5 business days"])
    #expect(
      impact.residents == [
        .init(code: "DE", count: 50), .init(code: "FR", count: nil),
        .init(code: "US-CA", count: 1210),
      ])
    #expect(impact.roles == ["processor", "controller"])
    #expect(impact.elements == ["name", "contact-only"])
    #expect(impact.subProcessorChains == [["filebox", "cloudco"], ["filebox", "Some Hosting"]])
  }

  @Test func runbooksComeFromTheVendorElseItsCategory() throws {
    let inventory = try #require(InventoryFixtures.load().0)
    let tags = [(id: "cloud-outage", tags: ["cloud"]), (id: "saas-breach", tags: ["saas", "x"])]
    let filebox = inventory.impact(of: try inventory.match("filebox").get(), runbookTags: tags)
    #expect(filebox.runbooks == [.init(id: "saas-breach", reason: .category)])
    var listed = try inventory.match("cloudco").get()
    listed.vendor.runbooks = ["own-runbook"]
    #expect(
      inventory.impact(of: listed, runbookTags: tags).runbooks == [
        .init(id: "own-runbook", reason: .vendor)
      ])
  }

  @Test func aClientListingTheVendorIsReachedToo() throws {
    let inventory = try #require(InventoryFixtures.load().0)
    let cloudco = try #require(inventory.vendor("cloudco"))
    #expect(inventory.clients(of: cloudco).map(\.id) == ["initech"])
    #expect(
      inventory.subProcessorChains(from: cloudco) == [["cloudco", "filebox", "Some Hosting"]])
  }

  @Test func chainsThroughAWebOfVendorsAreCapped() {
    let ids = (0..<12).map { "v\($0)" }
    let vendors = ids.map { id in
      var vendor = VendorMatchTests.vendor(id, name: id.uppercased())
      vendor.subProcessors = ids.filter { $0 != id }.map {
        .init(name: $0, source: InventorySource(file: "v.yaml", line: 1, column: 1))
      }
      return vendor
    }
    let inventory = Inventory(folder: "", vendors: vendors)
    let chains = inventory.subProcessorChains(from: vendors[0])
    #expect(chains.count == Inventory.maximumChainCount)
    #expect(chains.allSatisfy { Set($0).count == $0.count })
  }
}
