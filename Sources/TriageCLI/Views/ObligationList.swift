import IncidentLog
import RunbookCore

/// The duties of the library, as a table or as JSON (`triage obligations`).
struct ObligationList {
  var duties: [Duty]

  /// An aligned table: id, jurisdiction, reviewed, citation, then the title.
  func rendered() -> String {
    guard !duties.isEmpty else { return "No duties found.\n" }
    let rows =
      [["ID", "JURISDICTION", "REVIEWED", "CITATION", "TITLE"]]
      + duties.map { [$0.id, $0.jurisdiction, $0.reviewed, $0.citation, $0.title] }
    let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      (0..<4).map { row[$0].padding(toLength: widths[$0]) }.joined(separator: "  ") + "  "
        + row[4] + "\n"
    }.joined()
  }

  /// `{"format": "triage-obligations/1", "obligations": [{"id", "title", "jurisdiction", "citation", "url", "reviewed", "file"}]}`.
  var json: String {
    let items = duties.map { duty in
      JSONValue.object([
        .init("id", .string(duty.id)), .init("title", .string(duty.title)),
        .init("jurisdiction", .string(duty.jurisdiction)),
        .init("citation", .string(duty.citation)), .init("url", .string(duty.url)),
        .init("reviewed", .string(duty.reviewed)), .init("file", .string(duty.fileID)),
      ])
    }
    return JSONValue.object([
      JSONOutputFormat.obligations.member, .init("obligations", .array(items)),
    ])
    .prettyText
  }
}
