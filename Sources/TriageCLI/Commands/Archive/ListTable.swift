import IncidentLog
import RunbookCore

/// The columns of `triage archive list`'s text: every row is measured first, then each row's
/// line is made, padded to the widest value of each column.
///
/// Rows are read from the summary index (``ListRow``), measured and written from their bytes:
/// a cell of printable ASCII (nearly all) is as wide as it is long and needs no escaping, so
/// only a row with another character goes through `String` (``line(_:)``). The short ids come
/// from ``CompactShortIDs``; the matched rows' ids are kept (a few bytes each) only when a
/// filter leaves some out, so memory does not grow with the archive beyond the ids' table.
///
/// A class: the reading's closures use the one table, never a copy of it (and of its arrays'
/// references) a row.
final class ListTable {
  /// The widths of the created, severity, status and runbook columns.
  ///
  /// The table is used by one thread: its fields are not checked for overlapping access (a
  /// row costs no check).
  @exclusivity(unchecked) private var createdWidth = 0
  @exclusivity(unchecked) private var severityWidth = 0
  @exclusivity(unchecked) private var statusWidth = 0
  @exclusivity(unchecked) private var runbookWidth = 0
  /// The short id column's width, once ``finish(width:)`` worked it out.
  @exclusivity(unchecked) private var shortWidth = 0
  /// Every record's id.
  @exclusivity(unchecked) private var shortIDs = CompactShortIDs()
  /// Whether only some records are rows: their ids are then kept in ``keys`` and ``texts``.
  private let isFiltered: Bool
  @exclusivity(unchecked) private var keys: [CompactShortIDs.Key] = []
  /// The rows' ids that are not plain hex ids, with their cells' widths.
  @exclusivity(unchecked) private var texts: [(id: String, width: Int)] = []
  @exclusivity(unchecked) private var width = 80

  /// A table whose rows are every record, or (`isFiltered`) some of them.
  init(isFiltered: Bool) {
    self.isFiltered = isFiltered
  }

  /// Adds a record's id (each record's, a row or not) to those short ids are made unique in.
  func add(_ record: IndexedRecord) {
    shortIDs.add(record.idBytes, width: Self.cellWidth(record.idBytes))
  }

  /// Takes `row`'s cells into the columns' widths.
  func measure(_ row: ListRow) {
    let columns = row.columns
    let bytes = row.record.payload
    let created = bytes[columns.createdAt]
    createdWidth = max(
      createdWidth,
      Self.isPlain(created)
        ? min(created.count, 16) : Self.cell(Self.created(row.text(columns.createdAt))).count)
    severityWidth = max(severityWidth, Self.cellWidth(bytes[columns.severity]))
    statusWidth = max(statusWidth, columns.isClosed ? 6 : 4)
    runbookWidth = max(runbookWidth, Self.cellWidth(bytes[columns.runbookID]))
    guard isFiltered else { return }
    let id = row.record.idBytes
    if let key = CompactShortIDs.key(id, width: Self.cellWidth(id)) {
      keys.append(key)
    } else {
      texts.append((row.id, Self.cellWidth(id)))
    }
  }

  /// Works out the short id column's width, once every record was added, for lines fitting
  /// `width`.
  func finish(width: Int) {
    shortIDs.sort()
    self.width = width
    guard isFiltered else {
      shortWidth = shortIDs.widestName
      return
    }
    for key in keys {
      shortWidth = max(shortWidth, shortIDs.shortLength(of: key) ?? Int(key.width))
    }
    for text in texts {
      let name = shortIDs.name(of: text.id)
      shortWidth = max(shortWidth, name == text.id ? text.width : Self.cell(name).count)
    }
    keys = []
    texts = []
  }

