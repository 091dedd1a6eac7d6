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
      .archiveAttach, .archiveDue, .archiveCalendar,
      .archiveCheckpoint, .archiveProve, .archiveCheckProof, .archiveBundle,
      .archiveAssign,
    ])
}
