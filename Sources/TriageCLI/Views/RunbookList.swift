import IncidentLog
import RunbookCore

/// The runbooks found in the search folders, as a table or as JSON (`triage runbooks`).
struct RunbookList {
  var entries: [RunbookLibrary.Entry]

  /// An aligned table with a header: id, version, title, path.
  func rendered() -> String {
    guard !entries.isEmpty else { return "" }
    let rows =
      [["ID", "VERSION", "TITLE", "PATH"]]
      + entries.map { [$0.id, $0.version, $0.title, $0.path] }
    let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      (0..<3).map { row[$0].padding(toLength: widths[$0]) }.joined(separator: "  ") + "  "
        + row[3] + "\n"
    }.joined()
  }

  /// What is said, on standard error, when the search folders hold no runbook: where triage
  /// looked, and how to point it elsewhere.
  static func noneFound(searched folders: [String]) -> String {
    "No runbooks found. Searched, in order:\n"
      + folders.map { "  \(VisibleText.line($0))\n" }.joined()
      + "Give a folder with --runbooks DIR, or set TRIAGE_RUNBOOKS=DIR[:DIR...].\n"
  }

  /// `{"format": "triage-runbooks/1", "runbooks": [{"id", "version", "title", "path"}]}`.
  var json: String {
    let items = entries.map { entry in
      JSONValue.object([
        .init("id", .string(entry.id)), .init("version", .string(entry.version)),
        .init("title", .string(entry.title)), .init("path", .string(entry.path)),
      ])
    }
    return JSONValue.object([JSONOutputFormat.runbooks.member, .init("runbooks", .array(items))])
      .prettyText
  }
}

extension String {
  /// The text followed by spaces up to `length` characters (never cut).
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
