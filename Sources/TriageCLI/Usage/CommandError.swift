/// A failure a command meets that recurs across commands or runs, as facts; `ErrorReport` words
/// it and picks its exit status.
///
/// `CommandFailure` remains for the few one-off usage mistakes of one command (`archive amend`'s
/// option combinations, `archive export` without `--format`).
package enum CommandError: Error, Sendable, Equatable {
  /// The session needs questions asked and standard input is not a terminal (exit 2).
  case noTerminalToAsk(runbook: String)
  /// `triage run` does not know who is answering: no `--responder`, no `responder:` in the
  /// answers file, no `$USER` or `$LOGNAME`, and no terminal to ask on (exit 2).
  case noResponder
  /// An answers file leaves questions open in mixed mode without a terminal (exit 65).
  case openQuestionsWithoutTerminal
  /// A value of `what` (`format`, `TLP marking`, `status`) that is none of `allowed` (exit 2).
  case unknownValue(what: String, value: String, allowed: [String])
  /// An argument that must say something (`note`, `search text`) is empty (exit 2).
  case emptyArgument(what: String)
  /// `--since`/`--until` that is not a date or time (exit 2).
  case badDateFilter(option: String, value: String)
  /// `--sent` that is not a time (exit 2).
  case badSentTime(String)
  /// A `--resume` file that is not JSON (exit 65).
  case notADraft(path: String, reason: String)
  /// A `--resume` file that is JSON but not a triage draft of `format` (exit 65).
  case notATriageDraft(path: String, format: String)
  /// A draft saved for another runbook (exit 65).
  case draftForAnotherRunbook(path: String, draftRunbook: String, runbook: String)
  /// A file given as a record that is not JSON (exit 65).
  case notARecord(path: String, reason: String)
  /// `replay --runbook` names a runbook other than the record's (exit 65).
  case recordForAnotherRunbook(runbookPath: String, runbook: String, recordRunbook: String)
  /// `triage test` found no scenario files (exit 1).
  case noScenarioFiles(searched: [String])
  /// `--archive` or `TRIAGE_ARCHIVE` (`source`) holds a control character (exit 2).
  case controlCharactersInArchivePath(source: String, value: String)
  /// The archive folder does not exist (exit 66).
  case noArchive(path: String)
  /// No obligations library (`obligations/facts.yaml`) in the search folders (exit 66).
  case noObligationsLibrary(searched: [String])
  /// `obligations show ID` names no duty or file of the library (exit 66).
  case unknownObligation(String, suggestion: String?)
  /// Interrupted during `--dry-run`: nothing saved (exit 130).
  case interruptedDryRun
  /// Interrupted: the answers so far are in a draft at `path` (exit 130).
  case interruptedDraftSaved(path: String, resumeCommand: String)
}
