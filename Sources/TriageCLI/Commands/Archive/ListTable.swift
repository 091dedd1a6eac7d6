import IncidentLog
import RunbookCore

/// The columns of `triage archive list`'s text: every row is measured first, then each row's
/// line is made, padded to the widest value of each column.
///
/// A row measured is kept in a few bytes (its id's ``ShortRecordIDs/Key`` and the id's width),
/// so the rows of a million records need not be held to know the short id column's width.
struct ListTable {
  /// The widths of the created, severity, status and runbook columns.
  private var widths = [0, 0, 0, 0]
  /// The short id column's width, once ``finish(shortIDs:width:)`` worked it out.
  private var shortWidth = 0
  /// Each row's id, as a key and the width of the whole id's cell.
  private var ids: [(key: ShortRecordIDs.Key, width: Int)] = []
  private var shortIDs = ShortRecordIDs()
  private var width = 80

  /// Takes `record`'s cells into the columns' widths.
  mutating func measure(_ record: RecordSummary) {
    let cells = Self.cells(record)
    for column in 0..<4 { widths[column] = max(widths[column], cells[column].count) }
    ids.append((ShortRecordIDs.Key(record.id), Self.cell(record.id).count))
  }

  /// Works out the short id column's width from `shortIDs` (sorted), for lines fitting `width`.
  mutating func finish(shortIDs: ShortRecordIDs, width: Int) {
    self.shortIDs = shortIDs
    self.width = width
    for id in ids {
      shortWidth = max(shortWidth, shortIDs.shortName(of: id.key).map(Self.cell)?.count ?? id.width)
    }
    ids = []
  }

  /// `SHORT  CREATED  SEVERITY  STATUS  RUNBOOK  [CHAIN]  DECISION`, the decision cut to what is
  /// left of the width (at least ``ArchiveListCommand/minimumDecisionWidth``).
  func line(_ record: RecordSummary) -> String {
    let row = [Self.cell(shortIDs.name(of: record.id))] + Self.cells(record)
    let columnWidths = [shortWidth] + widths
    let head = (0..<5).map { ColumnText.padded(row[$0], columnWidths[$0]) + "  " }.joined()
    // A re-triage's chain is never cut: the decision takes what is left after it.
    var chain = ""
    if let earlier = record.revises { chain += "revises \(shortIDs.name(of: earlier))  " }
    if let later = record.supersededBy { chain += "revised by \(shortIDs.name(of: later))  " }
    let room = max(width - head.count - chain.count, ArchiveListCommand.minimumDecisionWidth)
    return head + chain + ColumnText.truncated(record.decision, to: room)
  }

  /// The created, severity, status and runbook cells; the creation time without seconds.
  private static func cells(_ record: RecordSummary) -> [String] {
    var created = String(record.createdAt.prefix(16))
    // Written from a date, so plain ASCII: Foundation's replacing would cost more than the rest.
    if created.count == 16 { created = String(created.map { $0 == "T" ? " " : $0 }) }
    return [created, record.severity, record.status, record.runbookID].map(cell)
  }

  /// A cell as every column shows it: on one line, at most 80 characters.
  private static func cell(_ text: String) -> String { ColumnText.truncated(text, to: 80) }
}
