import RunbookCore
import TriageTestSupport

/// Small inventories written inline, loaded from a tree in memory under `/inv`.
enum InventoryFixtures {
  /// A vendor with 3 credentials whose data belongs to 2 clients, a sub-processor chain with a
  /// cycle, and the organisation.
  static let files: [String: String] = [
    "organisation.yaml": """
    organisation:
      name: Example Cloud Ltd
      facts:
        established_in: [GB, US-CA]
        insurer_notice_hours: 72
    """,
    "vendors/files.yaml": """
    vendors:
      - id: filebox
        name: FileBox
        aliases: [FileBox Transfer, FBX]
        products: [FileBox Automation]
        category: saas
        criticality: critical
        review: {every: 3 months, last: 2026-08-31}
        sub-processors: [cloudco, Some Hosting]
        credentials:
          - {id: filebox-sftp, name: SFTP account, kind: password, owner: alice@example.com}
          - {id: filebox-api, name: API token, kind: api-token, owner: bob@example.com}
          - {id: filebox-ssh, name: SSH key, kind: ssh-key, owner: carol@example.com}
        data:
          - id: client-files
            elements: [name, contact-only]
            residents: {US-CA: 1200, DE: 50}
            role: processor
            clients: [acme, globex]
          - id: our-files
            elements: [contact-only]
            residents: {US-CA: 10, FR: '?'}
            role: controller
      - id: cloudco
        name: CloudCo
        products: [CloudCo Storage, FileBox Automation Runner]
        category: cloud
        sub-processors: [filebox]
    """,
    "clients.yaml": """
    clients:
      - id: acme
        name: ACME GmbH
        vendors: [filebox]
        notice: {within: 24 hours, to: security@acme.example, channel: email, clause: DPA 7.2}
      - id: globex
        name: Globex
        notice: {within: 5 business days, to: legal@globex.example}
      - id: initech
        name: Initech
        vendors: [cloudco]
    """,
  ]

  /// Loads `files` (relative to `/inv`) as an inventory named `inv`.
  static func load(
    _ files: [String: String] = files, vocabulary: FactVocabulary? = nil
  ) -> (Inventory?, [Diagnostic]) {
    let tree = InMemoryFileSystem(
      Dictionary(uniqueKeysWithValues: files.map { ("/inv/" + $0.key, $0.value + "\n") }))
    return Inventory.load(folder: "/inv", named: "inv", fileSystem: tree, vocabulary: vocabulary)
  }

  /// A small facts vocabulary with the facts the inventory checks.
  static let vocabulary: FactVocabulary? = FactVocabulary.load(
    Array(
      """
      facts:
        - name: gdpr_role
          type: choice
          description: Our GDPR role.
          choices: [controller, processor]
        - name: data_role
          type: choice
          description: Our data role.
          choices: [owner, maintainer]
        - name: data_elements
          type: multi
          description: Elements.
          choices: [name, ssn, contact-only]
        - name: established_in
          type: list
          description: Where.
        - name: regulated_as
          type: multi
          description: Regimes.
          choices: [pci-merchant, sec-registrant]
        - name: insurer_notice_hours
          type: number
          description: Hours.

      """.utf8), file: "facts.yaml"
  ).0

  /// The diagnostics as `file:line:column: message` lines, for exact comparison.
  static func lines(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location): \($0.severity == .warning ? "warning: " : "")\($0.message)" }
  }
}
