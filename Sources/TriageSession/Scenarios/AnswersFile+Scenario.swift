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
    var entries: [Entry] = []
    switch node.content {
    case .scalar(let scalar) where scalar.text.isEmpty:
      break
    case .mapping(let pairs):
      for pair in pairs {
        if let input = input(of: pair, diagnostics: &diagnostics) {
          entries.append(
            Entry(
              questionID: pair.key, input: input, keyLocation: pair.keyLocation,
              valueLocation: pair.value.location(ofTextOffset: 0)))
        }
      }
    default:
      diagnostics.append(
        .init(
          .error, "expected-mapping", "'answers' must map question ids to answers",
          at: node.location))
    }
    return AnswersFile(
      file: file, runbookID: runbookID, responder: responder, tlp: nil, entries: entries,
      answersLocation: keyLocation)
  }

  private static func input(of pair: MappingEntry, diagnostics: inout [Diagnostic])
    -> AnswerInput?
  {
    switch pair.value.content {
    case .scalar(let scalar):
      return .text(scalar.text)
    case .sequence(let items):
      var texts: [String] = []
      for item in items {
        guard case .scalar(let scalar) = item.content else {
          diagnostics.append(
            .init(.error, "wrong-type", "\(pair.key): list items must be text", at: item.location))
          return nil
        }
        texts.append(scalar.text)
      }
      return .items(texts)
    case .mapping:
      diagnostics.append(
        .init(
          .error, "wrong-type", "\(pair.key): an answer is text or a list, not a mapping",
          at: pair.value.location))
      return nil
    }
  }
}
