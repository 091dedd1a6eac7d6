import Foundation
import Testing
import TriageTestSupport

/// Repeated groups (`for-each`) on the real binary: an answers file with item answers, the
/// record's flat answers and trail ids, and amendments of expanded action and notification ids.
@Suite struct ForEachEndToEndTests {
  @Test func recordsItemAnswersAndAmendsExpandedIDs() throws {
    let folder = try TemporaryDirectory()
    let followUp = """

        - id: follow-up
          for-each: credentials_held
          to: The same client
          when: client
          due: 7 days after notify-client.sent

      """
    try folder.write(forEachRunbook + followUp, to: "vendor-credentials.yaml")
    try folder.write(forEachAnswers, to: "answers.yaml")
    let run = try runTriage(
      [
        "run", "vendor-credentials.yaml", "--answers", "answers.yaml", "--archive", "log",
        "--responder", "Dana Ortiz",
      ], currentDirectory: folder.url)
    #expect(run.status == 0, "\(run)")
    let written = TemporaryDirectory.files(
      under: folder.url.appendingPathComponent("log/records").path)
    let json = try #require(written.first { $0.hasSuffix(".json") })
    let data = try Data(contentsOf: folder.url.appendingPathComponent("log/records/" + json))
    let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let answers = try #require(record["answers"] as? [String: Any])
    #expect(answers["used_in_production[deploy-key]"] as? Bool == true)
    #expect(answers["used_in_production[npm-token]"] as? Bool == false)
    #expect(answers["credential_kind[npm-token]"] as? String == "token")
    let trail = try #require(record["trail"] as? [[String: Any]])
    let asked = trail.compactMap { $0["question"] as? String }
    #expect(asked.contains("client[deploy-key]"))
    let prompt = trail.first { $0["question"] as? String == "used_in_production[deploy-key]" }
    #expect(prompt?["asked"] as? String == "Is deploy key (ssh) used in production?")
    let actions = try #require(record["actions"] as? [[String: Any]])
    #expect(actions.compactMap { $0["id"] as? String } == ["rotate[deploy-key]", "review"])
    #expect(actions.first?["title"] as? String == "Rotate deploy key")
    #expect(actions.first?["due"] as? String == "2026-04-02T09:00:00Z")
    #expect(try RunAnswersFileTests().schemaProblems(in: record) == [])

    let id = String(json.dropLast(".json".count).split(separator: "/").last ?? "")
    let archive = folder.url.appendingPathComponent("log").path
    let done = try runTriage(
      [
        "archive", "amend", id, "--action", "rotate[deploy-key]", "--status", "done", "--archive",
        archive,
      ])
    #expect(done.status == 0, "\(done)")
    #expect(done.output.hasPrefix("Record \(id): action rotate[deploy-key] done."))
    let sent = try runTriage(
      [
        "archive", "amend", id, "--notification", "notify-client[deploy-key]", "--sent",
        "now", "--archive", archive,
      ])
    #expect(sent.status == 0, "\(sent.error)")
    let followUps = try runTriage(["archive", "follow-ups", "--archive", archive])
    #expect(followUps.output.contains("follow-up[deploy-key]"), "\(followUps)")
    #expect(!followUps.output.contains("pending until notify-client"), "\(followUps)")
    let misspelt = try runTriage(
      [
        "archive", "amend", id, "--action", "rotate[deploy-kye]", "--status", "done", "--archive",
        archive,
      ])
    #expect(misspelt.status == 65)
    #expect(misspelt.error.contains("did you mean 'rotate[deploy-key]'?"), "\(misspelt)")
    let verify = try runTriage(["archive", "verify", "--archive", archive])
    #expect(verify.status == 0, "\(verify)")
  }

