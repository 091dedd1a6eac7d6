/// Case-insensitive search over records' answers, decision, actions, notifications and the
/// notes of their amendments.
///
/// Each record file is decoded (so that an unreadable one is named, never skipped) and scanned as
/// raw bytes for the text (ASCII letters folded), so only files that may match are compared
/// field by field. Files are read and decoded on two threads.
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
  ///
  /// A folder's record files are read, scanned and decoded on two threads, a slice at a time,
  /// then taken in path order; only a record that may match keeps its decoded form until then.
  package func forEachMatch(
    in store: ArchiveStore, unreadable: (UnreadableRecord) -> Void = { _ in },
    _ body: (SearchMatch) throws -> Void
  ) throws {
    let index = try AmendmentIndex(
      store: store, prefilter: { bytes in needle?.isFound(in: bytes) ?? true },
      mark: { $0.change.text.map(contains) ?? false })
    var failure: (any Error)?
    try store.walkFolders(.record) { (folder) throws(ArchiveError) in
      for start in stride(from: 0, to: folder.count, by: Self.sliceSize) {
        guard failure == nil else { return }
        let entries = folder[start..<Swift.min(start + Self.sliceSize, folder.count)]
        var locations: [DocumentLocation] = []
        var marked: [Bool] = []
        for case .document(let location) in entries {
          locations.append(location)
          marked.append(index.isMarked(location.id))
        }
        let scanned = zip(locations, marked).map { ($0, $1) }.concurrentMap { pair in
          scan(pair.0, in: store, hasMatchingNotes: pair.1)
        }
        var next = 0
        for entry in entries {
          guard failure == nil else { return }
          switch entry {
          case .symbolicLink(let path):
            unreadable(UnreadableRecord(path: path, error: .symbolicLink(path: path)))
          case .report, .unexpectedFile:
            continue
          case .document(let location):
            let result = scanned[next]
            next += 1
            switch result {
            case .unreadable(let note): unreadable(note)
            case .ruledOut: continue
            case .mayMatch(let document, let record):
              let state = RecordState(
                stored: document, record: record,
                amendments: index.amendments(ofRecord: location.id, in: store))
              let fields = matchingFields(of: state)
              guard !fields.isEmpty else { continue }
              do { try body(SearchMatch(state: state, fields: fields)) } catch { failure = error }
            }
          }
        }
      }
    }
    if let failure { throw failure }
  }

  /// How many entries of a folder are read and decoded at once.
  static let sliceSize = 1024

  /// What one record file is to a search.
  private enum ScannedRecord: Sendable {
    /// Not a readable record.
    case unreadable(UnreadableRecord)
    /// Readable, and neither its bytes nor its amendments hold the text.
    case ruledOut
    /// Readable, and it may match: its document and record.
    case mayMatch(StoredDocument, IncidentRecord)
  }

  /// Reads, scans and decodes the record file at `location`.
  ///
  /// Every file is decoded, even one the byte scan rules out, so that an unreadable record is
  /// always named; only a record that may match has its amendments read and applied (they
  /// cannot make a record unreadable).
  private func scan(
    _ location: DocumentLocation, in store: ArchiveStore, hasMatchingNotes: Bool
  ) -> ScannedRecord {
    let bytes: [UInt8]
    do throws(ArchiveError) {
      bytes = try store.documentBytes(atAbsolutePath: store.absolute(location.path))
    } catch {
      return .unreadable(UnreadableRecord(path: location.path, error: error))
    }
    let mayMatch = hasMatchingNotes || (needle?.isFound(in: bytes) ?? true)
    do {
      let document = try store.document(location, from: bytes)
      let record = try IncidentRecord(json: document.document)
      return mayMatch ? .mayMatch(document, record) : .ruledOut
    } catch let error as ArchiveError {
      return .unreadable(UnreadableRecord(path: location.path, error: error))
    } catch {
      return .unreadable(UnreadableRecord(path: location.path, reason: "\(error)"))
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