  /// `SHORT  CREATED  SEVERITY  STATUS  RUNBOOK  [CHAIN]  DECISION`, the decision cut to what is
  /// left of the width (at least ``ArchiveListCommand/minimumDecisionWidth``).
  func line(_ record: RecordSummary) -> String {
    let row = [Self.cell(shortIDs.name(of: record.id))] + Self.cells(record)
    let columnWidths = [shortWidth, createdWidth, severityWidth, statusWidth, runbookWidth]
    let head = (0..<5).map { ColumnText.padded(row[$0], columnWidths[$0]) + "  " }.joined()
    // A re-triage's chain is never cut: the decision takes what is left after it.
    var chain = ""
    if let earlier = record.revises { chain += "revises \(shortIDs.name(of: earlier))  " }
    if let later = record.supersededBy { chain += "revised by \(shortIDs.name(of: later))  " }
    let room = max(width - head.count - chain.count, ArchiveListCommand.minimumDecisionWidth)
    return head + chain + ColumnText.truncated(record.decision, to: room)
  }

  /// Appends `row`'s line and a line break to `output`; nil when the row's summary does not
  /// decode.
  ///
  /// The line is as ``line(_:)`` makes it, visible (see ``TextOutput/write(visible:)``).
  /// `ordinal` is the row's record's place among those given to ``add(_:)`` (from 0), when
  /// known: its short name is then found without a search.
  func appendLine(_ row: ListRow, ordinal: Int = -1, to output: inout [UInt8]) -> Void? {
    let columns = row.columns
    let bytes = row.record.payload
    let id = row.record.idBytes
    let earlier = columns.revises.map { shortIDs.name(of: row.text($0)) }
    let later = columns.supersededBy.map { shortIDs.name(of: row.text($0)) }
    guard let key = CompactShortIDs.key(id, width: 0), Self.isPlain(bytes[columns.createdAt]),
      Self.isPlain(bytes[columns.severity]), Self.isPlain(bytes[columns.runbookID]),
      Self.isPlain(bytes[columns.decision]), earlier.map({ Self.isPlain($0.utf8) }) ?? true,
      later.map({ Self.isPlain($0.utf8) }) ?? true
    else {
      guard let summary = try? row.record.summary() else { return nil }
      // Its cells are escaped, but not a revised record's id: the line is written unescaped.
      output += Array(VisibleText.stream(line(summary)).utf8)
      output.append(0x0A)
      return ()
    }
    let shortLength = shortIDs.shortLength(of: key, ordinal: ordinal)
    // One pointer to the summary's bytes: no slice (and its reference count) per cell.
    bytes.withUnsafeBufferPointer { buffer in
      let base = bytes.startIndex
      func cell(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[(range.lowerBound - base)..<(range.upperBound - base)])
      }
      var head = 0
      if let shortLength {
        let hex = id[(id.lastIndex(of: UInt8(ascii: "-")).map { $0 + 1 } ?? id.startIndex)...]
        head += Self.append(cell: hex.prefix(shortLength), padded: shortWidth, to: &output)
      } else {
        head += Self.append(cell: id, padded: shortWidth, to: &output)
      }
      let created = cell(columns.createdAt)
      if created.count >= 16 {
        for byte in created[..<16] { output.append(byte == UInt8(ascii: "T") ? 0x20 : byte) }
        head += Self.pad(16, to: createdWidth, in: &output)
      } else {
        head += Self.append(cell: created, padded: createdWidth, to: &output)
      }
      head += Self.append(cell: cell(columns.severity), padded: severityWidth, to: &output)
      head += Self.append(
        cell: (columns.isClosed ? "closed" : "open").utf8, padded: statusWidth, to: &output)
      head += Self.append(cell: cell(columns.runbookID), padded: runbookWidth, to: &output)
      if let earlier {
        output += "revises ".utf8
        output += earlier.utf8
        output += "  ".utf8
        head += 10 + earlier.utf8.count
      }
      if let later {
        output += "revised by ".utf8
        output += later.utf8
        output += "  ".utf8
        head += 13 + later.utf8.count
      }
      let room = max(width - head, ArchiveListCommand.minimumDecisionWidth)
      Self.append(cell(columns.decision), cutTo: room, to: &output)
    }
    output.append(0x0A)
    return ()
  }

  /// Whether `bytes` are all printable ASCII: one column each, nothing to escape.
  static func isPlain(_ bytes: some Sequence<UInt8>) -> Bool {
    bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  /// Whether `bytes` are all printable ASCII, read through one pointer.
  static func isPlain(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      var isPlain = true
      for byte in buffer { isPlain = isPlain && byte >= 0x20 && byte < 0x7F }
      return isPlain
    }
  }

  /// The width of a plain cell (cut to 80 columns), else of its text's cell.
  private static func cellWidth(_ bytes: ArraySlice<UInt8>) -> Int {
    isPlain(bytes) ? min(bytes.count, 80) : cell(String(decoding: bytes, as: UTF8.self)).count
  }

  /// Appends the plain text `bytes` cut to 80 columns, padded to `width`, and two spaces;
  /// returns the columns taken.
  private static func append(
    cell bytes: some Collection<UInt8>, padded width: Int, to output: inout [UInt8]
  ) -> Int {
    append(bytes, cutTo: 80, to: &output)
    return pad(min(bytes.count, 80), to: width, in: &output)
  }

  /// Appends the spaces that pad a cell `count` columns wide to `width`, and two more; returns
  /// the columns the cell and its padding take.
  private static func pad(_ count: Int, to width: Int, in output: inout [UInt8]) -> Int {
    let total = max(count, width) + 2
    // A few spaces a cell: one byte at a time costs less than any collection appended.
    for _ in count..<total { output.append(UInt8(ascii: " ")) }
    return total
  }

  /// Appends the plain text `bytes`, cut to `width` columns with `…` when longer.
  private static func append(
    _ bytes: some Collection<UInt8>, cutTo width: Int, to output: inout [UInt8]
  ) {
    guard bytes.count > width else { return output.append(contentsOf: bytes) }
    output.append(contentsOf: bytes.prefix(width - 1))
    output.append(contentsOf: "…".utf8)
  }

  /// The created, severity, status and runbook cells; the creation time without seconds.
  private static func cells(_ record: RecordSummary) -> [String] {
    [created(record.createdAt), record.severity, record.status, record.runbookID].map(cell)
  }

  /// The creation time without seconds, `T` made a space.
  private static func created(_ createdAt: String) -> String {
    var created = String(createdAt.prefix(16))
    // Written from a date, so plain ASCII: Foundation's replacing would cost more than the rest.
    if created.count == 16 { created = String(created.map { $0 == "T" ? " " : $0 }) }
    return created
  }

  /// A cell as every column shows it: on one line, at most 80 characters.
  private static func cell(_ text: String) -> String { ColumnText.truncated(text, to: 80) }
}

