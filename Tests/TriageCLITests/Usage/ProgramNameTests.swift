import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageCLI

/// The name suggested commands start with: the one that works in the user's shell.
@Suite struct ProgramNameTests {
  @Test(
    arguments: [
      ("/home/dana/triage/.build/debug/triage", "/usr/bin:/bin", "swift run triage"),
      (".build/release/triage", nil, "swift run triage"),
      ("/work/x/.build/x86_64-unknown-linux-gnu/debug/triage", "/usr/bin", "swift run triage"),
      ("triage", "/usr/bin", "triage"),
      ("/home/dana/.local/bin/triage", "/usr/bin:/home/dana/.local/bin", "triage"),
      ("/home/dana/.local/bin/triage", "/usr/bin:/home/dana/.local/bin/", "triage"),
      ("/opt/triage/bin/triage", "/usr/bin:/bin", "/opt/triage/bin/triage"),
      ("./triage", "/usr/bin", "./triage"),
      ("/tmp/my tools/triage", "/usr/bin", "'/tmp/my tools/triage'"),
      ("", "/usr/bin", "triage"),
    ] as [(String, String?, String)])
  func theNameAsTheShellFindsIt(_ argumentZero: String, _ path: String?, _ shown: String) {
    #expect(ProgramName.shown(argumentZero: argumentZero, path: path) == shown)
  }

  @Test func usageErrorsAndHintsUseTheName() {
    let report = ErrorReport(
      for: CommandError.noTerminalToAsk(runbook: "x"), program: "swift run triage")
    #expect(report.message.contains("(swift run triage answers-template x writes one"))
    let archive = ErrorReport(for: CommandError.noArchive(path: "log"), program: "./triage")
    #expect(archive.message.hasSuffix("(./triage run creates one)"))
  }

  @Test func localTimeBesideUTC() throws {
    let date = try #require(UTCTimestamp.date(from: "2026-04-03T09:00:00Z"))
    let paris = LocalTime.from(tz: "Europe/Paris")
    #expect(paris.string(from: date) == "2026-04-03T09:00:00Z (2026-04-03 11:00 Europe/Paris)")
    #expect(
      LocalTime.from(tz: ":America/New_York").local(date) == "2026-04-03 05:00 America/New_York")
    #expect(LocalTime.from(tz: "UTC").string(from: date) == "2026-04-03T09:00:00Z")
    #expect(LocalTime.utcOnly.string(from: date) == "2026-04-03T09:00:00Z")
  }

  /// A zone named as UTC is known without Foundation's zones: the same UTC-only times.
  @Test func zonesNamedAsUTCShowUTCOnly() {
    for name in ["UTC", ":Etc/UTC", "Etc/UCT", "GMT", "Etc/GMT+0", "Zulu", "Universal"] {
      #expect(LocalTime.from(tz: name) == .utcOnly, "\(name)")
    }
    #expect(LocalTime.from(tz: "Etc/GMT+5") != .utcOnly)
    #expect(LocalTime.from(tz: "Europe/London") != .utcOnly)
  }
}
