/// The exit status of one triage run, as a value: commands return it, errors map to it, and only
/// `main.swift` hands it to `exit`.
///
/// The numbers follow `sysexits.h` where one fits (`DESIGN.md`, "Command line").
package struct TriageExit: Sendable, Hashable, CustomStringConvertible {
  /// The number the process exits with.
  package var status: Int32

  package init(_ status: Int32) {
    self.status = status
  }

  /// 0: the command did what was asked.
  package static let success = TriageExit(0)
  /// 1: a failure at run time that no other code describes.
  package static let failure = TriageExit(1)
  /// 2: the command line was wrong (unknown command or option, missing or extra argument).
  package static let usage = TriageExit(2)
  /// 65 (`EX_DATAERR`): bad input data, such as a refused YAMLLite document, runbook or answers.
  package static let dataError = TriageExit(65)
  /// 66 (`EX_NOINPUT`): an input file does not exist.
  package static let noInput = TriageExit(66)
  /// 73 (`EX_CANTCREAT`): an output file could not be created.
  package static let cannotCreate = TriageExit(73)
  /// 74 (`EX_IOERR`): reading or writing failed.
  package static let ioError = TriageExit(74)
  /// 130 (128 + SIGINT): interrupted by the person at the terminal (a draft is saved).
  package static let interrupted = TriageExit(130)

  package var description: String { "exit \(status)" }
}
