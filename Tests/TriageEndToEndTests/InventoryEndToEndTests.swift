import Foundation
import Testing
import TriageTestSupport

/// The bundled example inventory on the real binary: it lints clean, and `affected` for the
/// vendor holding 3 credentials and 4 clients' data lists them with their owners and clauses,
/// each traceable to its line.
@Suite struct InventoryEndToEndTests {
  static let inventory = BundledRunbooks.folder + "/examples/inventory"

  @Test func theExampleLintsClean() throws {
    let result = try runTriage(["inventory", "lint", "--strict", Self.inventory])
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output.hasSuffix("25 vendors, 6 clients; 8 files checked, 0 errors, 0 warnings\n"))
  }

  @Test func affectedListsThreeCredentialsAndFourClientClocks() throws {
    let result = try runTriage(
      ["affected", "Progress MOVEit", "--inventory", Self.inventory, "--json"])
    #expect(result.status == 0, "\(result)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(json["format"] as? String == "triage-affected/1")
    let credentials = try #require(json["credentials"] as? [[String: Any]])
    #expect(credentials.count == 3)
    #expect(credentials.allSatisfy { ($0["owner"] as? String)?.contains("@") == true })
    let clients = try #require(json["clients"] as? [[String: Any]])
    let notices = clients.compactMap { $0["notice"] as? [String: Any] }
    #expect(
      notices.compactMap { $0["within"] as? String } == [
        "24 hours", "48 hours", "72 hours", "5 business days",
      ])
    // Every item names the line it came from, and that line says what the item says.
    let file = Self.inventory + "/vendors/file-transfer.yaml"
    let lines = try String(contentsOfFile: file, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    for credential in credentials {
      let source = try #require(credential["source"] as? [String: Any])
      let line = try #require(source["line"] as? Int)
      #expect(source["file"] as? String == file)
      #expect(lines[line - 1].contains("id: \(credential["id"] as? String ?? "?")"))
    }
    let clientLines = try String(
      contentsOfFile: Self.inventory + "/clients.yaml", encoding: .utf8
    ).split(separator: "\n", omittingEmptySubsequences: false)
    for notice in notices {
      let source = try #require(notice["source"] as? [String: Any])
      let line = try #require(source["line"] as? Int)
      #expect(clientLines[line - 1].contains("within: \(notice["within"] as? String ?? "?")"))
    }
  }

  @Test func theTextReportNamesEachItemsLine() throws {
    let result = try runTriage(["affected", "moveit cloud", "--inventory", Self.inventory])
    #expect(result.status == 0, "\(result)")
    let file = Self.inventory + "/vendors/file-transfer.yaml"
    for (id, line) in [
      ("moveit-sftp-service-account", 20), ("moveit-api-token", 27), ("moveit-host-ssh-key", 34),
    ] {
      #expect(result.output.contains("  \(id): ") && result.output.contains("\(file):\(line)\n"))
    }
    let clients = Self.inventory + "/clients.yaml"
    for (clock, line) in [
      ("within 24 hours to security@acme.example by email (DPA 7.2)", 8),
      ("within 48 hours to ciso-office@globex.example", 16),
      ("within 72 hours to https://vendors.initech.example/incident-portal", 24),
      ("within 5 business days to privacy@umbrella.example", 32),
    ] {
      let row = result.output.split(separator: "\n").first { $0.contains(clock) }
      #expect(row?.hasSuffix("\(clients):\(line)") == true, "\(clock)")
    }
  }

  @Test func anInventoryWithACredentialValueIsRefused() throws {
    let folder = try TemporaryDirectory()
    let token = MadeUpSecrets.gitHubToken()
    try folder.write(
      """
      vendors:
        - id: github
          name: GitHub
          credentials:
            - id: ci-token
              name: CI token
              kind: api-token
              rotate: \(token)

      """, to: "inventory/vendors.yaml")
    let result = try runTriage(
      ["affected", "github", "--inventory", folder.url.path + "/inventory"])
    #expect(result.status == 65)
    #expect(result.output == "")
    #expect(result.error.contains("/inventory/vendors.yaml:8:17: this looks like a GitHub token"))
    #expect(!result.error.contains(token))
  }
}
