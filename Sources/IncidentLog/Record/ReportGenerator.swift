import Foundation
import RunbookCore

/// Renders the Markdown report of an incident record: what a tech lead reads in two minutes.
///
/// The report is made from the record alone (not from the session), so that any record in
/// the archive, old or new, renders the same way. Its order: the TLP marking; the decision and
/// severity; the three questions answered in plain words; actions; notifications with drafts; the
/// question-and-answer trail; where the record came from.
///
/// The three answers follow conventions documented in the README: the threat model is the
/// record's `threat_model` (yes or no, with the runbook's reason); in an older record without
/// it, it changed when the runbook derives `threat_model_changed` as true (or, without it, when
/// severity is above `none`). Credentials to rotate are the actions of kind rotate, revoke or
/// reset (in an old record without kinds, those whose id starts with `rotate-`), then those of
/// these kinds not required or not yet determined, with reasons; whom to notify are the
/// notifications, then those not required and those not yet determined, with reasons.
///
/// Beside each deadline that counts from an answer, the answer's value is shown:
/// `72 hours after discovered_at (2026-03-31 09:00 UTC)` (not in records older than the
/// `threat_model` member, whose reports stay as they were written).
///
/// Every text taken from the record goes through ``MarkdownText``, so that no answer, runbook
/// text, responder or id makes Markdown or HTML of its own: inline text on one line with
/// significant punctuation escaped, ids and hashes in code spans, drafts in a fence longer than
/// any backtick run inside.
package enum ReportGenerator {
  /// The report of `record`, its times in UTC with `localTime` beside them.
  ///
  /// With `marksOverdue` (the report written with the record, and `run --dry-run`), a deadline
  /// that had passed when the record was made, on an item still open, is marked `overdue at the
  /// time of the record`. A report rendered again later (`archive show`) leaves that out:
  /// `archive show` and `archive follow-ups` say what is overdue now, and the reports of older
  /// records render as they were written.
  package static func markdown(
    of record: IncidentRecord, localTime: LocalTime = .utcOnly, marksOverdue: Bool = false
  ) -> String {
    String(
      decoding: markdownBytes(of: record, localTime: localTime, marksOverdue: marksOverdue),
      as: UTF8.self)
  }

  /// ``markdown(of:localTime:marksOverdue:)`` as the UTF-8 bytes written to the report file:
  /// rendered straight into one buffer.
  package static func markdownBytes(
    of record: IncidentRecord, localTime: LocalTime = .utcOnly, marksOverdue: Bool = false
  ) -> [UInt8] {
    let anchors = anchorValues(record)
    let nameLengths = anchorNameLengths(anchors)
    /// `text` (the due text of `due`), marked overdue when it was at the record's time.
    func marked(_ text: String, _ due: IncidentRecord.Due, isOpen: Bool) -> String {
      var text = text
      if marksOverdue, isOpen, case .at(let date) = due, let created = record.createdAt,
        date < created
      {
        text += ", overdue at the time of the record"
      }
      return text
    }
    // A vendor run's report is about 15 KB; only the pages written are ever touched.
    var out = MarkdownLines(capacity: 1 << 15)
    out.line(literal: "**")
    out.write(record.tlp?.rawValue ?? "")
    out.write(literal: "**")
    out.line(literal: "")
    out.line(literal: "# Incident record ")
    out.inline(record.id)
    out.line(literal: "")
    out.line(literal: "**Decision:** ")
    out.inline(record.decision ?? "")
    out.line(literal: "")
    out.line(literal: "**Severity:** ")
    out.write(record.severity?.rawValue ?? "")
    out.line(literal: "")
    for line in revisionSection(record) { out.line(line) }
    let actions = byDueTime(record.actions ?? [], due: \.due)
    let notifications = byDueTime(record.notifications ?? [], due: \.due)
    // Each due text made once: the three questions and the tables below both show it.
    let actionDues = actions.map {
      Self.dueText(
        $0.due, rule: $0.dueRule, anchors: anchors, nameLengths: nameLengths,
        localTime: localTime)
    }
    let notificationDues = notifications.map {
      Self.dueText(
        $0.due, rule: $0.dueRule, anchors: anchors, nameLengths: nameLengths,
        localTime: localTime)
    }
    threeQuestions(
      record, actions: actions, actionDues: actionDues, notifications: notifications,
      notificationDues: notificationDues, to: &out)
    out.line(literal: "## Actions")
    out.line(literal: "")
    if actions.isEmpty {
      out.line(literal: "None.")
    } else {
      out.line(literal: "| due | action | owner | status |")
      out.line(literal: "|---|---|---|---|")
      for (action, due) in zip(actions, actionDues) {
        out.line(literal: "| ")
        out.inline(marked(due, action.due, isOpen: action.status == .open))
        out.write(literal: " | ")
        out.inline(action.title)
        out.write(literal: " | ")
        out.inline(action.owner ?? "-")
        out.write(literal: " | ")
        out.write(action.status.rawValue)
        out.write(literal: " |")
      }
      for action in actions {
        guard let details = action.details, !details.isEmpty else { continue }
        out.line(literal: "")
        out.line(literal: "- **")
        out.inline(action.title)
        out.write(literal: "**: ")
        out.inline(details)
      }
      // Which clock an action counts by when its runbook's `default-due` was used.
      for action in actions {
        guard let note = action.dueNote else { continue }
        out.line(literal: "")
        out.line(literal: "- **")
        out.inline(action.title)
        out.write(literal: "**: clock: ")
        out.inline(note)
      }
    }
    out.line(literal: "")
    out.line(literal: "## Notifications")
    out.line(literal: "")
    if notifications.isEmpty { out.line(literal: "None.") }
    for (notification, text) in zip(notifications, notificationDues) {
      let due = marked(text, notification.due, isOpen: notification.status == .open)
      out.line(literal: "### ")
      out.inline(notification.to)
      out.write(literal: " (by ")
      out.inline(due)
      out.write(literal: ")")
      out.line(literal: "")
      if let basis = notification.basis {
        out.line(literal: "Basis: ")
        out.inline(basis)
        out.line(literal: "")
      }
      if let note = notification.dueNote {
        out.line(literal: "Clock: ")
        out.inline(note)
        out.line(literal: "")
      }
      if let law = notification.obligation {
        out.line(literal: "Law: ")
        out.inline(law.jurisdiction)
        out.write(literal: ", ")
        out.codeSpan(law.url)
        out.write(literal: " (reviewed ")
        out.inline(law.reviewed)
        out.write(literal: ")")
        out.line(literal: "")
      }
      if let draft = notification.draft, !draft.isEmpty {
        out.startLine()
        out.fencedBlock(draft, info: "text")
        out.line(literal: "")
      }
    }
    trail(record.trail ?? [], localTime: localTime, to: &out)
    out.line(literal: "## Record")
    out.line(literal: "")
    let runbook = record.runbook
    out.line(literal: "- Runbook: ")
    out.inline(runbook?.id ?? "")
    out.write(literal: " ")
    out.inline(runbook?.version ?? "")
    out.write(literal: " (sha256 ")
    out.codeSpan(runbook?.sha256 ?? "")
    out.write(literal: ")")
    out.line(literal: "- Responder: ")
    out.inline(record.responder ?? "")
    out.write(literal: " (")
    out.write(record.mode?.rawValue ?? "")
    out.write(literal: ")")
    if let resumed = record.resumedFrom {
      out.line(literal: "- Resumed from draft ")
      out.inline(resumed.draft)
      out.write(literal: ", saved ")
      out.write(localTime.string(from: resumed.savedAt))
    }
    out.line(literal: "- Created: ")
    out.write(record.createdAt.map(localTime.string(from:)) ?? "")
    if let hash = record.integrity?.sha256 {
      out.line(literal: "- Record sha256: ")
      out.codeSpan(hash)
    }
    out.line(literal: "")
    return out.bytes
  }

  private static func threeQuestions(
    _ record: IncidentRecord, actions: [IncidentRecord.Action], actionDues: [String],
    notifications: [IncidentRecord.Notification], notificationDues: [String],
    to out: inout MarkdownLines
  ) {
    out.line(literal: "## The three questions")
    out.line(literal: "")
    out.line(literal: "1. **Does this change our threat model?** ")
    out.write(threatModelAnswer(record))
    // The items are read in place, not filtered into copies (an item holds many strings).
    let notRequired = record.notRequired ?? []
    let undetermined = record.undetermined ?? []
    let isNotification = { (item: IncidentRecord.UnrequiredItem) in item.type == .notification }
    if !actions.contains(where: \.isCredentialChange) {
      out.line(literal: "2. **Do we rotate credentials?** No rotation is required")
      out.write(undetermined.contains(where: \.isCredentialChange) ? " so far." : ".")
    } else {
      out.line(literal: "2. **Do we rotate credentials?** Yes: ")
      var isFirst = true
      for index in actions.indices where actions[index].isCredentialChange {
        if !isFirst { out.write(literal: "; ") }
        isFirst = false
        out.inline(joining: actions[index].title, " by ", actionDues[index])
      }
      out.write(literal: ".")
    }
    reasons(
      notRequired: notRequired, undetermined: undetermined, where: \.isCredentialChange, to: &out)
    if notifications.isEmpty {
      out.line(literal: "3. **Do we notify anyone?** No notification is required")
      out.write(undetermined.contains(where: isNotification) ? " so far." : ".")
    } else {
      out.line(literal: "3. **Do we notify anyone?** Yes: ")
      for index in notifications.indices {
        if index > 0 { out.write(literal: "; ") }
        out.inline(joining: notifications[index].to, " by ", notificationDues[index])
      }
      out.write(literal: ".")
    }
    reasons(notRequired: notRequired, undetermined: undetermined, where: isNotification, to: &out)
    if let day = record.lawAsOf {
      out.line(literal: "   - Law as of ")
      out.inline(day)
      out.write(literal: " (the day we became aware).")
    }
    out.line(literal: "")
  }

  /// `Yes: <because>` from the record's `threat_model`; in an older record, `Yes.` or `No.` by
  /// the old convention (`threat_model_changed`, else severity above none) and the severity.
  private static func threatModelAnswer(_ record: IncidentRecord) -> String {
    if let threatModel = record.threatModel {
      return (threatModel.changed ? "Yes: " : "No: ") + MarkdownText.inline(threatModel.because)
    }
    let severity = record.severity?.rawValue ?? "none"
    let changed: Bool
    if case .boolean(let flag)? = record.derived?.first(where: {
      $0.name == "threat_model_changed"
    })?.value {
      changed = flag
    } else {
      changed = severity != "none"
    }
    return (changed ? "Yes." : "No.") + " Severity \(severity)."
  }

  /// The lines under one of the three answers: `   - Not required: <title>: <because>` for each
  /// item not required that `isShown`, then `   - Not yet determined: <title>: <because>`.
  private static func reasons(
    notRequired: [IncidentRecord.UnrequiredItem], undetermined: [IncidentRecord.UnrequiredItem],
    where isShown: (IncidentRecord.UnrequiredItem) -> Bool, to out: inout MarkdownLines
  ) {
    for index in notRequired.indices where isShown(notRequired[index]) {
      out.line(literal: "   - Not required: ")
      out.inline(joining: notRequired[index].title, ": ", notRequired[index].because)
    }
    for index in undetermined.indices where isShown(undetermined[index]) {
      out.line(literal: "   - Not yet determined: ")
      out.inline(joining: undetermined[index].title, ": ", undetermined[index].because)
    }
  }

  private static func trail(
    _ trail: [IncidentRecord.TrailEntry], localTime: LocalTime, to out: inout MarkdownLines
  ) {
    out.line(literal: "## Questions and answers")
    out.line(literal: "")
    // Answers given together (an answers file) share their time: each time written once.
    var times = RepeatedTimeText(localTime.string(from:))
    for entry in trail {
      let time = times.text(of: entry.at)
      out.line(literal: "- ")
      out.inline(entry.asked, atLineStart: true)
      out.write(literal: " **")
      // A text as it is: `inline` puts it on one line, as `display` would first.
      if case .string(let text) = entry.answer, !text.isEmpty {
        out.inline(text)
      } else {
        out.inline(display(entry.answer))
      }
      out.write(literal: "** (")
      out.codeSpan(entry.question)
      out.write(literal: ", ")
      out.write(time)
      out.write(literal: ")")
    }
    out.line(literal: "")
  }

  /// Soonest first; pending and undated items last, each group in the runbook's order.
  ///
  /// Times are compared as their ``UTCTimestamp`` text would be (to the second, the text for
  /// a year from 0 to 9999 ordering as the times do): by whole seconds when every time is in
  /// those years, without making the text; else by the text.
  static func byDueTime<Item>(
    _ items: [Item], due: (Item) -> IncidentRecord.Due
  ) -> [Item] {
    // Each key made once, not once per comparison; pending and undated items after any time.
    var keys: [Int] = []
    keys.reserveCapacity(items.count)
    for item in items {
      guard case .at(let date) = due(item) else {
        keys.append(.max)
        continue
      }
      let seconds = date.timeIntervalSince1970.rounded(.down)
      guard fourDigitYears.contains(seconds) else { return byDueText(items, due: due) }
      keys.append(Int(seconds))
    }
    return items.indices.sorted { left, right in
      keys[left] == keys[right] ? left < right : keys[left] < keys[right]
    }.map { items[$0] }
  }

  /// The seconds since 1970 of the times from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z,
  /// whose ``UTCTimestamp`` text has four-digit years and orders as the times do.
  private static let fourDigitYears: ClosedRange<Double> = -62_167_219_200...253_402_300_799

  /// ``byDueTime(_:due:)`` by the times' text, for times outside the years 0 to 9999.
  private static func byDueText<Item>(
    _ items: [Item], due: (Item) -> IncidentRecord.Due
  ) -> [Item] {
    let keys = items.map { sortKey(due($0)) }
    return items.indices.sorted { left, right in
      keys[left] == keys[right] ? left < right : keys[left] < keys[right]
    }.map { items[$0] }
  }

  private static func sortKey(_ due: IncidentRecord.Due) -> String {
    guard case .at(let date) = due else { return "~" }
    return UTCTimestamp.string(from: date)
  }

  /// `2026-04-02T09:30:00Z`, `pending (1 month after authority.sent)` or `no due time`; when
  /// the rule counts from an answer, the rule and the answer's value follow the time:
  /// `2026-04-03T09:00:00Z, 72 hours after discovered_at (2026-03-31 09:00 UTC)`.
  ///
  /// - Parameter anchors: the displayed values of the record's time answers, by question id.
  static func dueText(
    _ due: IncidentRecord.Due, rule: String?, anchors: [String: String] = [:],
    nameLengths: UInt64? = nil, localTime: LocalTime = .utcOnly
  ) -> String {
    switch due {
    case .pending: return "pending (\(rule ?? ""))"
    case .none: return "no due time"
    case .at(let date):
      let time = localTime.string(from: date)
      guard let rule,
        let shown = ruleWithAnchorValues(rule, anchors: anchors, nameLengths: nameLengths)
      else { return time }
      return "\(time), \(shown)"
    }
  }

  /// `rule` with each name in it that is a time answer followed by its value in parentheses;
  /// nil when it names none.
  ///
  /// The names are found in the rule's text, word by word, so that every form of due phrase
  /// (one anchor, `earliest of` several) shows its anchors without reparsing the rule.
  ///
  /// - Parameter nameLengths: ``anchorNameLengths(_:)`` of `anchors`, when known.
  static func ruleWithAnchorValues(
    _ rule: String, anchors: [String: String], nameLengths: UInt64? = nil
  ) -> String? {
    guard !anchors.isEmpty else { return nil }
    let lengths = nameLengths ?? anchorNameLengths(anchors)
    // An ASCII rule is read from its bytes in place: there a letter or number `Character` is
    // an ASCII letter or digit, and each byte is a Character (CR LF aside, which is no word
    // either way).
    var isASCII = false
    var asciiResult: String?
    let readInPlace: Void? = rule.utf8.withContiguousStorageIfAvailable { bytes in
      isASCII = bytes.allSatisfy { $0 < 0x80 }
      if isASCII {
        asciiResult = asciiRuleWithAnchorValues(bytes, anchors: anchors, nameLengths: lengths)
      }
    }
    if readInPlace == nil, rule.utf8.allSatisfy({ $0 < 0x80 }) {
      isASCII = true
      asciiResult = Array(rule.utf8).withUnsafeBufferPointer {
        asciiRuleWithAnchorValues($0, anchors: anchors, nameLengths: lengths)
      }
    }
    if isASCII { return asciiResult }
    var result = ""
    var word = ""
    var found = false
    func flush() {
      result += word
      if let value = anchors[word] {
        result += " (\(value))"
        found = true
      }
      word = ""
    }
    for character in rule {
      if character.isLetter || character.isNumber || character == "_" {
        word.append(character)
      } else {
        flush()
        result.append(character)
      }
    }
    flush()
    return found ? result : nil
  }

  /// The lengths of the anchors' names, a bit each (the longest ones sharing the last).
  ///
  /// ``ruleWithAnchorValues(_:anchors:nameLengths:)`` looks up no word of another length (nor
  /// makes it a String), as most of a rule's words are. A name that is not ASCII may equal an
  /// ASCII word of another length (`\u{212A}` is `K` to `==`): then every word is looked up.
  static func anchorNameLengths(_ anchors: [String: String]) -> UInt64 {
    var lengths: UInt64 = 0
    for name in anchors.keys {
      let isASCII =
        name.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } }
        ?? name.utf8.allSatisfy { $0 < 0x80 }
      lengths |= isASCII ? 1 << UInt64(min(name.utf8.count, 63)) : ~0
    }
    return lengths
  }

  /// ``ruleWithAnchorValues(_:anchors:nameLengths:)`` for an ASCII rule, from its `bytes`: the
  /// result is made only once a name is found, from the bytes before it.
  private static func asciiRuleWithAnchorValues(
    _ bytes: UnsafeBufferPointer<UInt8>, anchors: [String: String], nameLengths lengths: UInt64
  ) -> String? {
    var result: [UInt8] = []
    // How many bytes of the rule are in `result`; nothing is copied until a name is found.
    var copied = 0
    var start = 0
    func isWordByte(_ byte: UInt8) -> Bool {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
    while start < bytes.count {
      var end = start
      while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
      guard end > start else {
        start += 1
        continue
      }
      if lengths & 1 << UInt64(min(end - start, 63)) != 0,
        let value = anchors[
          String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)]
      {
        if copied == 0 { result.reserveCapacity(bytes.count + 32) }
        result += UnsafeBufferPointer(rebasing: bytes[copied..<end])
        result += " (".utf8
        result += value.utf8
        result.append(UInt8(ascii: ")"))
        copied = end
      }
      start = end
    }
    guard !result.isEmpty else { return nil }
    result += UnsafeBufferPointer(rebasing: bytes[copied...])
    return String(decoding: result, as: UTF8.self)
  }

  /// The record's time answers as shown beside deadlines: `2026-03-31 09:00 UTC` for a
  /// datetime, the date itself for a date.
  ///
  /// A record written before records kept `threat_model`, `not_required` or `undetermined`
  /// renders as it always did (its stored report stays its report), so it gets none.
  static func anchorValues(_ record: IncidentRecord) -> [String: String] {
    guard record.threatModel != nil || record.notRequired != nil || record.undetermined != nil
    else { return [:] }
    var values: [String: String] = [:]
    for answer in record.answers ?? [] {
      // Every time `UTCTimestamp` reads starts with a day, `YYYY-MM-DD`: other answers are
      // passed over without being parsed.
      guard case .string(let text) = answer.value, startsWithDay(text) else { continue }
      if let date = UTCTimestamp.date(from: text), text.count > 10 {
        let full = UTCTimestamp.string(from: date)
        values[answer.name] =
          String(full.prefix(10)) + " " + String(full.dropFirst(11).prefix(5)) + " UTC"
      } else if text.count == 10, UTCTimestamp.date(from: text + "T00:00:00Z") != nil {
        values[answer.name] = text
      }
    }
    return values
  }

  /// Whether `text` has at least ten bytes, the fifth and eighth of them `-`: the shape of
  /// `YYYY-MM-DD`, which every time ``UTCTimestamp/date(from:)`` reads starts with.
  private static func startsWithDay(_ text: String) -> Bool {
    let dash = UInt8(ascii: "-")
    return text.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.count >= 10 && bytes[4] == dash && bytes[7] == dash
    } ?? true
  }

  /// A recorded value in words: `yes`, `(skipped)`, `(empty)`, items joined with commas.
  package static func display(_ value: RecordValue) -> String {
    switch value {
    case .null: "(skipped)"
    case .boolean(let flag): flag ? "yes" : "no"
    case .string(let text): text.isEmpty ? "(empty)" : MarkdownText.oneLine(text)
    case .number(let number): Value.number(number).rendered
    case .list(let items): items.map { display(.string($0)) }.joined(separator: ", ")
    }
  }

  /// `## What changed since ID`: a revision's `changes`, one line each, and the carried items;
  /// nothing for a record that revises none.
  static func revisionSection(_ record: IncidentRecord) -> [String] {
    guard let revises = record.revises else { return [] }
    var lines = ["## What changed since \(MarkdownText.inline(revises.id))", ""]
    let changes = RecordChanges.lines(of: record.changes ?? [])
    if changes.isEmpty { lines.append("No outcome changed.") }
    for line in changes { lines.append("- " + MarkdownText.inline(line, atLineStart: true)) }
    if let carried = record.carried, !carried.isEmpty {
      lines.append("")
      lines.append(
        "Still open from \(MarkdownText.inline(revises.id)): "
          + carried.map { MarkdownText.inline($0) }.joined(separator: ", "))
    }
    lines.append("")
    return lines
  }
}
