import Testing
import TriageCLI
import TriageTestSupport

/// `triage inventory` and `triage affected VENDOR` in-process, on inventories in memory.
@Suite struct InventoryCommandTests {
  static let vendors = """
    vendors:
      - id: filebox
        name: FileBox
        aliases: [FBX]
        products: [FileBox Automation]
        category: saas
        criticality: critical
        review: {every: 3 months, last: 2026-08-31}
        credentials:
          - {id: filebox-api, name: API token, kind: api-token, owner: bob@example.com, rotate: roll it}
        data:
          - {id: files, elements: [name], residents: {US-CA: 10}, role: processor, clients: [acme]}
      - id: cloudco
        name: CloudCo
        review: {every: 12 months, last: 2026-06-01}

    """
  static let clients = """
    clients:
      - {id: acme, name: ACME, vendors: [filebox], notice: {within: 24 hours, to: sec@acme.example}}

    """

  /// The inventory under `/w/inventory` (the default folder), plus `extra` files.
  static func files(_ extra: [String: String] = [:]) -> [String: String] {
    ["inventory/vendors.yaml": vendors, "inventory/clients.yaml": clients].merging(extra) { $1 }
  }

  @Test func lintReportsAStrictlyCleanInventory() {
    let run = InProcessRun(["inventory", "lint", "--strict"], files: Self.files())
    #expect(run.exit == .success)
    #expect(run.error == "")
    #expect(run.output == "2 vendors, 1 client; 2 files checked, 0 errors, 0 warnings\n")
  }

  @Test func lintWarnsAboutARunbookNotInTheRunbookFolders() {
    let run = InProcessRun(
      ["inventory", "lint"],
      files: Self.files([
        "inventory/x.yaml": "vendors: [{id: x, name: X, runbooks: [saas-breech]}]\n",
        "Runbooks/saas-breach.yaml":
          "runbook: saas-breach\ntitle: T\nversion: 1.0.0\nsections: []\n",
      ]))
    #expect(run.exit == .success)
    #expect(
      run.error
        == "triage: inventory/x.yaml:1:39: warning: 'runbooks' names runbook 'saas-breech', "
        + "which is not in the runbook folders; did you mean 'saas-breach'?\n")
  }

  @Test func lintRefusesASecretWithItsPosition() {
    let token = MadeUpSecrets.gitHubToken()
    let run = InProcessRun(
      ["inventory", "lint", "inventory"],
      files: Self.files(["inventory/ci.yaml": "vendors:\n  - {id: ci, name: CI, notes: \(token)}\n"]
      ))
    #expect(run.exit == .dataError)
    #expect(
      run.error
        == "triage: inventory/ci.yaml:2:31: this looks like a GitHub token; an inventory names a "
        + "credential and how to rotate it, never its value: remove it (and rotate it, since it "
        + "has been written down)\n")
    #expect(!run.error.contains(token))
  }

  @Test func affectedRefusesAnInventoryWithASecret() {
    let token = MadeUpSecrets.gitHubToken()
    let run = InProcessRun(
      ["affected", "filebox"],
      files: Self.files(["inventory/ci.yaml": "vendors:\n  - {id: ci, name: CI, notes: \(token)}\n"]
      ))
    #expect(run.exit == .dataError)
    #expect(run.output == "")
    #expect(run.error.hasPrefix("triage: inventory/ci.yaml:2:31: this looks like a GitHub token"))
  }

  @Test func noFolderIsMissingInput() {
    let run = InProcessRun(["inventory", "list"])
    #expect(run.exit == .noInput)
    #expect(run.error.contains("inventory: no inventory folder here"))
  }

  @Test func theFolderComesFromTheEnvironment() {
    let files = Dictionary(
      uniqueKeysWithValues: Self.files().map { ("/srv/team/" + $0.key, $0.value) })
    let run = InProcessRun(
      ["inventory", "list"], files: files, environment: ["TRIAGE_INVENTORY": "/srv/team/inventory"])
    #expect(run.exit == .success)
    #expect(
      run.output == """
        ID       CRITICALITY  CATEGORY  CREDENTIALS  DATA  NEXT REVIEW  NAME
        filebox  critical     saas      1            1     2026-11-30   FileBox
        cloudco  -            -         0            0     2027-06-01   CloudCo

        """)
  }

  @Test func dueListsTheVendorsWhoseReviewHasCome() {
    // The testing clock is 2027-01-15.
    let run = InProcessRun(["inventory", "due"], files: Self.files())
    #expect(run.exit == .failure)
    #expect(
      run.output == """
        1 vendor review is due (2027-01-15):
          filebox  FileBox: every 3 months, last 2026-08-31, due since 2026-11-30  (inventory/vendors.yaml:8)

        """)
  }

  @Test func showFindsAVendorByAliasAndSuggestsOnAMiss() {
    let shown = InProcessRun(["inventory", "show", "fbx"], files: Self.files())
    #expect(shown.exit == .success)
    #expect(shown.output.hasPrefix("FileBox (filebox)  inventory/vendors.yaml:2\n"))
    #expect(
      shown.output.contains(
        "  acme: ACME: within 24 hours to sec@acme.example  inventory/clients.yaml:2"))
    let missed = InProcessRun(["affected", "filebx"], files: Self.files())
    #expect(missed.exit == .noInput)
    #expect(
      missed.error
        == "triage: no vendor 'filebx' in the inventory (by id, name, alias or product); did you "
        + "mean 'filebox'?\n")
  }

  @Test func aProductOfTwoVendorsIsAmbiguous() {
    let run = InProcessRun(
      ["affected", "storage"],
      files: Self.files([
        "inventory/x.yaml": "vendors:\n  - {id: x, name: X, products: [Storage]}\n"
          + "  - {id: y, name: Y, products: [storage]}\n"
      ]))
    #expect(run.exit == .dataError)
    #expect(
      run.error == "triage: 'storage' matches several vendors: x, y; give the vendor's id\n")
  }

  @Test func affectedPrintsTheBlastRadiusAsJSON() {
    let run = InProcessRun(["affected", "FileBox Automation", "--json"], files: Self.files())
    #expect(run.exit == .success)
    #expect(run.output.contains("\"format\": \"triage-affected/1\""))
    #expect(run.output.contains("\"matched_by\": \"product\""))
    #expect(run.output.contains("\"US-CA\": 10"))
    #expect(run.output.contains("\"within_hours\": 24"))
    #expect(run.output.contains("\"file\": \"inventory/clients.yaml\""))
  }
}
