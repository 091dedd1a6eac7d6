import IncidentLog

extension Command {
  /// `triage archive calendar [-o FILE]`.
  static let archiveCalendar = Command(
    "calendar",
    abstract: "Write an RFC 5545 calendar (.ics) of every open deadline.",
    discussion: """
      One event per open action or notification with a due time, of every record not closed \
      (the items 'triage archive due' lists): UID RECORD.ITEM@triage, the same on every run, \
      so a calendar that subscribes to the file updates its events; DTSTART the due time in \
      UTC; SUMMARY the action or the recipient and the record; DESCRIPTION the record, the \
      item, its owner and due rule, and the record's file; an alarm two hours before.

      Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 sequence. Written to \
      standard output, or to --output FILE (owner-only, whole or not at all).

      \(Command.unreadableRecordsDiscussion)

      \(Command.summaryIndexDiscussion)
      """,
    options: [
      .value(.output, short: "o", valueName: "file", help: "Write to FILE instead."),
      .skipUnreadable, .recheck, .archive, RunbookLocator.option,
    ],
    action: ArchiveCalendarCommand.run)
}

/// What `triage archive calendar` does.
enum ArchiveCalendarCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let store = try context.existingArchive(invocation)
    let open = try OpenItems(invocation, context, store: store)
    let files = open.recordFiles
    let text = DeadlineCalendar.rendered(
      open.followUps, recordFile: { files[$0] ?? $0 }, now: context.now())
    if let output = invocation.value(.output).map(context.resolvedPath) {
      try write(text, to: output, context)
    } else {
      context.dataOutput.write(text)
    }
    return open.unreadable.exit()
  }

  /// Writes `text` to `path` through the file seam: a temporary file renamed over it, 0600.
  private static func write(_ text: String, to path: String, _ context: CommandContext) throws {
    do {
      try context.fileSystem.replaceFile(Array(text.utf8), at: path)
    } catch {
      // The error's words start with the path, which the message already names.
      let words = error.description
      let reason = words.hasPrefix(path + ": ") ? String(words.dropFirst(path.count + 2)) : words
      throw OutputError.cannotWrite(path: path, reason: reason)
    }
  }
}
