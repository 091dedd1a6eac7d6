/// What a file named on the command line is read as, and so how large it may be.
///
/// The limits are far above anything a person writes (the largest bundled runbook is about
/// 40 KiB) and keep a mistaken `/dev/zero`, a log file or a 1 GB download from being read into
/// memory whole: reading stops one byte past the limit and the command ends with exit 65.
/// README.md lists them.
package enum InputKind: Sendable, Equatable {
  /// A runbook (`lint`, `parse`, `run`, `graph`, ...): 4 MiB.
  case runbook
  /// An answers file (`run --answers`): 4 MiB.
  case answers
  /// A saved draft (`run --resume`): 4 MiB.
  case draft
  /// A record (`replay`): 16 MiB.
  case record
  /// A test scenario (`triage test`): 4 MiB.
  case scenario
  /// A holiday calendar beside a runbook: 4 MiB.
  case calendar
  /// A file kept as evidence (`archive attach`): 25 MiB.
  case evidence

  /// The most bytes the input may have.
  package var limit: Int { limitInMiB << 20 }

  /// The limit in mebibytes (2^20 bytes).
  package var limitInMiB: Int {
    switch self {
    case .runbook, .answers, .draft, .scenario, .calendar: return 4
    case .record: return 16
    case .evidence: return 25
    }
  }

  /// The input in words, after "for" in the error message.
  package var noun: String {
    switch self {
    case .runbook: return "a runbook"
    case .answers: return "an answers file"
    case .draft: return "a draft"
    case .record: return "a record"
    case .scenario: return "a test scenario"
    case .calendar: return "a holiday calendar"
    case .evidence: return "evidence"
    }
  }
}
