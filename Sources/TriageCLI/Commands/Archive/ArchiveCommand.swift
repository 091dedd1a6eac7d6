import Foundation
import IncidentLog

extension Command {
  /// `triage archive SUBCOMMAND`: read, check and follow up the incident log.
  static let archive = Command(
    "archive",
    abstract: "List, show, search, verify, export and follow up the incident records.",
    discussion: """
      Every subcommand works on the archive given by --archive DIR, else TRIAGE_ARCHIVE, else \
      ./incident-log. Records are named as git names commits: by their id, a unique prefix of \
      it, a unique prefix of at least 4 digits of its hex part (the short id 'archive list' \
      shows), or of at least 7 hex digits of the record's SHA-256. A name that fits several \
      records lists them (exit 65).

      Follow-ups (an action done or dropped, a notification sent, a note, a closure) are new \
      amendment files in amendments/YYYY/MM, hash-chained like records; records never change.
      """,
    subcommands: [
      .archiveList, .archiveShow, .archiveSearch, .archiveFollowUps, .archiveStats,
      .archiveVerify, .archiveExport, .archiveAmend, .archiveNote, .archiveClose,
      .archiveAttach, .archiveDue, .archiveCalendar,
      .archiveCheckpoint, .archiveProve, .archiveCheckProof, .archiveBundle,
      .archiveAssign,
    ])
}
