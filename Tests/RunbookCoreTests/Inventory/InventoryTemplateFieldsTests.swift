import RunbookCore
import Testing

@Suite struct InventoryTemplateFieldsTests {
  @Test func credentialsAndClientsOfferTheirFieldsToForEachTemplates() throws {
    let inventory = try #require(InventoryFixtures.load().0)
    let impact = inventory.impact(of: try inventory.match("filebox").get())
    #expect(
      impact.credentials.first?.templateFields == [
        "id": "filebox-sftp", "name": "SFTP account", "kind": "password", "vendor": "filebox",
        "owner": "alice@example.com",
      ])
    #expect(
      impact.clients.first?.templateFields == [
        "id": "acme", "name": "ACME GmbH", "notice_within": "24 hours",
        "notice_to": "security@acme.example", "notice_channel": "email",
        "notice_clause": "DPA 7.2",
      ])
    #expect(impact.clients.last?.templateFields["notice_within"] == "5 business days")
    #expect(impact.residentItems == ["DE: 50", "FR: ?", "US-CA: 1210"])
    // The clock expands to a due rule that parses.
    let due = try DueRule.parse(
      "\(impact.clients.last?.templateFields["notice_within"] ?? "") after aware_at")
    #expect(due.unit == .businessDays)
  }
}
