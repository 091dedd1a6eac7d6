import RunbookCore
import YAMLLite

extension AnswersFile {
  /// The answers file a scenario holds: its `answers:` mapping read as an answers file reads its
  /// own, with the scenario's runbook id and responder.
  ///
  /// The shape rules are those of `AnswersFile.load(_:file:)`: every answer is text or a list of
  /// text; the fit of each answer to its question is checked later, by `apply(to:now:)`.
  static func scenarioAnswers(
    _ node: Node, keyLocation: SourceLocation, file: String, runbookID: String?,
    responder: String?, diagnostics: inout [Diagnostic]
  ) -> AnswersFile {
    let entries = readAnswers(node, diagnostics: &diagnostics)
    return AnswersFile(
      file: file, runbookID: runbookID, responder: responder, tlp: nil, entries: entries,
      answersLocation: keyLocation)
  }
}
