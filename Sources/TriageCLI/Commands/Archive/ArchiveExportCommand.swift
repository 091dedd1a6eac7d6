import Foundation
import IncidentLog

extension Command {
  /// `triage archive export --format jsonl|csv|md [--rows records|actions|notifications|items]
  /// [--include-red] [--output FILE]`.
  static let archiveExport = Command(
    "export",
    abstract: "Export the records as JSON Lines, CSV or a Markdown table.",
    discussion: """
      --rows records (the default) gives one row per record: id, created_at, runbook, \
      severity, status, tlp, responder, decision, open_actions, open_notifications. --rows \
      actions gives one row per action: record, created_at, runbook, severity, tlp, action, \
      title, owner, due, status, note. --rows notifications gives one row per notification: \
      record, created_at, runbook, severity, tlp, notification, to, due, status, sent_at, basis. \
      --rows items gives actions and notifications in one table, one row each: record, \
      created_at, runbook, severity, tlp, kind (action or notification), item, title (of an \
      action), recipient (of a notification), owner, due, due_rule, status, sent_at, note (an \
      action's note, a notification's basis).

      csv is RFC 4180 with a header row and CRLF line ends; a field starting with = + - or @ \
      gets a leading ' so that spreadsheets do not run it as a formula. jsonl writes one JSON \
      object per line: for records, {"record", "amendments", "status"}. md is a GFM table whose \
      cells are literal text: Markdown and HTML in them are escaped.

      Records marked TLP:RED are left out unless --include-red is given. Output goes to \
      standard output, or to --output FILE, written whole or not at all.

      \(Command.unreadableRecordsDiscussion)
      """,
    options: [
      .value(
        .format, valueName: "format", help: "jsonl, csv or md.", choices: ["jsonl", "csv", "md"]),
      .value(
        .rows, valueName: "rows", help: "records (default), actions, notifications or items.",
        choices: ["records", "actions", "notifications", "items"]),
      .flag(.includeRed, help: "Include records marked TLP:RED."),
      .value(.output, short: "o", valueName: "file", help: "Write to FILE instead."),
      .skipUnreadable, .archive,
    ],
    action: ArchiveExportCommand.run)
}

/// What `triage archive export` does.
enum ArchiveExportCommand {
  enum Format: String, CaseIterable { case jsonl, csv, md }

  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    guard let formatText = invocation.value(.format) else {
      throw CommandFailure("give --format jsonl, csv or md", exit: .usage)
    }
    guard let format = Format(rawValue: formatText) else {
      throw CommandError.unknownValue(
        what: "format", value: formatText, allowed: ["jsonl", "csv", "md"])
    }
    let rowsText = invocation.value(.rows) ?? "records"
    guard let rows = ExportRows(rawValue: rowsText) else {
      throw CommandError.unknownValue(
        what: "rows", value: rowsText, allowed: ExportRows.allCases.map(\.rawValue))
    }
    let store = try context.existingArchive(invocation)
    let includeRed = invocation.flag(.includeRed)
    let outputPath = invocation.value(.output).map(context.resolvedPath)
    var buffer = ""
    let emit: (String) -> Void = { text in
      if outputPath == nil { context.dataOutput.write(text) } else { buffer += text }
    }
    switch format {
    case .csv: emit(CSVWriter.line(rows.columns))
    case .md:
      emit("| " + rows.columns.joined(separator: " | ") + " |\n")
      emit("|" + String(repeating: "---|", count: rows.columns.count) + "\n")
    case .jsonl: break
    }
    var leftOut = 0
    var unreadable = UnreadableRecords(invocation, context, store: store)
    try ArchiveReader(store: store).forEachRecord(unreadable: { unreadable.note($0) }) { state in
      if state.tlp == "TLP:RED" && !includeRed {
        leftOut += 1
        return
      }
      switch format {
      case .csv: for row in rows.rows(of: state) { emit(CSVWriter.line(row)) }
      case .md: for row in rows.rows(of: state) { emit(markdownRow(row)) }
      case .jsonl:
        for object in rows.jsonObjects(of: state) { emit(CanonicalJSON.string(of: object) + "\n") }
      }
    }
    if let outputPath {
      do {
        try context.fileSystem.replaceFile(Array(buffer.utf8), at: outputPath)
      } catch {
        // The error's words start with the path, which the message already names.
        let words = error.description
        let reason =
          words.hasPrefix(outputPath + ": ") ? String(words.dropFirst(outputPath.count + 2)) : words
        throw OutputError.cannotWrite(path: outputPath, reason: reason)
      }
    }
    if leftOut > 0 {
      context.standardError.write(
        "triage: left out \(leftOut) TLP:RED record\(leftOut == 1 ? "" : "s") "
          + "(--include-red includes them)\n")
    }
    return unreadable.exit()
  }

  static func markdownRow(_ row: [String]) -> String {
    let cells = row.map(MarkdownText.tableCell)
    return "| " + cells.joined(separator: " | ") + " |\n"
  }
}
