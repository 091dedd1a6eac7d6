/// Case-insensitive search over records' answers, decision, actions, notifications and the
/// notes of their amendments.
///
/// Each record file is first scanned as raw bytes for the text (ASCII letters folded), so only
/// files that may match are parsed; the match is then confirmed field by field.
package struct ArchiveSearch: Sendable {
  /// The text searched for.
  package let text: String
  private let folded: String
  private let needle: [UInt8]?

  /// A search for `text`.
  package init(_ text: String) {
    self.text = text
    folded = text.lowercased()
    // The byte prefilter is exact only for text the JSON writer stores unescaped, with only
    // ASCII letters to fold.
    let bytes = Array(text.utf8)
    let plain = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C }
    needle = plain && !bytes.isEmpty ? bytes.map(Self.lowered) : nil
  }

  /// Calls `body` with each matching record, oldest first.
  package func forEachMatch(in store: ArchiveStore, _ body: (SearchMatch) throws -> Void) throws {
    let index = try AmendmentIndex(
      store: store, prefilter: { bytes in needle.map { Self.bytes(bytes, contain: $0) } ?? true },
      mark: { $0.change.text.map(contains) ?? false })
    var failure: (any Error)?
    try store.walk(.record) { (entry) throws(ArchiveError) in
      guard failure == nil, case .document(let location) = entry else { return }
      let notes = index.isMarked(location.id)
      guard let bytes = try? store.fileSystem.readFile(at: store.absolute(location.path)) else {
        return
      }
      if !notes, let needle, !Self.bytes(bytes, contain: needle) { return }
      let recordAmendments = index.amendments(ofRecord: location.id, in: store)
      guard let document = try? store.document(location, from: bytes) else { return }
      let state = RecordState(stored: document, amendments: recordAmendments)
      let fields = matchingFields(of: state)
      guard !fields.isEmpty else { return }
      do { try body(SearchMatch(state: state, fields: fields)) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// The fields of `state` that contain the text.
  package func matchingFields(of state: RecordState) -> [SearchMatch.Field] {
    var fields: [SearchMatch.Field] = []
    func check(_ field: String, _ value: JSONValue?) {
      guard let value else { return }
      let text: String
      switch value {
      case .string(let string): text = string
      case .array(let items): text = items.compactMap(\.stringValue).joined(separator: ", ")
      case .number, .bool: text = ReportGenerator.display(value)
      default: return
      }
      if contains(text) { fields.append(.init(field: field, text: text)) }
    }
    let record = state.stored.document
    for member in record["answers"]?.objectValue?.members ?? [] {
      check("answers.\(member.key)", member.value)
    }
    check("decision", record["decision"])
    for (key, itemKeys) in [
      ("actions", ["title", "owner", "details"]), ("notifications", ["to", "basis", "draft"]),
    ] {
      for item in record[key]?.arrayValue ?? [] {
        let id = item["id"]?.stringValue ?? "?"
        check("\(key).\(id).id", item["id"])
        for itemKey in itemKeys { check("\(key).\(id).\(itemKey)", item[itemKey]) }
      }
    }
    for amendment in state.amendments {
      if let note = amendment.change.text {
        check("amendments.\(amendment.id).\(amendment.change.type)", .string(note))
      }
    }
    return fields
  }

  /// Whether `candidate` contains the text, ignoring letter case.
  package func contains(_ candidate: String) -> Bool {
    candidate.lowercased().contains(folded)
  }

  private static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  /// Whether `haystack` holds `needle` (already lowered), folding ASCII letters.
  static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
    guard let first = needle.first, haystack.count >= needle.count else { return false }
    return haystack.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { pin in
        let last = hay.count - pin.count
        var index = 0
        while index <= last {
          if lowered(hay[index]) == first {
            var offset = 1
            while offset < pin.count && lowered(hay[index + offset]) == pin[offset] {
              offset += 1
            }
            if offset == pin.count { return true }
          }
          index += 1
        }
        return false
      }
    }
  }
}
