/// Case-insensitive search over records' answers, decision, actions, notifications and the
/// notes of their amendments.
///
/// Each record file is decoded (so that an unreadable one is named, never skipped) and scanned as
/// raw bytes for the text (ASCII letters folded), so only files that may match are compared
/// field by field.
package struct ArchiveSearch: Sendable {
  /// The text searched for.
  package let text: String
  private let folded: String
  private let needle: FoldedLiteral?

  /// A search for `text`.
  package init(_ text: String) {
    self.text = text
    folded = text.lowercased()
    // The byte prefilter is exact only for text the JSON writer stores unescaped, with only
    // ASCII letters to fold.
    let bytes = Array(text.utf8)
    let plain = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }
    needle = plain ? FoldedLiteral(bytes) : nil
  }

  /// Calls `body` with each matching record, oldest first, and `unreadable` with each record
  /// file that is not a readable record (whether or not it might have matched).
  package func forEachMatch(
    in store: ArchiveStore, unreadable: (UnreadableRecord) -> Void = { _ in },
    _ body: (SearchMatch) throws -> Void
  ) throws {
    let index = try AmendmentIndex(
      store: store, prefilter: { bytes in needle?.isFound(in: bytes) ?? true },
      mark: { $0.change.text.map(contains) ?? false })
    try store.forEachRecordFile(unreadable: unreadable) { location in
      let notes = index.isMarked(location.id)
      let bytes: [UInt8]
      do throws(ArchiveError) {
        bytes = try store.documentBytes(atAbsolutePath: store.absolute(location.path))
      } catch {
        return unreadable(UnreadableRecord(path: location.path, error: error))
      }
      // Every file is decoded, even one the byte scan rules out, so that an unreadable record
      // is always named; only a record that may match has its amendments read and applied
      // (they cannot make a record unreadable).
      let mayMatch = notes || (needle?.isFound(in: bytes) ?? true)
      let document: StoredDocument
      let record: IncidentRecord
      do {
        document = try store.document(location, from: bytes)
        record = try IncidentRecord(json: document.document)
      } catch let error as ArchiveError {
        return unreadable(UnreadableRecord(path: location.path, error: error))
      } catch {
        return unreadable(UnreadableRecord(path: location.path, reason: "\(error)"))
      }
      guard mayMatch else { return }
      let state = RecordState(
        stored: document, record: record,
        amendments: index.amendments(ofRecord: location.id, in: store))
      let fields = matchingFields(of: state)
      guard !fields.isEmpty else { return }
      try body(SearchMatch(state: state, fields: fields))
    }
  }

  /// The fields of `state` that contain the text.
  package func matchingFields(of state: RecordState) -> [SearchMatch.Field] {
    var fields: [SearchMatch.Field] = []
    func check(_ field: String, _ text: String?) {
      if let text, contains(text) { fields.append(.init(field: field, text: text)) }
    }
    let record = state.record
    for answer in record.answers ?? [] {
      check("answers.\(answer.name)", Self.searchedText(answer.value))
    }
    check("decision", record.decision)
    for action in record.actions ?? [] {
      let prefix = "actions.\(action.id)."
      check(prefix + "id", action.id)
      check(prefix + "title", action.title)
      check(prefix + "owner", action.owner)
      check(prefix + "details", action.details)
    }
    for notification in record.notifications ?? [] {
      let prefix = "notifications.\(notification.id)."
      check(prefix + "id", notification.id)
      check(prefix + "to", notification.to)
      check(prefix + "basis", notification.basis)
      check(prefix + "draft", notification.draft)
    }
    check("threat_model.because", record.threatModel?.because)
    for (list, items) in [
      ("not_required", record.notRequired ?? []), ("undetermined", record.undetermined ?? []),
    ] {
      for item in items {
        check("\(list).\(item.id).because", item.because)
      }
    }
    for amendment in state.amendments {
      if let note = amendment.change.text {
        check("amendments.\(amendment.id).\(amendment.change.type)", note)
      }
    }
    return fields
  }

  /// An answer as searched: lists joined with ", ", yes/no, numbers as written; nil for null.
  private static func searchedText(_ value: RecordValue) -> String? {
    switch value {
    case .null: nil
    case .string(let text): text
    case .list(let items): items.joined(separator: ", ")
    case .boolean, .number: ReportGenerator.display(value)
    }
  }

  /// Whether `candidate` contains the text, ignoring letter case.
  package func contains(_ candidate: String) -> Bool {
    candidate.lowercased().contains(folded)
  }
}
