import Foundation
import YAMLLite

/// Checks obligation files against the facts vocabulary and each other: citations and dates,
/// names in conditions and templates, due anchors, duty ids, and that each file's name says its
/// id and jurisdiction.
package enum ObligationLinter {
  /// The problems of `files` (every file of the library), in file order.
  package static func check(_ files: [ObligationFile], vocabulary: FactVocabulary) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let dutyIDs = files.flatMap { $0.duties.map(\.id) }
    var firstFile: [String: String] = [:]
    let scope = vocabulary.dutyScope
    for file in files {
      let fileName = ((file.file as NSString).lastPathComponent as NSString).deletingPathExtension
      if fileName != file.id {
        diagnostics.append(
          .init(
            .error, ObligationProblem.fileNameMismatch(id: file.id, fileName: fileName),
            at: file.idLocation))
      }
      let expected = ObligationFile.jurisdiction(ofFileID: file.id)
      if expected != file.jurisdiction {
        diagnostics.append(
          .init(
            .error,
            ObligationProblem.jurisdictionMismatch(
              file.jurisdiction, fileID: file.id, expected: expected),
            at: file.jurisdictionLocation))
      }
      for duty in file.duties {
        let location = duty.rule.location
        // `eu--gdpr-authority`, or with the `--` written once: `eu-gdpr-authority`.
        let collapsed = file.id.replacingOccurrences(of: "--", with: "-")
        if !duty.id.hasPrefix(file.id + "-") && !duty.id.hasPrefix(collapsed + "-") {
          diagnostics.append(
            .init(.error, ObligationProblem.dutyIDPrefix(duty.id, fileID: file.id), at: location))
        }
        if let first = firstFile[duty.id] {
          diagnostics.append(
            .init(.error, ObligationProblem.duplicateDuty(duty.id, first: first), at: location))
        } else {
          firstFile[duty.id] = (file.file as NSString).lastPathComponent
        }
        diagnostics += checkDuty(duty, scope: scope, vocabulary: vocabulary, dutyIDs: dutyIDs)
      }
    }
    // File by file, each in order of position.
    return diagnostics.sorted {
      ($0.location.file, $0.location.line, $0.location.column)
        < ($1.location.file, $1.location.line, $1.location.column)
    }
  }

  /// The problems of one duty: texts present, names known and typed, anchors valid.
  static func checkDuty(
    _ duty: Duty, scope: ExpressionScope, vocabulary: FactVocabulary, dutyIDs: [String]
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let location = duty.rule.location
    func add(_ problem: ObligationProblem, _ severity: Diagnostic.Severity = .error) {
      diagnostics.append(.init(severity, problem, at: location))
    }
    if duty.citation.trimmingCharacters(in: .whitespaces).isEmpty {
      add(.emptyValue(key: "citation", duty: duty.id))
    }
    if !(duty.url.hasPrefix("https://") || duty.url.hasPrefix("http://")) {
      add(.badURL(duty.url))
    }
    if let from = duty.inForceFrom, let until = duty.inForceUntil, from > until {
      add(.inForceOrder(from: from.description, until: until.description))
    }
    if duty.rule.due == nil && duty.noFixedDeadline == nil {
      add(.noDeadlineQuote(duty.id), .warning)
    }
    func condition(_ condition: Condition?) {
      guard let condition else { return }
      diagnostics += ExpressionChecker.check(condition.expression, scope: scope).map {
        worded($0, in: condition.origin)
      }
    }
    func template(_ text: TemplateText?) {
      guard let text else { return }
      diagnostics += text.template.check(scope: scope).map { worded($0, in: text.origin) }
    }
    condition(duty.rule.when)
    template(duty.rule.to)
    template(duty.rule.draft)
    for entry in duty.rule.undetermined + duty.rule.notRequired {
      condition(entry.when)
      template(entry.because)
    }
    if let due = duty.rule.due {
      diagnostics += checkAnchors(due, vocabulary: vocabulary, dutyIDs: dutyIDs)
    }
    return diagnostics
  }

  /// A problem of a condition or template of the library: an unknown name is an unknown fact,
  /// not an unknown question.
  static func worded(_ problem: ExpressionDiagnostic, in origin: TextOrigin) -> Diagnostic {
    if case .unknownName(let name, let suggestion) = problem.kind {
      return Diagnostic(
        .error, ObligationProblem.unknownFact(name, suggestion: suggestion),
        at: origin.location(at: problem.offset))
    }
    return Diagnostic(problem, in: origin)
  }

  /// The problems of the vocabulary's `regimes:`: each file id must name a file of the library
  /// (`fileIDs`, every file by name), each condition only facts (no per-duty names: it is
  /// decided before any file is read), with their types.
  package static func checkRegimes(
    _ vocabulary: FactVocabulary, fileIDs: [String]
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let scope = ExpressionScope(vocabulary.facts.map(\.symbol))
    for regime in vocabulary.regimes {
      if !fileIDs.contains(regime.fileID) {
        let problem = ObligationProblem.unknownRegimeFile(
          regime.fileID, suggestion: Suggestion.nearest(to: regime.fileID, in: fileIDs))
        diagnostics.append(Diagnostic(.error, problem, at: regime.location))
      }
      diagnostics += ExpressionChecker.check(regime.condition.expression, scope: scope).map {
        worded($0, in: regime.condition.origin)
      }
    }
    return diagnostics
  }

  /// A due rule's anchors must be datetime facts or `ID.sent` of a library duty.
  static func checkAnchors(
    _ due: DueTime, vocabulary: FactVocabulary, dutyIDs: [String]
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for anchor in due.rule.anchors {
      let problem: ObligationProblem?
      switch anchor {
      case .immediately:
        problem = nil
      case .recorded:
        problem = .dueAnchorRecorded
      case .answer(let name):
        if let fact = vocabulary.fact(name) {
          problem = fact.type == .datetime ? nil : .dueAnchorNotDatetime(name, type: fact.type)
        } else {
          let times = vocabulary.facts.filter { $0.type == .datetime }.map(\.name)
          problem = .unknownDueAnchor(name, suggestion: Suggestion.nearest(to: name, in: times))
        }
      case .sent(let id):
        problem =
          dutyIDs.contains(id)
          ? nil
          : .unknownDutyAnchor(id, suggestion: Suggestion.nearest(to: id, in: dutyIDs))
      }
      if let problem { diagnostics.append(.init(.error, problem, at: due.location)) }
    }
    return diagnostics
  }

  /// The problems of a runbook's use of the vocabulary and library: `fact:` names, types and
  /// choice ids, and notifications that reuse a duty's id.
  package static func check(
    _ runbook: Runbook, vocabulary: FactVocabulary, dutyIDs: [String]
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for question in runbook.questions {
      guard let name = question.fact else { continue }
      let location = question.factLocation ?? question.location
      guard let fact = vocabulary.fact(name) else {
        let suggestion = Suggestion.nearest(to: name, in: vocabulary.names)
        diagnostics.append(
          .init(.error, ObligationProblem.unknownFact(name, suggestion: suggestion), at: location))
        continue
      }
      if !fact.type.questionTypes.contains(question.type) {
        diagnostics.append(
          .init(
            .error,
            ObligationProblem.factTypeMismatch(
              question: question.id, fact: name, factType: fact.type, type: question.type),
            at: location))
      } else if fact.type == .choice || fact.type == .multi {
        for choice in question.choiceIDs where !fact.choiceIDs.contains(choice) {
          let suggestion = Suggestion.nearest(to: choice, in: fact.choiceIDs)
          diagnostics.append(
            .init(
              .error,
              ObligationProblem.choiceNotInFact(choice, fact: name, suggestion: suggestion),
              at: location))
        }
      }
    }
    for rule in runbook.notifications where dutyIDs.contains(rule.id) {
      diagnostics.append(
        .init(.error, ObligationProblem.notificationShadowsDuty(rule.id), at: rule.location))
    }
    return diagnostics.sortedByLocation()
  }
}
