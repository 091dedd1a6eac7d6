import IncidentLog
import RunbookCore

/// One duty in full, as text or JSON (`triage obligations show ID`).
struct ObligationDetail {
  var duty: Duty

  func rendered() -> String {
    var lines = ["\(duty.title)", "", "id: \(duty.id) (file \(duty.fileID))"]
    lines.append("jurisdiction: \(duty.jurisdiction)")
    lines.append("to: \(duty.rule.to.source)")
    lines.append("citation: \(duty.citation)")
    lines.append("url: \(duty.url)")
    lines.append("reviewed: \(duty.reviewed)")
    if duty.inForceFrom != nil || duty.inForceUntil != nil {
      lines.append(
        "in force: \(duty.inForceFrom?.description ?? "...") to "
          + (duty.inForceUntil?.description ?? "..."))
    }
    if let when = duty.rule.when { lines.append("when: \(when.source)") }
    if let due = duty.rule.due { lines.append("due: \(due.source)") }
    if let words = duty.noFixedDeadline { lines.append("no fixed deadline: '\(words)'") }
    for (title, entries) in [
      ("not required", duty.rule.notRequired), ("undetermined", duty.rule.undetermined),
    ] where !entries.isEmpty {
      lines.append("\(title):")
      for entry in entries {
        lines.append("  - when: \(entry.when?.source ?? "(always)")")
        lines.append("    because: \(entry.because.source)")
      }
    }
    for (title, items) in [
      ("thresholds", duty.thresholds), ("content requires", duty.contentRequires),
      ("content forbids", duty.contentForbids),
    ] where !items.isEmpty {
      lines.append("\(title):")
      lines += items.map { "  - \($0)" }
    }
    if let delay = duty.delay { lines.append("delay: \(delay)") }
    if let draft = duty.rule.draft {
      lines.append("draft:")
      lines += draft.source.split(separator: "\n", omittingEmptySubsequences: false).map {
        "  \($0)"
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  var json: String {
    func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }
    func reasons(_ entries: [OutcomeReason]) -> JSONValue {
      .array(
        entries.map {
          .object([
            .init("when", $0.when.map { .string($0.source) } ?? .null),
            .init("because", .string($0.because.source)),
          ])
        })
    }
    return JSONValue.object([
      .init("id", .string(duty.id)), .init("file", .string(duty.fileID)),
      .init("title", .string(duty.title)), .init("jurisdiction", .string(duty.jurisdiction)),
      .init("to", .string(duty.rule.to.source)), .init("citation", .string(duty.citation)),
      .init("url", .string(duty.url)), .init("reviewed", .string(duty.reviewed)),
      .init("in_force_from", duty.inForceFrom.map { .string($0.description) } ?? .null),
      .init("in_force_until", duty.inForceUntil.map { .string($0.description) } ?? .null),
      .init("when", duty.rule.when.map { .string($0.source) } ?? .null),
      .init("due", duty.rule.due.map { .string($0.source) } ?? .null),
      .init("no_fixed_deadline", duty.noFixedDeadline.map(JSONValue.string) ?? .null),
      .init("not_required", reasons(duty.rule.notRequired)),
      .init("undetermined", reasons(duty.rule.undetermined)),
      .init("thresholds", strings(duty.thresholds)),
      .init("content_requires", strings(duty.contentRequires)),
      .init("content_forbids", strings(duty.contentForbids)),
      .init("delay", duty.delay.map(JSONValue.string) ?? .null),
      .init("draft", duty.rule.draft.map { .string($0.source) } ?? .null),
    ]).stamped(.obligationsShow).prettyText
  }
}

/// One obligation file: its sources and duties (`triage obligations show FILE-ID`).
struct ObligationFileDetail {
  var file: ObligationFile

  func rendered() -> String {
    var lines = [file.title, "", "file: \(file.id) (\(file.file))"]
    lines.append("jurisdiction: \(file.jurisdiction)")
    lines.append("reviewed: \(file.reviewed)")
    if !file.sources.isEmpty {
      lines.append("sources:")
      lines += file.sources.map { "  - \($0.title): \($0.url)" }
    }
    lines.append("duties:")
    lines += file.duties.map { "  - \($0.id): \($0.title) (\($0.citation))" }
    return lines.joined(separator: "\n") + "\n"
  }

  var json: String {
    JSONValue.object([
      .init("id", .string(file.id)), .init("title", .string(file.title)),
      .init("jurisdiction", .string(file.jurisdiction)), .init("reviewed", .string(file.reviewed)),
      .init(
        "sources",
        .array(
          file.sources.map {
            .object([.init("title", .string($0.title)), .init("url", .string($0.url))])
          })),
      .init("duties", .array(file.duties.map { .string($0.id) })),
    ]).stamped(.obligationsShow).prettyText
  }
}
