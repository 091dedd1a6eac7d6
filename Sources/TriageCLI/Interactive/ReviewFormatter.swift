import Foundation
import IncidentLog
import RunbookCore
import TriageSession

/// The review shown before anything is written: every answer, numbered so that it can be
/// changed, and the outcomes those answers give.
///
/// Foreign text cannot forge review lines: one-line values (ids, the decision, titles) have their
/// line breaks escaped as `\n`, and a multi-line answer keeps its lines, each continuation
/// indented under the answer's first character.
struct ReviewFormatter {
  let session: Session
  let outcomes: Outcomes
  let style: TextStyle
  /// For a re-triage: the id of the revised record and one line per changed outcome.
  var changes: (since: String, lines: [String])? = nil
  /// The time of the review: a deadline before it is marked overdue.
  var now: Date = .distantPast
  /// The zone shown beside UTC.
  var localTime: LocalTime = .utcOnly

  /// The questions listed in the review, in order: the answered, reachable ones.
  var listed: [Question] {
    session.reachable().compactMap { entry in
      entry.question.type == .note ? nil : entry.question
    }
  }

  func rendered() -> String {
    var lines = ["", style.bold("Review your answers")]
    var entries: [String: TrailEntry] = [:]
    for entry in session.trail where entry.source != nil { entries[entry.question] = entry }
    for (index, question) in listed.enumerated() {
      let value = session.given[question.id] ?? .unset
      let label = "  \(index + 1). \(VisibleText.line(question.id)): "
      let shown: String
      switch value {
      case .unset: shown = "(skipped)"
      case .time(let date): shown = localTime.string(from: date)
      default: shown = value.rendered
      }
      let indent = String(repeating: " ", count: label.count)
      var line = label + VisibleText.block(shown, indent: indent)
      if let note = entries[question.id].flatMap(Self.sourceNote) {
        line += "  " + style.dim("(" + VisibleText.line(note) + ")")
      }
      lines.append(line)
    }
    lines.append("")
    lines.append(style.bold("Outcome"))
    lines.append("  Severity: \(VisibleText.line(outcomes.severity.rawValue))")
    lines.append("  Decision: \(VisibleText.line(outcomes.decision))")
    if let threatModel = outcomes.threatModel {
      lines.append(
        VisibleText.line(
          "  Threat model changed? \(threatModel.changed ? "Yes" : "No"): \(threatModel.because)"))
    }
    if outcomes.actions.isEmpty {
      lines.append("  Actions: none")
    } else {
      lines.append("  Actions:")
      for action in outcomes.actions {
        lines.append(
          VisibleText.line(
            "    - \(action.title) (\(action.owner ?? "no owner"), \(text(action.due)))"))
      }
    }
    if outcomes.notifications.isEmpty {
      lines.append("  Notifications: none")
    } else {
      lines.append("  Notifications:")
      for notification in outcomes.notifications {
        lines.append(VisibleText.line("    - \(notification.to) (\(text(notification.due)))"))
      }
    }
    for (heading, items) in [
      ("Not required", outcomes.notRequired), ("Not yet determined", outcomes.undetermined),
    ] where !items.isEmpty {
      lines.append("  \(heading):")
      for item in items {
        lines.append(VisibleText.line("    - \(item.title): \(item.because)"))
      }
    }
    if let changes {
      lines.append("")
      lines.append(style.bold(VisibleText.line("What changed since \(changes.since)")))
      if changes.lines.isEmpty { lines.append("  No outcome changed.") }
      for line in changes.lines { lines.append(VisibleText.line("  " + line)) }
    }
    lines.append("")
    lines.append(
      style.dim(
        "(y to write the record, a number to change that answer, q to quit without writing)"))
    return lines.joined(separator: "\n") + "\n"
  }

  /// Where an answer came from: `from inventory, vendors/github.yaml:12`, or for an answer
  /// the responder changed, `changed from the inventory's: VALUE`; nil for a plain answer.
  static func sourceNote(_ entry: TrailEntry) -> String? {
    if let note = entry.source?.reviewNote { return note }
    guard let replaced = entry.replaced else { return nil }
    let place = entry.replacedSource?.reviewNote.map { " (\($0))" } ?? ""
    return "changed from the inventory's: \(replaced.rendered)\(place)"
  }

  /// `due 2026-04-03T09:00:00Z (2026-04-03 11:00 Europe/Paris)`, `pending until authority.sent`, or
  /// `no due time`; a time before `now` is followed by `OVERDUE`.
  func text(_ due: DueState) -> String {
    switch due {
    case .none: return "no due time"
    case .at(let date, let pending) where !pending.isEmpty:
      let waiting = pending.joined(separator: ", ")
      return "due \(localTime.string(from: date)) at the latest (\(waiting) not known yet)"
        + overdue(date)
    case .at(let date, _): return "due \(localTime.string(from: date))" + overdue(date)
    case .pending(let anchor): return "pending until \(anchor)"
    }
  }

  /// `, OVERDUE` when `date` is before the review, else nothing.
  private func overdue(_ date: Date) -> String {
    date < now ? ", OVERDUE" : ""
  }
}