  @Test func replaysItemAnswersAgainstItsOwnAndAChangedVersion() throws {
    let folder = try TemporaryDirectory()
    try folder.write(forEachRunbook, to: "v1/r.yaml")
    let changed =
      forEachRunbook.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
      .replacingOccurrences(
        of: "    title: 'Rotate {{item}}'\n    when: used_in_production\n",
        with: "    title: 'Rotate {{item}}'\n    when: credential_kind == 'token'\n")
    try folder.write(changed, to: "v2/r.yaml")
    try folder.write(forEachAnswers, to: "answers.yaml")
    let run = try runTriage(
      ["run", "v1/r.yaml", "--answers", "answers.yaml", "--archive", "log"],
      currentDirectory: folder.url)
    try #require(run.status == 0, "\(run)")
    let written = TemporaryDirectory.files(
      under: folder.url.appendingPathComponent("log/records").path)
    let json = try #require(written.first { $0.hasSuffix(".json") })
    let path = folder.url.appendingPathComponent("log/records/" + json).path
    let same = try runTriage(
      ["replay", path, "--runbook", "v1/r.yaml"], currentDirectory: folder.url)
    #expect(same.status == 0, "\(same)")
    #expect(same.output.hasSuffix("\nNo outcome changes.\n"), "\(same)")
    let other = try runTriage(
      ["replay", path, "--runbook", "v2/r.yaml"], currentDirectory: folder.url)
    #expect(other.status == 0, "\(other)")
    #expect(
      other.output.split(separator: "\n").dropFirst() == [
        "2 outcome changes:",
        "  new action rotate[npm-token]: Rotate npm token",
        "  action no longer required rotate[deploy-key]: Rotate deploy key",
      ], "\(other.output)")
  }

  @Test func refusesAnItemNotInTheList() throws {
    let folder = try TemporaryDirectory()
    try folder.write(forEachRunbook, to: "vendor-credentials.yaml")
    try folder.write(
      forEachAnswers.replacingOccurrences(of: "npm-token:", with: "pypi token:"), to: "answers.yaml"
    )
    let run = try runTriage(
      ["run", "vendor-credentials.yaml", "--answers", "answers.yaml", "--dry-run"],
      currentDirectory: folder.url)
    #expect(run.status == 65, "\(run)")
    #expect(
      run.error.contains(
        "answers.yaml:8:5: each-credential: 'pypi token' is not an item of the answer to "
          + "'credentials_held'"), "\(run.error)")
  }
}

/// A repeated group at a terminal: asked item after item, "(1 of 2)", and back across items.
@Suite(.serialized) struct ForEachInteractiveTests {
  @Test func asksItemAfterItemAndGoesBackAcrossItems() throws {
    let folder = try TemporaryDirectory()
    try folder.write(forEachRunbook, to: "vendor-credentials.yaml")
    let session = try PseudoTerminalSession(
      ["run", "vendor-credentials.yaml", "--archive", "log", "--responder", "Dana", "--no-color"],
      currentDirectory: folder.url)
    try session.expect("Which vendor?")
    try session.send("Acme\n")
    try session.expect("When did we learn of it?")
    try session.send("2026-04-01T09:00:00Z\n")
    try session.expect("Which of our credentials does Acme hold?")
    try session.send("deploy key\nnpm token\n\n")
    try session.expect("The credential deploy key (1 of 2) - question 4 of about")
    try session.expect("What kind of credential is deploy key?")
    try session.send("ssh\n")
    try session.expect("Is deploy key (ssh) used in production?")
    try session.send("no\n")
    try session.expect("The credential npm token (2 of 2)")
    try session.expect("What kind of credential is npm token?")
    try session.send("back\n")
    try session.expect("Back to used_in_production[deploy-key].")
    try session.expect("Is deploy key (ssh) used in production?")
    try session.send("yes\n")
    try session.expect("Which client's system does deploy key reach?")
    try session.send("Globex\n")
    try session.expect("What kind of credential is npm token?")
    try session.send("2\n")
    try session.expect("Is npm token (token) used in production?")
    try session.send("no\n")
    try session.expect("Review your answers")
    try session.expect("used_in_production[deploy-key]: yes")
    try session.expect("Rotate deploy key")
    try session.send("y\n")
    try session.expect("Wrote ")
    #expect(try session.waitForExit() == 0, "\(session.normalisedTranscript)")
  }
}
