import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// `triage run --vendor` at a terminal: the inventory's answers are not asked, the review shows
/// where each came from, and a responder who changes one leaves the inventory's value in the
/// trail as `replaced`.
@Suite("Run --vendor: the review shows and lets change the inventory's answers")
struct RunVendorReviewTests {
  static let runbook = vendorItemsRunbook()

  static let files: [String: String] = [
    "items.yaml": runbook,
    "obligations/facts.yaml": vendorItemsFacts,
    "inventory/organisation.yaml": vendorItemsOrganisation,
    "inventory/vendors.yaml": """
    vendors:
      - id: filebox
        name: FileBox
        credentials:
          - {id: filebox-sftp, name: SFTP account, kind: password, owner: alice@example.com}

    """,
  ]

  @Test func reviewShowsTheSourceAndAChangeKeepsTheReplacedValue() throws {
    // discovered_at; the review; change answer 2 (established_in) to DE; the review again; y.
    let context = CommandContext.testing(
      standardInput: "2026-12-04T16:00:00Z\n2\nDE\n\ny\n", files: Self.files,
      terminal: TerminalTraits(
        isInputTerminal: true, isOutputTerminal: false, isErrorTerminal: false))
    let exit = Triage.main(
      ["run", "items.yaml", "--vendor", "FileBox", "--responder", "Dana", "--dry-run", "--json"],
      context: context)
    #expect(exit == .success, "\(context.capturedError)")
    let review = context.capturedError
    #expect(
      review.contains("  2. established_in: GB  (from inventory, inventory/organisation.yaml:4)"))
    #expect(
      review.contains("  3. credentials: filebox-sftp  (from inventory, inventory/vendors.yaml:5)"))
    #expect(
      review.contains(
        "  2. established_in: DE  (changed from the inventory's: GB (from inventory, inventory/organisation.yaml:4))"
      ))
    #expect(review.contains("    - Rotate filebox-sftp (alice@example.com, due "))

    let record = try IncidentRecord(json: JSONValue.parse(context.capturedOutput))
    let entry = try #require(record.trail?.first { $0.question == "established_in" })
    #expect(entry.answer == .list(["DE"]))
    #expect(entry.source == IncidentRecord.Source(kind: "responder"))
    #expect(entry.replaced?.answer == .list(["GB"]))
    #expect(entry.replaced?.source?.line == 4)
    let credentials = try #require(record.trail?.first { $0.question == "credentials" })
    #expect(credentials.source?.kind == "inventory")
    #expect(credentials.source?.inventorySHA256 == record.inventory?.sha256)
    #expect(record.inventory?.vendor == "filebox")
    #expect(
      record.inventory?.items["credentials"]?["filebox-sftp"]?["owner"] == "alice@example.com")
    // The record reads back to the same JSON.
    #expect(
      try IncidentRecord(json: record.jsonValue).jsonValue == record.jsonValue)
  }
}
