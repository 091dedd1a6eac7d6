import Foundation
import YAMLLite

/// Checks that every due time counts from something that gives a time.
///
/// A due time counts from a date or datetime answer, from `recorded`, or from an earlier
/// notification's `ID.sent`; anything else cannot give a time. Every anchor of an `earliest of`
/// is checked, each at its own column.
///
/// A runbook with `obligations:` may also count from a library duty's `ID.sent`. Its library is
/// attached after it loads, so such anchors are left alone while it loads without one and
/// checked once it is attached (`onlyLibraryAnchors`): against every duty when all its files
/// were read (lint, scenarios), else against the file ids a duty id starts with.
enum DueAnchorRule {
  static func check(_ runbook: Runbook, onlyLibraryAnchors: Bool = false) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let notificationIDs = runbook.notifications.map(\.id)
    let usesLibrary = runbook.obligations != nil
    let library = runbook.obligationLibrary
    let dutyIDs = library?.duties.map(\.id) ?? []
    /// Whether `id` may be a duty of the library (nil: not known until it is attached).
    func isDuty(_ id: String) -> Bool? {
      guard let library else { return nil }
      if dutyIDs.contains(id) { return true }
      return library.unread.contains { file in
        let collapsed = file.id.replacingOccurrences(of: "--", with: "-")
        return id.hasPrefix(file.id + "-") || id.hasPrefix(collapsed + "-")
      }
    }
    func check(_ due: DueTime?, earlierNotifications: ArraySlice<String>) {
      guard let due else { return }
      // Worked out only when there is a problem to report.
      var offsets: [Int] { DueRule.anchorOffsets(in: due.source) }
      for (index, clause) in due.rule.clauses.enumerated() {
        // Where the anchor is written: found only when there is a problem to report there.
        var start: SourceLocation {
          let all = offsets
          return due.origin.location(at: index < all.count ? all[index] : 0)
        }
        check(clause.anchor, at: { start }, earlierNotifications: earlierNotifications)
      }
    }
    func check(
      _ anchor: DueAnchor, at start: () -> SourceLocation,
      earlierNotifications: ArraySlice<String>
    ) {
      if onlyLibraryAnchors {
        guard case .sent(let id) = anchor, !notificationIDs.contains(id), isDuty(id) == false
        else { return }
        let candidates = Array(earlierNotifications) + dutyIDs
        let problem = LintProblem.sentAnchorNoDuty(
          id, suggestion: Suggestion.nearest(to: id, in: candidates))
        diagnostics.append(.init(.error, problem, at: start()))
        return
      }
      switch anchor {
      case .immediately, .recorded:
        return
      case .answer(let name):
        if let question = runbook.question(name) {
          if question.type != .date && question.type != .datetime {
            diagnostics.append(
              .init(.error, LintProblem.dueAnchorNotATime(name, type: question.type), at: start()))
          }
        } else if runbook.derivations.contains(where: { $0.name == name }) {
          diagnostics.append(.init(.error, LintProblem.dueAnchorDerived(name), at: start()))
        } else {
          let candidates =
            runbook.questions.filter { $0.type == .date || $0.type == .datetime }.map(\.id)
            + ["recorded"]
          let suggestion = Suggestion.nearest(to: name, in: candidates)
          diagnostics.append(
            .init(.error, LintProblem.unknownDueAnchor(name, suggestion: suggestion), at: start()))
        }
      case .sent(let id):
        guard !earlierNotifications.contains(id) else { return }
        // A library duty's: checked once the library is attached.
        if usesLibrary && !notificationIDs.contains(id) && isDuty(id) != false { return }
        let problem = LintProblem.sentAnchorNotEarlier(
          id, isLater: notificationIDs.contains(id),
          suggestion: Suggestion.nearest(to: id, in: Array(earlierNotifications)))
        diagnostics.append(.init(.error, problem, at: start()))
      }
    }
    // A `default-due` is checked as its `due` is.
    for rule in runbook.actions {
      check(rule.due, earlierNotifications: notificationIDs[...])
      check(rule.defaultDue, earlierNotifications: notificationIDs[...])
    }
    for (index, rule) in runbook.notifications.enumerated() {
      check(rule.due, earlierNotifications: notificationIDs[..<index])
      check(rule.defaultDue, earlierNotifications: notificationIDs[..<index])
    }
    return diagnostics
  }
}
