import Foundation
import IncidentLog
import RunbookCore

extension Command {
  /// `triage replay RECORD [--runbook PATH]`: what a changed runbook would decide now.
  static let replay = Command(
    "replay",
    abstract: "Re-run a record's answers against a runbook and show which outcomes change.",
    discussion: """
      Takes the answers of an archived record (a record file, or a record id or unique id \
      prefix in the archive) and runs them through the current version of its runbook (found \
      by id), or through the runbook given with --runbook. Prints each outcome that would be \
      different: a new or dropped action, a notification now required, a different severity, \
      decision or due time; and the questions the runbook now asks that the record has no \
      answer for. Nothing is written.
      """,
    arguments: [ArgumentSpec(.record, help: "A record file, or a record id (or unique prefix).")],
    options: [
      .value(
        .runbook, valueName: "path",
        help: "Replay against this runbook instead of the record's own, by id."),
      .value(
        .archive, valueName: "dir",
        help: "The archive to find RECORD ids in (default ./incident-log)."),
      .flag(.json, help: "Print the changes as JSON."),
      RunbookLocator.option,
    ],
    action: ReplayCommand.run)
}

/// What `triage replay` does.
enum ReplayCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let reference = invocation.argument(.record) ?? ""
    let record = try loadRecord(reference, invocation, context)
    let locator = RunbookLocator(context, invocation)
    let runbookID = record.runbook?.id ?? ""
    let loaded = try locator.load(invocation.value(.runbook) ?? runbookID)
    guard loaded.runbook.id == runbookID else {
      throw CommandError.recordForAnotherRunbook(
        runbookPath: loaded.path, runbook: loaded.runbook.id, recordRunbook: runbookID)
    }
    let replay = Replay.replay(record, against: loaded.runbook, calendar: loaded.calendar)
    let version = record.runbook?.version ?? "?"
    if invocation.flag(.json) {
      let value: JSONValue = [
        "record": .string(record.id),
        "recorded_with": .string(version),
        "replayed_with": .string(loaded.runbook.version),
        "changes": .array(replay.changes.map { .string($0.description) }),
        "unanswered": .strings(replay.unansweredQuestions),
        "dropped_answers": .strings(replay.droppedAnswers),
      ]
      context.standardOutput.write(value.stamped(.replay).prettyText)
      return .success
    }
    var lines = [
      "Record \(record.id): \(runbookID) \(version) -> "
        + "\(loaded.runbook.version) (\(loaded.path))"
    ]
    if replay.changes.isEmpty {
      lines.append("No outcome changes.")
    } else {
      lines.append("\(replay.changes.count) outcome change\(replay.changes.count == 1 ? "" : "s"):")
      lines += replay.changes.map { "  \($0)" }
    }
    if !replay.unansweredQuestions.isEmpty {
      lines.append(
        "Not answered in the record (taken as unset): "
          + replay.unansweredQuestions.joined(separator: ", "))
    }
    if !replay.droppedAnswers.isEmpty {
      lines.append(
        "Answers the runbook no longer takes: " + replay.droppedAnswers.joined(separator: ", "))
    }
    context.standardOutput.write(lines.joined(separator: "\n") + "\n")
    return .success
  }

  /// The record at a path, or the one record in the archive whose id starts with `reference`.
  private static func loadRecord(
    _ reference: String, _ invocation: Invocation, _ context: CommandContext
  ) throws -> IncidentRecord {
    let path: String
    if reference.hasSuffix(".json") || reference.contains("/") {
      path = reference
    } else {
      let store = try context.existingArchive(invocation)
      path = store.absolute(try ArchiveReader(store: store).locateRecord(reference).path)
    }
    let bytes = try context.readInput(path, as: .record)
    do {
      return try IncidentRecord(json: JSONValue.parse(bytes))
    } catch {
      throw CommandError.notARecord(path: path, reason: "\(error)")
    }
  }
}
