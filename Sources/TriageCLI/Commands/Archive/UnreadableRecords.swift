import IncidentLog
import RunbookCore

extension OptionSpec {
  /// `--skip-unreadable`, for the archive subcommands that read every record.
  static let skipUnreadable = OptionSpec.flag(
    .skipUnreadable,
    help: "Go on past record files that are not readable records: still named on standard "
      + "error, as warnings, but the exit status is 0.")
}

extension Command {
  /// What the archive subcommands that read every record say about unreadable ones.
  static let unreadableRecordsDiscussion = """
    A record file that is not a readable record (not valid JSON, truncated, no integrity member, \
    not a record, a symbolic link, a read error) is never left out silently: it is named on \
    standard error (triage: PATH: not a readable record: REASON), everything else is printed, \
    and the exit status is 65. With --skip-unreadable it is named as a warning and the exit \
    status is 0. triage archive verify says more about it.
    """
}

/// The unreadable record files one command meets: each is named on standard error when met,
/// and they decide the exit status (65, unless `--skip-unreadable`).
struct UnreadableRecords {
  private let store: ArchiveStore
  private let standardError: any TextOutput
  /// Whether `--skip-unreadable` was given.
  let isSkipping: Bool
  /// How many were met.
  private(set) var count = 0

  init(_ invocation: Invocation, _ context: CommandContext, store: ArchiveStore) {
    self.store = store
    standardError = context.standardError
    isSkipping = invocation.flag(.skipUnreadable)
  }

  /// Names `record` on standard error: `triage: PATH: not a readable record: REASON`, or as a
  /// warning when skipping.
  mutating func note(_ record: UnreadableRecord) {
    count += 1
    let path = VisibleText.line(store.absolute(record.path))
    let reason = VisibleText.line(record.reason)
    standardError.write(
      isSkipping
        ? "triage: warning: \(path): not a readable record (skipped): \(reason)\n"
        : "triage: \(path): not a readable record: \(reason)\n")
  }

  /// `status`, or 65 (bad input data) when a record was unreadable and not skipped.
  func exit(otherwise status: TriageExit = .success) -> TriageExit {
    count > 0 && !isSkipping ? .dataError : status
  }
}
