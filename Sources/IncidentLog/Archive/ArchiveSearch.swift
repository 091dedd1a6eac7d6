/// Case-insensitive search over records' answers, decision, actions, notifications and the
/// notes of their amendments.
///
/// Every record and amendment file is read as raw bytes (two threads, one reused buffer each)
/// and scanned (``SearchPrefilter``); only a file that may match is decoded and compared field
/// by field. An unreadable record is still always named: a record file is decoded anyway
/// unless the summary index vouches for it (its entry, written only after the file decoded,
/// is trusted for the file's status now, as ``SummaryIndex/isTrusted(_:now:)`` rules), so new,
/// changed, racy and unindexed files are decoded as before.
package struct ArchiveSearch: Sendable {
  /// The text searched for.
  package let text: String
  private let folded: String
  private let prefilter: SearchPrefilter

  /// A search for `text`.
  package init(_ text: String) {
    self.text = text
    folded = text.lowercased()
    prefilter = SearchPrefilter(text)
  }

  /// Calls `body` with each matching record, oldest first, and `unreadable` with each record
  /// file that is not a readable record (whether or not it might have matched).
  ///
  /// `build` names the triage build whose summary index may vouch for records (nil: none
  /// does; the index is only read, never written). A folder's record files are read, scanned
  /// and decoded on two threads, a slice at a time, then taken in path order; only a record
  /// that may match keeps its decoded form until then.
  package func forEachMatch(
    in store: ArchiveStore, build: String? = nil,
    unreadable: (UnreadableRecord) -> Void = { _ in }, _ body: (SearchMatch) throws -> Void
  ) throws {
    let readers = SearchReaders(store: store)
    let index = try markedAmendments(in: store, readers: readers)
    let vouchers = build.flatMap { SearchVouchers(store: store, build: $0) }
    var failure: (any Error)?
    try store.walkFolders(.record) { (folder) throws(ArchiveError) in
      let vouched = vouchers?.folder(of: folder)
      for start in stride(from: 0, to: folder.count, by: Self.sliceSize) {
        guard failure == nil else { return }
        let entries = folder[start..<Swift.min(start + Self.sliceSize, folder.count)]
        var work: [(DocumentLocation, Bool)] = []
        for case .document(let location) in entries {
          work.append((location, index.isMarked(location.id)))
        }
        let scanned = readers.withFolder(of: folder, in: store) { opened in
          readers.map(work) { pair, reader in
            scan(
              pair.0, in: store, hasMatchingNotes: pair.1, vouched: vouched,
              reader: reader, folder: opened)
          }
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

  /// Which amendment files name which record, with the records that have an amendment whose
  /// note holds the text marked; amendment files are read on two threads, a folder at a time,
  /// and only those the prefilter lets through are decoded for their note.
  private func markedAmendments(
    in store: ArchiveStore, readers: SearchReaders
  ) throws(ArchiveError) -> AmendmentIndex {
    var entries: [(record: UInt64, location: PackedLocation)] = []
    var marked: Set<UInt64> = []
    try store.walkFolders(.amendment) { (folder) throws(ArchiveError) in
      var locations: [DocumentLocation] = []
      for case .document(let location) in folder { locations.append(location) }
      let found = readers.withFolder(of: folder, in: store) { opened in
        readers.map(locations) { location, reader in
          amendment(at: location, in: store, reader: reader, folder: opened)
        }
      }
      for (location, found) in zip(locations, found) {
        guard let found else { continue }
        let key = FNV1a.hash(found.record)
        entries.append((key, PackedLocation(quickly: location)))
        if found.isMarked { marked.insert(key) }
      }
    }
    return AmendmentIndex(entries: consume entries, marked: marked)
  }

  /// The record an amendment file names, and whether its note holds the text; nil when it is
  /// not a readable amendment (as ``AmendmentIndex`` reads one).
  private func amendment(
    at location: DocumentLocation, in store: ArchiveStore, reader: SearchFileReader,
    folder: SearchFolder
  ) -> (record: String, isMarked: Bool)? {
    let read = reader.withDocument(location, in: folder) {
      bytes, _ -> (record: String, isMarked: Bool)? in
      var parsed: Amendment?
      let record: String
      if let found = AmendmentIndex.recordMember(bytes) {
        record = found
      } else {
        parsed = Self.amendment(location, from: bytes, in: store)
        guard let found = parsed?.record else { return nil }
        record = found
      }
      guard prefilter.mayMatch(bytes) else { return (record, false) }
      if parsed == nil { parsed = Self.amendment(location, from: bytes, in: store) }
      return (record, parsed?.change.text.map(contains) ?? false)
    }
    return (try? read.get()) ?? nil
  }

  /// The amendment in `bytes`, or nil when they do not read as one.
  private static func amendment(
    _ location: DocumentLocation, from bytes: UnsafeBufferPointer<UInt8>, in store: ArchiveStore
  ) -> Amendment? {
    guard let document = try? store.document(location, from: Array(bytes)) else { return nil }
    return try? Amendment(json: document.document)
  }

  /// What one record file is to a search.
  private enum ScannedRecord: Sendable {
    /// Not a readable record.
    case unreadable(UnreadableRecord)
    /// Readable, and neither its bytes nor its amendments hold the text.
    case ruledOut
    /// Readable, and it may match: its document and record (boxed: a slice's results stay a
    /// few words each, as nearly all are the other cases).
    indirect case mayMatch(StoredDocument, IncidentRecord)
  }

  /// Reads, scans and (unless the index vouches for it and it cannot match) decodes the
  /// record file at `location`.
  ///
  /// Only a record that may match has its amendments read and applied (they cannot make a
  /// record unreadable).
  private func scan(
    _ location: DocumentLocation, in store: ArchiveStore, hasMatchingNotes: Bool,
    vouched: VouchedFolder?, reader: SearchFileReader, folder: SearchFolder
  ) -> ScannedRecord {
    let read = reader.withDocument(location, in: folder) {
      bytes, status -> ScannedRecord in
      let mayMatch = hasMatchingNotes || prefilter.mayMatch(bytes)
      if !mayMatch, let vouched, let status, vouched.vouches(for: location, now: status) {
        return .ruledOut
      }
      do {
        let document = try store.document(location, from: Array(bytes))
        let record = try IncidentRecord(json: document.document)
        return mayMatch ? .mayMatch(document, record) : .ruledOut
      } catch let error as ArchiveError {
        return .unreadable(UnreadableRecord(path: location.path, error: error))
      } catch {
        return .unreadable(UnreadableRecord(path: location.path, reason: "\(error)"))
      }
    }
    switch read {
    case .success(let scanned): return scanned
    case .failure(let error):
      return .unreadable(UnreadableRecord(path: location.path, error: error))
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