extension RecordFilter {
  /// Whether the filter leaves any record out.
  var isFiltering: Bool {
    since != nil || until != nil || runbook != nil || severity != nil || status != nil
  }

  /// Whether `row` passes the filter (as ``matches(_:)-(RecordSummary)``), read from its bytes.
  func matches(_ row: ListRow) -> Bool {
    let bytes = row.record.payload
    let columns = row.columns
    if let runbook, !Self.same(bytes[columns.runbookID], runbook) { return false }
    if let severity, !Self.same(bytes[columns.severity], severity) { return false }
    if let status, status != (columns.isClosed ? "closed" : "open") { return false }
    if since != nil || until != nil {
      guard let created = UTCTimestamp.date(from: row.text(columns.createdAt)) else {
        return false
      }
      if let since, created < since { return false }
      if let until, created > until { return false }
    }
    return true
  }

  /// Whether `bytes` are the text `text` (compared as `String`s do beyond ASCII).
  private static func same(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
    if bytes.elementsEqual(text.utf8) { return true }
    guard bytes.contains(where: { $0 >= 0x80 }) || text.utf8.contains(where: { $0 >= 0x80 })
    else { return false }
    return String(decoding: bytes, as: UTF8.self) == text
  }
}

/// One record of `archive list` as the summary index holds it: the bytes of its summary and
/// where its columns are in them.
struct ListRow {
  let record: IndexedRecord
  let columns: SummaryColumns

  /// The row of `record`; nil when its summary does not decode.
  init?(_ record: IndexedRecord) {
    guard let columns = try? SummaryColumns(record.payload) else { return nil }
    self.record = record
    self.columns = columns
  }

  /// The record's id.
  var id: String { record.id }

  /// The text of the summary's bytes in `range`.
  func text(_ range: Range<Int>) -> String {
    String(decoding: record.payload[range], as: UTF8.self)
  }
}
