import Foundation
import IncidentLog

extension Command {
  /// `triage archive SUBCOMMAND`: read, check and follow up the incident log.
  static let archive = Command(
    "archive",
    abstract: "List, show, search, verify, export and follow up the incident records.",
    discussion: """
      Every subcommand works on the archive given by --archive DIR, else TRIAGE_ARCHIVE, else \
      ./incident-log. Records are named by their id or any unique prefix of it.

      Follow-ups (an action done or dropped, a notification sent, a note, a closure) are new \
      amendment files in amendments/YYYY/MM, hash-chained like records; records never change.
      """,
    subcommands: [
      .archiveList, .archiveShow, .archiveSearch, .archiveFollowUps, .archiveStats,
      .archiveVerify, .archiveExport, .archiveAmend, .archiveNote, .archiveClose,
    ])
}

/// What the archive subcommands share: the archive option, finding the archive, and turning
/// the archive layer's errors into messages and exit codes.
enum ArchiveCommandSupport {
  /// `--archive DIR`.
  static let archiveOption = OptionSpec.value(
    .archive, valueName: "dir", help: "The incident log archive (default ./incident-log).")

  /// `--json`.
  static let jsonOption = OptionSpec.flag(.json, help: "Print JSON.")

  /// The archive named by the invocation; an archive that does not exist is an error (exit 66).
  static func store(_ invocation: Invocation, _ context: CommandContext) throws -> ArchiveStore {
    let root = RunCommand.archivePath(invocation, context)
    guard context.isDirectory(root) else {
      throw CommandError.noArchive(path: root)
    }
    return ArchiveStore(root: root, fileSystem: context.fileSystem)
  }

  /// Who is making a change: `--responder`, else `$USER`, else `unknown`.
  static func responder(_ invocation: Invocation, _ context: CommandContext) -> String {
    context.responder(named: invocation.value(.responder))
  }

  /// `--responder NAME`.
  static let responderOption = OptionSpec.value(
    .responder, valueName: "name", help: "Who makes the change (default $USER).")

  /// `text` cut to `width` characters, with `…` when cut.
  static func truncated(_ text: String, to width: Int) -> String {
    let flat = MarkdownText.oneLine(text)
    guard flat.count > width else { return flat }
    guard width > 1 else { return String(flat.prefix(max(0, width))) }
    return String(flat.prefix(width - 1)) + "…"
  }

  /// `text` padded with spaces to `width` characters.
  static func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  /// Appends an amendment and reports it.
  static func amend(
    _ invocation: Invocation, _ context: CommandContext, change: AmendmentChange,
    summary: String
  ) throws -> TriageExit {
    let store = try store(invocation, context)
    let result = try AmendmentWriter(store: store).amend(
      record: invocation.argument(.id) ?? "", with: change,
      responder: responder(invocation, context), now: context.now())
    context.standardOutput.write(
      "Record \(result.amendment.record): \(summary)\n"
        + "Wrote \(store.absolute(result.stored.location.path))\n")
    return .success
  }
}
