import RunbookCore
import Testing
import TriageTestSupport

@Suite struct InventoryReaderTests {
  @Test func readsEveryFileWithPositions() throws {
    let (loaded, diagnostics) = InventoryFixtures.load(vocabulary: InventoryFixtures.vocabulary)
    #expect(diagnostics.isEmpty, "\(InventoryFixtures.lines(diagnostics))")
    let inventory = try #require(loaded)
    #expect(
      inventory.files.map(\.relativePath) == [
        "clients.yaml", "organisation.yaml", "vendors/files.yaml",
      ])
    #expect(inventory.vendors.map(\.id) == ["filebox", "cloudco"])
    let filebox = try #require(inventory.vendor("filebox"))
    #expect(filebox.source == InventorySource(file: "inv/vendors/files.yaml", line: 2, column: 5))
    #expect(filebox.credentials.map(\.source.line) == [11, 12, 13])
    #expect(
      filebox.credentials.map(\.owner) == [
        "alice@example.com", "bob@example.com", "carol@example.com",
      ])
    #expect(
      filebox.data[0].residents == [
        .init(code: "US-CA", count: 1200), .init(code: "DE", count: 50),
      ])
    #expect(filebox.data[1].residents[1] == .init(code: "FR", count: nil))
    #expect(filebox.review?.every == InventoryDuration(amount: 3, unit: .months))
    let acme = try #require(inventory.client("acme"))
    #expect(acme.notice?.within == InventoryDuration(amount: 24, unit: .hours))
    #expect(acme.notice?.source == InventorySource(file: "inv/clients.yaml", line: 5, column: 13))
    #expect(inventory.client("globex")?.notice?.within.description == "5 business days")
    #expect(inventory.organisation?.fact("insurer_notice_hours")?.value(as: .number) == .number(72))
    #expect(
      inventory.organisation?.fact("established_in")?.value(as: .list) == .list(["GB", "US-CA"]))
  }

  @Test func unknownKeysGetTheNearestKnownOne() {
    let (inventory, diagnostics) = InventoryFixtures.load([
      "v.yaml": """
      vendors:
        - id: a
          name: A
          credentails: []
          criticality: hihg
      """
    ])
    #expect(inventory == nil)
    #expect(
      InventoryFixtures.lines(diagnostics) == [
        "inv/v.yaml:4:5: unknown key 'credentails' in a vendor; did you mean 'credentials'?",
        "inv/v.yaml:5:18: unknown criticality 'hihg'; did you mean 'high'?",
      ])
  }

  @Test func aCredentialValueIsRefusedWithItsPosition() {
    let token = MadeUpSecrets.gitHubToken()
    let (inventory, diagnostics) = InventoryFixtures.load([
      "v.yaml": """
      vendors:
        - id: gh
          name: GitHub
          credentials:
            - id: ci-token
              name: CI token
              kind: api-token
              notes: "the token is \(token)"
      """
    ])
    #expect(inventory == nil)
    #expect(
      InventoryFixtures.lines(diagnostics) == [
        "inv/v.yaml:8:17: this looks like a GitHub token; an inventory names a credential and "
          + "how to rotate it, never its value: remove it (and rotate it, since it has been "
          + "written down)"
      ])
    #expect(diagnostics.first?.code == "secret-value")
    #expect(!diagnostics.contains { $0.message.contains(token) })
  }

  @Test func keysThatWouldHoldAValueAreRefused() {
    let (inventory, diagnostics) = InventoryFixtures.load([
      "v.yaml": """
      vendors:
        - id: gh
          name: GitHub
          credentials:
            - id: ci-token
              name: CI token
              kind: api-token
              Password: see the vault
              private-key: none
      """
    ])
    #expect(inventory == nil)
    #expect(
      InventoryFixtures.lines(diagnostics) == [
        "inv/v.yaml:8:9: a credential never carries its value: remove 'Password' (keep the value "
          + "in the secret manager; describe where with 'where-used')",
        "inv/v.yaml:9:9: a credential never carries its value: remove 'private-key' (keep the "
          + "value in the secret manager; describe where with 'where-used')",
      ])
  }

  @Test func idsAreUniqueAcrossFiles() {
    let (inventory, diagnostics) = InventoryFixtures.load([
      "a.yaml": """
      vendors:
        - id: gh
          name: GitHub
          credentials: [{id: key-1, name: K, kind: ssh-key}]
      """,
      "b.yaml": """
      vendors:
        - id: gh
          name: GitHub again
          credentials: [{id: key-1, name: K, kind: ssh-key}]
      organisation: {name: Us}
      """,
      "c.yaml": "organisation: {name: Us too}",
    ])
    #expect(inventory == nil)
    #expect(
      InventoryFixtures.lines(diagnostics) == [
        "inv/b.yaml:2:5: vendor id 'gh' is already used at inv/a.yaml:2",
        "inv/b.yaml:4:19: credential id 'key-1' is already used at inv/a.yaml:4",
        "inv/c.yaml:1:15: 'organisation' is already given at inv/b.yaml:5; an inventory has one",
      ])
  }

  @Test func referencesThatDoNotResolveAreWarnings() throws {
    let (inventory, diagnostics) = InventoryFixtures.load([
      "a.yaml": """
      vendors:
        - id: github
          name: GitHub
          sub-processors: [microsoft-azur, Microsoft Azure]
          data: [{id: d, elements: [name], clients: [acmee]}]
      clients:
        - {id: acme, name: ACME, vendors: [githb]}
      """
    ])
    #expect(inventory != nil)
    #expect(
      InventoryFixtures.lines(diagnostics) == [
        "inv/a.yaml:4:22: warning: 'sub-processors' names vendor 'microsoft-azur', which is not in "
          + "the inventory",
        "inv/a.yaml:5:12: warning: 'clients' names client 'acmee', which is not in the inventory; "
          + "did you mean 'acme'?",
        "inv/a.yaml:7:5: warning: 'vendors' names vendor 'githb', which is not in the inventory; "
          + "did you mean 'github'?",
      ])
  }

  @Test func valuesAreCheckedAgainstTheVocabulary() {
    let (inventory, diagnostics) = InventoryFixtures.load(
      [
        "a.yaml": """
        organisation:
          name: Us
          facts:
            regulated_as: [pci-merchnt]
            insurer_notice_hours: soon
            established: [GB]
        vendors:
          - id: x
            name: X
            data: [{id: d, elements: [nmae], role: procesor, residents: {Texas: 3}}]
            review: {every: 2 fortnights}
        clients:
          - {id: c, name: C, notice: {within: tomorrow}}
        """
      ], vocabulary: InventoryFixtures.vocabulary)
    #expect(inventory == nil)
    #expect(
      InventoryFixtures.lines(diagnostics) == [
        "inv/a.yaml:4:20: 'pci-merchnt' is not a value of the fact 'regulated_as'; did you mean "
          + "'pci-merchant'?",
        "inv/a.yaml:5:27: the fact 'insurer_notice_hours' takes a number",
        "inv/a.yaml:6:5: 'established' is no fact of the vocabulary (obligations/facts.yaml); did "
          + "you mean 'established_in'?",
        "inv/a.yaml:10:31: 'nmae' is not a value of the fact 'data_elements'; did you mean 'name'?",
        "inv/a.yaml:10:44: 'procesor' is not a value of the fact 'gdpr_role/data_role/hipaa_role'; "
          + "did you mean 'processor'?",
        "inv/a.yaml:10:66: 'Texas' is not a jurisdiction code: use ISO 3166-1 alpha-2 (DE), "
          + "ISO 3166-2 (US-TX), EU or ANY, in capitals",
        "inv/a.yaml:11:21: 'every' must be a number and a unit (days, weeks, months), like "
          + "'72 hours', not '2 fortnights'",
        "inv/a.yaml:13:39: 'within' must be a number and a unit (minutes, hours, days, business "
          + "days, weeks, months), like '72 hours', not 'tomorrow'",
      ])
  }

  @Test func aYAMLErrorStopsOnlyItsFile() {
    let (inventory, diagnostics) = InventoryFixtures.load([
      "a.yaml": "vendors:\n\t- id: x", "b.yaml": "vendors: [{id: y, name: Y}]",
    ])
    #expect(inventory == nil)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.location.file == "inv/a.yaml")
    #expect(diagnostics.first?.code == "syntax")
  }

  @Test func theHashCoversPathsAndBytesInPathOrder() throws {
    let inventory = try #require(InventoryFixtures.load(["b.yaml": "", "a/z.yaml": ""]).0)
    #expect(inventory.hashMessage == Array("a/z.yaml\0\n\0b.yaml\0\n\0".utf8))
  }
}
