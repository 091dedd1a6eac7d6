import Foundation
import YAMLLite

/// A due time counts from a date or datetime answer, from `recorded`, or from an earlier
/// notification's `ID.sent`; anything else cannot give a time.
enum DueAnchorRule {
  static func check(_ runbook: Runbook, names: NameTable) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let notificationIDs = runbook.notifications.map(\.id)
    func check(_ due: DueTime?, earlierNotifications: ArraySlice<String>) {
      guard let due else { return }
      // Where the anchor is written: found only when there is a problem to report there.
      var start: SourceLocation { due.origin.location(at: due.anchorOffset) }
      switch due.rule.anchor {
      case .immediately, .recorded:
        return
      case .answer(let name):
        if let question = runbook.question(name) {
          if question.type != .date && question.type != .datetime {
            diagnostics.append(
              .init(.error, LintProblem.dueAnchorNotATime(name, type: question.type), at: start))
          }
        } else if runbook.derivations.contains(where: { $0.name == name }) {
          diagnostics.append(.init(.error, LintProblem.dueAnchorDerived(name), at: start))
        } else {
          let candidates =
            runbook.questions.filter { $0.type == .date || $0.type == .datetime }.map(\.id)
            + ["recorded"]
          let suggestion = Suggestion.nearest(to: name, in: candidates)
          diagnostics.append(
            .init(.error, LintProblem.unknownDueAnchor(name, suggestion: suggestion), at: start))
        }
      case .sent(let id):
        guard !earlierNotifications.contains(id) else { return }
        let problem = LintProblem.sentAnchorNotEarlier(
          id, isLater: notificationIDs.contains(id),
          suggestion: Suggestion.nearest(to: id, in: Array(earlierNotifications)))
        diagnostics.append(.init(.error, problem, at: start))
      }
    }
    for rule in runbook.actions {
      check(rule.due, earlierNotifications: notificationIDs[...])
    }
    for (index, rule) in runbook.notifications.enumerated() {
      check(rule.due, earlierNotifications: notificationIDs[..<index])
    }
    return diagnostics
  }
}

extension DueTime {
  /// Where the anchor name starts in the phrase: after the last `after` and its spaces.
  var anchorOffset: Int {
    // Searched in the UTF-8 bytes (Foundation's `range(of:options:)` goes through `NSString`).
    let bytes = Array(source.utf8)
    let word = Array("after".utf8)
    guard
      var end = stride(from: bytes.count - word.count, through: 0, by: -1).first(where: {
        bytes[$0..<($0 + word.count)].elementsEqual(word)
      }).map({ $0 + word.count })
    else { return 0 }
    while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
    return CharacterOffsets(source, bytes: bytes).character(end)
  }
}
