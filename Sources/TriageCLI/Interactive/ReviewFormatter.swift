import RunbookCore
import TriageSession

/// The review shown before anything is written: every answer, numbered so that it can be
/// changed, and the outcomes those answers give.
struct ReviewFormatter {
  let session: Session
  let outcomes: Outcomes
  let style: TextStyle

  /// The questions listed in the review, in order: the answered, reachable ones.
  var listed: [Question] {
    session.reachable().compactMap { entry in
      entry.question.type == .note ? nil : entry.question
    }
  }

  func rendered() -> String {
    var lines = ["", style.bold("Review your answers")]
    for (index, question) in listed.enumerated() {
      let value = session.given[question.id] ?? .unset
      let shown = value == .unset ? "(skipped)" : value.rendered
      lines.append("  \(index + 1). \(question.id): \(shown)")
    }
    lines.append("")
    lines.append(style.bold("Outcome"))
    lines.append("  Severity: \(outcomes.severity.rawValue)")
    lines.append("  Decision: \(outcomes.decision)")
    if outcomes.actions.isEmpty {
      lines.append("  Actions: none")
    } else {
      lines.append("  Actions:")
      for action in outcomes.actions {
        lines.append(
          "    - \(action.title) (\(action.owner ?? "no owner"), \(Self.text(action.due)))")
      }
    }
    if outcomes.notifications.isEmpty {
      lines.append("  Notifications: none")
    } else {
      lines.append("  Notifications:")
      for notification in outcomes.notifications {
        lines.append("    - \(notification.to) (\(Self.text(notification.due)))")
      }
    }
    lines.append("")
    lines.append(
      style.dim(
        "(y to write the record, a number to change that answer, q to quit without writing)"))
    return lines.joined(separator: "\n") + "\n"
  }

  /// `due 2026-04-03T09:00:00Z`, `pending until authority.sent`, or `no due time`.
  static func text(_ due: DueState) -> String {
    switch due {
    case .none: return "no due time"
    case .at(let date): return "due \(UTCTimestamp.string(from: date))"
    case .pending(let anchor): return "pending until \(anchor)"
    }
  }
}
