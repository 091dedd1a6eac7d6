import Foundation
import IncidentLog
import Testing

@Suite("archive show Markdown") struct RecordStateReportTests {
  @Test("ids, responders and notes of the follow-ups are written as literal text")
  func followUpsAreLiteral() throws {
    var document = ArchiveTestRecords.record()
    guard case .array(var actions)? = document["actions"] else {
      Issue.record("the test record has no actions")
      return
    }
    actions[1]["id"] = "# review"
    document["actions"] = .array(actions)
    let amendments = [
      ArchiveTestRecords.amendment(
        .actionStatus(action: "rotate-keys", status: .done, note: "done\n- <!-- hide"),
        minutes: 10),
      ArchiveTestRecords.amendment(.note(text: "see [log](https://x.test)\n> quote"), minutes: 20),
    ]
    let state = try RecordState(stored: ArchiveTestRecords.stored(document), amendments: amendments)
    let markdown = state.amendedMarkdown(
      now: ArchiveTestRecords.createdAt + 3600, calendar: { _ in .found(nil) })
    let followUps = try #require(markdown.components(separatedBy: "## Follow-ups\n").last)
    #expect(
      followUps == ##"""

        **Status:** open

        Actions:

        - rotate-keys: Rotate the keys Acme held (owner: security lead) — done (done - \<!-- hide)
        - \# review: Review the logs (owner: analyst) — open, due 2026-04-10T09:30:00Z

        Notifications:

        - authority: to supervisory authority — open, due 2026-04-04T09:30:00Z
        - final-report: to supervisory authority — open, pending until authority is sent (1 month after authority.sent)

        Amendments:

        - 2026-04-01T09:40:00Z, Sam Lee: action rotate-keys done: done - \<!-- hide
        - 2026-04-01T09:50:00Z, Sam Lee: note: see \[log\](https\://x.test) > quote

        """##)
  }
}
