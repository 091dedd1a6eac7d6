import RunbookCore

/// Renders the Markdown report of an incident record: what a tech lead reads in two minutes.
///
/// The report is made from the record's JSON alone (not from the session), so that any record in
/// the archive, old or new, renders the same way. Its order: the TLP marking; the decision and
/// severity; the three questions answered in plain words; actions; notifications with drafts; the
/// question-and-answer trail; where the record came from.
///
/// The three answers follow conventions documented in the README: the threat model changed when
/// the runbook derives `threat_model_changed` as true (or, without it, when severity is above
/// `none`); credentials to rotate are the actions whose id starts with `rotate-`; whom to notify
/// are the notifications.
package enum ReportGenerator {
  package static func markdown(of record: JSONValue) -> String {
    let text = { (key: String) in record[key]?.stringValue ?? "" }
    var lines: [String] = []
    lines.append("**\(text("tlp"))**")
    lines.append("")
    lines.append("# Incident record \(text("id"))")
    lines.append("")
    lines.append("**Decision:** \(text("decision"))")
    lines.append("")
    lines.append("**Severity:** \(text("severity"))")
    lines.append("")
    let actions = byDueTime(record["actions"]?.arrayValue ?? [])
    let notifications = byDueTime(record["notifications"]?.arrayValue ?? [])
    lines += threeQuestions(record, actions: actions, notifications: notifications)
    lines.append("## Actions")
    lines.append("")
    if actions.isEmpty {
      lines.append("None.")
    } else {
      lines.append("| due | action | owner | status |")
      lines.append("|---|---|---|---|")
      for action in actions {
        let due = dueText(action)
        let title = MarkdownText.tableCell(action["title"]?.stringValue ?? "")
        let owner = MarkdownText.tableCell(action["owner"]?.stringValue ?? "-")
        lines.append("| \(due) | \(title) | \(owner) | \(action["status"]?.stringValue ?? "") |")
      }
      for action in actions {
        guard let details = action["details"]?.stringValue, !details.isEmpty else { continue }
        lines.append("")
        lines.append(
          "- **\(action["title"]?.stringValue ?? "")**: \(MarkdownText.oneLine(details))")
      }
    }
    lines.append("")
    lines.append("## Notifications")
    lines.append("")
    if notifications.isEmpty { lines.append("None.") }
    for notification in notifications {
      lines.append("### \(notification["to"]?.stringValue ?? "") (by \(dueText(notification)))")
      lines.append("")
      if let basis = notification["basis"]?.stringValue {
        lines.append("Basis: \(basis)")
        lines.append("")
      }
      if let draft = notification["draft"]?.stringValue, !draft.isEmpty {
        lines.append("```text")
        lines.append(draft.hasSuffix("\n") ? String(draft.dropLast()) : draft)
        lines.append("```")
        lines.append("")
      }
    }
    lines += trail(record)
    lines.append("## Record")
    lines.append("")
    let runbook = record["runbook"]
    lines.append(
      "- Runbook: \(runbook?["id"]?.stringValue ?? "") \(runbook?["version"]?.stringValue ?? "")"
        + " (sha256 `\(runbook?["sha256"]?.stringValue ?? "")`)")
    lines.append("- Responder: \(text("responder")) (\(text("mode")))")
    lines.append("- Created: \(text("created_at"))")
    if let hash = record["integrity"]?["sha256"]?.stringValue {
      lines.append("- Record sha256: `\(hash)`")
    }
    lines.append("")
    return lines.joined(separator: "\n")
  }

  private static func threeQuestions(
    _ record: JSONValue, actions: [JSONValue], notifications: [JSONValue]
  ) -> [String] {
    var lines = ["## The three questions", ""]
    let changed: Bool
    if case .bool(let flag)? = record["derived"]?["threat_model_changed"] {
      changed = flag
    } else {
      changed = (record["severity"]?.stringValue ?? "none") != "none"
    }
    lines.append(
      "1. **Does this change our threat model?** "
        + (changed ? "Yes." : "No.") + " Severity \(record["severity"]?.stringValue ?? "none").")
    let rotations = actions.filter { ($0["id"]?.stringValue ?? "").hasPrefix("rotate-") }
    if rotations.isEmpty {
      lines.append("2. **Do we rotate credentials?** No rotation is required.")
    } else {
      let list = rotations.map { "\($0["title"]?.stringValue ?? "") by \(dueText($0))" }
      lines.append("2. **Do we rotate credentials?** Yes: " + list.joined(separator: "; ") + ".")
    }
    if notifications.isEmpty {
      lines.append("3. **Do we notify anyone?** No notification is required.")
    } else {
      let list = notifications.map { "\($0["to"]?.stringValue ?? "") by \(dueText($0))" }
      lines.append("3. **Do we notify anyone?** Yes: " + list.joined(separator: "; ") + ".")
    }
    lines.append("")
    return lines
  }

  private static func trail(_ record: JSONValue) -> [String] {
    var lines = ["## Questions and answers", ""]
    for entry in record["trail"]?.arrayValue ?? [] {
      let answer = display(entry["answer"] ?? .null)
      lines.append(
        "- \(MarkdownText.oneLine(entry["asked"]?.stringValue ?? "")) **\(answer)** "
          + "(`\(entry["question"]?.stringValue ?? "")`, \(entry["at"]?.stringValue ?? ""))")
    }
    lines.append("")
    return lines
  }

  /// Soonest first; pending and undated items last, each group in the runbook's order.
  static func byDueTime(_ items: [JSONValue]) -> [JSONValue] {
    items.enumerated().sorted { lhs, rhs in
      let left = sortKey(lhs.element)
      let right = sortKey(rhs.element)
      return left == right ? lhs.offset < rhs.offset : left < right
    }.map(\.element)
  }

  private static func sortKey(_ item: JSONValue) -> String {
    guard let due = item["due"]?.stringValue, due != "pending" else { return "~" }
    return due
  }

  static func dueText(_ item: JSONValue) -> String {
    switch item["due"] {
    case .string(let text)? where text == "pending":
      return "pending (\(item["due_rule"]?.stringValue ?? ""))"
    case .string(let text)?: return text
    default: return "no due time"
    }
  }

  static func display(_ value: JSONValue) -> String {
    switch value {
    case .null: return "(skipped)"
    case .bool(let flag): return flag ? "yes" : "no"
    case .string(let text): return text.isEmpty ? "(empty)" : MarkdownText.oneLine(text)
    case .number(let number): return Value.number(number).rendered
    case .array(let items): return items.map(display).joined(separator: ", ")
    case .object: return "…"
    }
  }
}
