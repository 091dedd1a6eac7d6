import Foundation
import RunbookCore
import Testing

/// A library duty's `approver:` role: read into its notification rule, checked as kebab case.
struct DutyApproverTests {
  static let file = """
    obligations: us-tx
    jurisdiction: US-TX
    title: Texas
    reviewed: '2026-12-04'
    duties:
      - id: us-tx-residents
        title: Residents
        to: Texans
        citation: § 521.053(b)
        url: https://statutes.capitol.texas.gov/
        due: 60 days after aware_at
        approver: counsel

    """

  @Test func theRoleIsRead() throws {
    let (file, diagnostics) = ObligationFile.load(Array(Self.file.utf8), file: "us-tx.yaml")
    #expect(diagnostics.map(\.description) == [])
    #expect(try #require(file).duties.first?.rule.approver == "counsel")
  }

  @Test func aRoleThatIsNotKebabCaseIsAnErrorAtItsValue() {
    let text = Self.file.replacingOccurrences(of: "approver: counsel", with: "approver: Legal")
    let (_, diagnostics) = ObligationFile.load(Array(text.utf8), file: "us-tx.yaml")
    #expect(diagnostics.map(\.code) == ["bad-id"])
    #expect(diagnostics.first?.location.line == 12)
    #expect(diagnostics.first?.location.column == 15)
  }
}
