import Foundation
import IncidentLog
import RunbookCore
import TriageSession

extension OptionName {
  /// `--scan-result FILE` of `triage run`: a `triage affected --package ... --json -o FILE`.
  package static let scanResult = OptionName("scan-result")
}

/// What a package scan answers in `triage run`: the question whose `fact:` is
/// `resolved_affected_version` ("did we resolve an affected version?"), yes on a hit and no on
/// none, with the scan kept in the record's `scans` as evidence.
///
/// The scan is read from `--scan-result FILE` (`triage affected ... --json -o FILE`), or run
/// inline with `--package`/`--advisory` and `--scan DIR`.
struct ScanAnswer {
  /// The fact a scan answers.
  static let fact = "resolved_affected_version"

  /// The scan as `triage-affected/1` JSON.
  var document: JSONValue
  var isHit: Bool
  /// The file it was read from; nil when run inline.
  var file: String?

  /// The scan the options ask for, or nil without any.
  ///
  /// - Throws: `CommandFailure` (2) for both a result file and an inline scan; (65) for a result
  ///   file that is not a package scan's `triage-affected/1` JSON; the scan's own errors.
  static func load(_ invocation: Invocation, _ context: CommandContext) throws -> ScanAnswer? {
    let inline = !invocation.values(.package).isEmpty || invocation.value(.advisory) != nil
    if let path = invocation.value(.scanResult) {
      if inline {
        throw CommandFailure(
          "give --scan-result FILE or --package/--advisory, not both", exit: .usage)
      }
      let bytes = try context.readInput(path, as: .record)
      guard let document = try? JSONValue.parse(bytes), case .object(let object) = document,
        object["format"] == .string("triage-affected/1"),
        case .string(let result) = object["result"] ?? .null, ["hit", "no-hit"].contains(result)
      else {
        throw CommandFailure(
          "\(path): not the JSON of a package scan (triage affected --package ... --json -o FILE)",
          exit: .dataError)
      }
      return ScanAnswer(document: document, isHit: result == "hit", file: path)
    }
    guard inline else { return nil }
    let (report, _) = try AffectedCommand.packageScan(invocation, context)
    return ScanAnswer(document: report.json, isHit: !report.hits.isEmpty, file: nil)
  }

  /// The scan as a ``Prefill`` source: it answers the open question whose fact is ``fact``, if
  /// reachable, with the scan's source (not one the responder reopened).
  func answering(_ session: Session, at time: Date) -> (Question) -> (Value, AnswerSource?)? {
    let source = AnswerSource(kind: .scan, file: file ?? "package scan")
    let reopened = session.reopened
    let isHit = isHit
    return { question in
      guard question.fact == Self.fact, question.type == .yesno,
        reopened[question.id] == nil
      else { return nil }
      return (.boolean(isHit), source)
    }
  }
}
