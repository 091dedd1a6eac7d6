import Foundation
import Testing
import TriageTestSupport

/// `triage archive list|show|search|follow-ups|stats|export` on a small fixed archive, exact.
@Suite struct ArchiveCommandsEndToEndTests {
  let archive: FixtureArchive

  init() throws { archive = try FixtureArchive() }

  @Test func listsOneLinePerRecordCutToTheWidth() throws {
    let result = try archive.run("list")
    #expect(result.status == 0, "\(result)")
    // 80 columns when not a terminal (nor COLUMNS): short ids, aligned columns, and the
    // decision takes what is left.
    #expect(result.output.split(separator: "\n").map(\.count) == [80, 80, 80])
    #expect(
      result.output == """
        0000000a  2021-04-01 09:30  high    open    vendor-breach   Notify the authorit…
        0000000b  2021-04-02 12:00  low     closed  vendor-breach   No immediate action…
        0000000c  2021-04-15 08:00  medium  open    regulated-saas  Tell the regulator,…

        """)
    let filtered = try archive.run("list", "--status", "open", "--severity", "high")
    #expect(
      filtered.output.split(separator: "\n").map { String($0.prefix(8)) } == ["0000000a"])
    let byDay = try archive.run("list", "--since", "2021-04-02", "--until", "2021-04-02")
    #expect(byDay.output.hasPrefix("0000000b  "))
    #expect(byDay.output.split(separator: "\n").count == 1)
    let byRunbook = try archive.run("list", "--runbook", "regulated-saas", "--json")
    #expect(
      byRunbook.output == """
        {
          "format": "triage-archive-list/1",
          "records": [
            {"created_at":"2021-04-15T08:00:00Z","decision":"Tell the regulator, then follow up.","id":"20210415T080000Z-0000000c","open_actions":0,"open_notifications":1,"responder":"Dana Ortiz","runbook":"regulated-saas","severity":"medium","status":"open","tlp":"TLP:AMBER"}
          ]
        }

        """)
    let bad = try archive.run("list", "--status", "pending")
    #expect(bad.status == 2)
    #expect(bad.error == "triage: unknown status 'pending'; use open or closed\n")
  }

  @Test func followUpsPutOverdueFirstAndWorkOutChainedDeadlines() throws {
    let result = try archive.run("follow-ups")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output == """
        overdue  2021-04-19T09:00:00Z  20210415T080000Z-0000000c  notification regulator-followup: to financial regulator [2 business days after regulator.sent; runbook regulated-saas not found, so holidays are not counted]
        overdue  2021-05-04T08:00:00Z  20210401T093000Z-0000000a  notification final-report: to supervisory authority [1 month after authority.sent]
        due      2099-01-01T00:00:00Z  20210401T093000Z-0000000a  action review-contract: Review the Acme contract, notice clause (vendor manager)

        """)
    let json = try archive.run("follow-ups", "--json")
    #expect(
      json.output.contains(
        "\"due\": \"2021-05-04T08:00:00Z\",\n      \"due_rule\": \"1 month after authority.sent\""))
    #expect(json.output.hasPrefix("{\n  \"format\": \"triage-archive-follow-ups/1\",\n"))
  }

  @Test func statsCountRecordsAndOpenItems() throws {
    let result = try archive.run("stats")
    #expect(
      result.output == """
        Records: 3 (2 open, 1 closed)
        By severity:
          critical  0
          high      1
          medium    1
          low       1
          none      0
        By runbook:
          regulated-saas  1
          vendor-breach   2
        Open actions: 1
        Open notifications: 2
        Overdue: 2

        """)
  }

  @Test func searchNamesTheFieldsThatMatchIncludingAmendmentNotes() throws {
    let result = try archive.run("search", "GLOBEX")
    #expect(
      result.output == """
        20210402T120000Z-0000000b  2021-04-02 12:00  low       closed  vendor-breach  No immediate action…
          answers.vendor: Globex
          decision: No immediate action, but monitor Globex.
          actions.watch-statements.title: Watch Globex's statements
          amendments.20210405T090000Z-000000b1.close: Globex confirmed no customer data…

        """)
    let note = try archive.run("search", "old keys revoked", "--json")
    #expect(
      note.output == """
        {
          "format": "triage-archive-search/1",
          "records": [
            {"created_at":"2021-04-01T09:30:00Z","id":"20210401T093000Z-0000000a","matches":[{"field":"amendments.20210403T100000Z-000000a1.action-status","text":"Rotated at 09:00; old keys revoked."}],"runbook":"vendor-breach","severity":"high","status":"open"}
          ]
        }

        """)
    #expect(try archive.run("search", "nobody wrote this").output == "")
  }

  @Test func exportsCSVThatSpreadsheetsOpenLeavingOutTLPRed() throws {
    let result = try archive.run("export", "--format", "csv")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output
        == "id,created_at,runbook,severity,status,tlp,responder,decision,open_actions,open_notifications\r\n"
        + "20210401T093000Z-0000000a,2021-04-01T09:30:00Z,vendor-breach,high,open,TLP:AMBER,Dana Ortiz,Notify the authority about Acme.,1,1\r\n"
        + "20210415T080000Z-0000000c,2021-04-15T08:00:00Z,regulated-saas,medium,open,TLP:AMBER,Dana Ortiz,\"Tell the regulator, then follow up.\",0,1\r\n"
    )
    #expect(result.error == "triage: left out 1 TLP:RED record (--include-red includes them)\n")
  }

  @Test func exportsToAFileAtomically() throws {
    let output = archive.folder.url.appendingPathComponent("actions.csv").path
    let result = try archive.run(
      "export", "--format", "csv", "--rows", "actions", "--include-red", "--output", output)
    #expect(result.status == 0 && result.output == "" && result.error == "", "\(result)")
    let text = try String(contentsOfFile: output, encoding: .utf8)
    #expect(
      text == "record,created_at,runbook,severity,tlp,action,title,owner,due,status,note\r\n"
        + "20210401T093000Z-0000000a,2021-04-01T09:30:00Z,vendor-breach,high,TLP:AMBER,rotate-vendor-keys,Rotate the keys Acme held,security lead,2021-04-02T09:00:00Z,done,Rotated at 09:00; old keys revoked.\r\n"
        + "20210401T093000Z-0000000a,2021-04-01T09:30:00Z,vendor-breach,high,TLP:AMBER,review-contract,\"Review the Acme contract, notice clause\",vendor manager,2099-01-01T00:00:00Z,open,\r\n"
        + "20210402T120000Z-0000000b,2021-04-02T12:00:00Z,vendor-breach,low,TLP:RED,watch-statements,Watch Globex's statements,analyst,2021-05-02T12:00:00Z,open,\r\n"
    )
    let jsonl = try archive.run("export", "--format", "jsonl")
    #expect(jsonl.output.split(separator: "\n").count == 2)
    let markdown = try archive.run("export", "--format", "md", "--include-red")
    #expect(markdown.output.split(separator: "\n").count == 5)
    #expect(markdown.output.hasPrefix("| id | created_at | runbook |"))
  }

  @Test func showWritesTheReportWithTheAmendmentsEffects() throws {
    let result = try archive.run("show", "20210401")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.output.contains(
        "| 2021-04-02T09:00:00Z | Rotate the keys Acme held | security lead | done |"))
    #expect(
      result.output.hasSuffix(archiveFixtureFirstRecordFollowUps))
    let json = try archive.run("show", "20210402T120000Z-0000000b", "--format", "json")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(object["status"] as? String == "closed")
    #expect((object["amendments"] as? [Any])?.count == 1)
  }

  @Test func ambiguousAndUnknownIdsAreErrors() throws {
    let ambiguous = try archive.run("show", "2021")
    #expect(ambiguous.status == 65)
    #expect(
      ambiguous.error
        == "triage: '2021' names several records: 20210401T093000Z-0000000a, "
        + "20210402T120000Z-0000000b, 20210415T080000Z-0000000c; give more of the id\n")
    let unknown = try archive.run("show", "2020")
    #expect(unknown.status == 66)
    #expect(unknown.error == "triage: no record with an id starting '2020'\n")
    let noArchive = try ArchiveTestSupport.archive(["list"], archive.path + "-missing")
    #expect(noArchive.status == 66)
    #expect(
      noArchive.error.hasSuffix(
        "-missing: no incident log archive here (swift run triage run creates one)\n")
    )
  }
}
