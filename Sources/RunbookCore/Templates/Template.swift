/// Text with `{{name}}` references to answers and derived values (`ask`, `help`, `intro`,
/// `title`, `say`, `details`, `draft`).
///
/// Whitespace inside the braces is allowed (`{{ vendor }}`). There is no escape: text without
/// `{{` is taken as it is, and a lone `}}` is plain text. Offsets count `Character`s from 0.
package struct Template: Sendable, Equatable {
  /// A piece of the template: literal text or a reference.
  package enum Segment: Sendable, Equatable {
    case text(String)
    /// A `{{name}}`: the name, and the `Character` range of the name itself; with
    /// `{{name ?? text}}`, the text shown when the name is unset or empty.
    case reference(String, range: Range<Int>, fallback: String? = nil)
  }

  /// The pieces in order.
  package let segments: [Segment]

  /// The template exactly as written.
  package let source: String

  /// Builds a template from its pieces (`parse` is the usual way).
  package init(segments: [Segment], source: String) {
    self.segments = segments
    self.source = source
  }

  /// Parses `text`.
  ///
  /// - Throws: `TemplateError` at the first `{{` that is unclosed, empty, or holds anything other
  ///   than one name (letters, digits, `_`, not starting with a digit), or an item's field
  ///   (`item.owner`).
  package static func parse(_ text: String) throws(TemplateError) -> Template {
    // Most texts hold no reference: take them whole without walking their characters.
    if !text.containsUTF8Byte(UInt8(ascii: "{")) {
      return Template(segments: text.isEmpty ? [] : [.text(text)], source: text)
    }
    // Braces are ASCII, so they are found in the UTF-8 bytes; `Character` offsets come from
    // `CharacterOffsets` (the byte offsets themselves for ASCII text).
    let bytes = Array(text.utf8)
    let offsets = CharacterOffsets(text, bytes: bytes)
    var segments: [Segment] = []
    var literalStart = 0
    var index = 0
    while index + 1 < bytes.count {
      guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
        index += 1
        continue
      }
      let open = index
      let inside = index + 2
      guard let close = closingBraces(in: bytes, from: inside) else {
        throw TemplateError(.unterminatedReference, offset: offsets.character(open), length: 2)
      }
      let reference = try Reference(
        String(decoding: bytes[inside..<close], as: UTF8.self),
        at: offsets.character(inside))
      if reference.name.isEmpty {
        let length = offsets.character(close) - offsets.character(open) + 2
        throw TemplateError(.emptyReference, offset: offsets.character(open), length: length)
      }
      if literalStart < open {
        segments.append(.text(String(decoding: bytes[literalStart..<open], as: UTF8.self)))
      }
      segments.append(
        .reference(reference.name, range: reference.range, fallback: reference.fallback))
      index = close + 2
      literalStart = index
    }
    if literalStart < bytes.count {
      segments.append(.text(String(decoding: bytes[literalStart...], as: UTF8.self)))
    }
    return Template(segments: segments, source: text)
  }

  /// What is written between `{{` and `}}`, starting at `Character` offset `start`: a name
  /// with optional whitespace around it (empty when there is only whitespace), and after `??`
  /// the text shown in its place when it is unset or empty.
  private struct Reference {
    var name: String
    var range: Range<Int>
    var fallback: String?

    init(_ written: String, at start: Int) throws(TemplateError) {
      var written = written
      if let marker = written.range(of: "??") {
        let text = written[marker.upperBound...].trimmed
        guard !text.isEmpty else {
          let offset = start + written.distance(from: written.startIndex, to: marker.lowerBound)
          throw TemplateError(.emptyFallback, offset: offset, length: 2)
        }
        fallback = text
        written = String(written[..<marker.lowerBound])
      }
      name = written.trimmed
      let leading = written.prefix { $0.isWhitespace }.count
      range = (start + leading)..<(start + leading + name.count)
      guard !name.isEmpty else { return }
      // `item.owner`: an item's field, one dot deep (see `RepeatedItem.fieldName`).
      let parts = name.split(separator: ".", omittingEmptySubsequences: false)
      let isName = { (part: Substring) in
        part.first?.isNameStart == true && part.allSatisfy(\.isNameContinuation)
      }
      guard parts.count == 1 || (parts.count == 2 && parts[0] == "item"), parts.allSatisfy(isName)
      else {
        throw TemplateError(
          .invalidReference(name), offset: range.lowerBound, length: range.count)
      }
    }
  }

  /// Every reference in order, with the `Character` offset of its name (repeats included).
  package var references: [(name: String, offset: Int)] {
    segments.compactMap { segment in
      if case .reference(let name, let range, _) = segment { return (name, range.lowerBound) }
      return nil
    }
  }

  /// The text with each reference replaced by `Value.rendered` of its value; a name that is
  /// missing, unset or empty renders as its fallback (`{{name ?? text}}`), else as the empty
  /// string.
  ///
  /// The result is bounded, so a template naming one long answer twenty times cannot write it
  /// twenty times into the record: at most ``expansionLimit(with:)`` bytes of UTF-8, past which
  /// the text is cut at a character boundary and ends with ``truncationMarker(limit:)``.
  package func rendered(with environment: [String: Value]) -> String {
    // Most templates are one literal: hand it back without building a new string.
    if segments.count == 1, case .text(let literal) = segments[0] { return literal }
    // The floor is enough for nearly every text; the exact limit is worked out only past it.
    var limit = Self.minimumExpansionLimit
    var isLimitExact = false
    var text = ""
    // Room for the text as written and a short answer or two, made once: appended piece by
    // piece, the text grew (a new buffer, the bytes copied) once or twice on the way.
    if segments.count > 1 { text.reserveCapacity(source.utf8.count + 32) }
    var byteCount = 0
    for segment in segments {
      let piece: String
      switch segment {
      case .text(let literal): piece = literal
      case .reference(let name, _, let fallback):
        let value = environment[name]?.rendered ?? ""
        piece = value.isEmpty ? fallback ?? "" : value
      }
      let pieceCount = piece.utf8.count
      if byteCount + pieceCount > limit && !isLimitExact {
        limit = expansionLimit(with: environment)
        isLimitExact = true
      }
      if byteCount + pieceCount > limit {
        text += Self.prefix(of: piece, fittingIn: limit - byteCount)
        return text + Self.truncationMarker(limit: limit)
      }
      text += piece
      byteCount += pieceCount
    }
    return text
  }

  /// The least bound on an expanded text, whatever its template: 64 KiB.
  package static let minimumExpansionLimit = 64 << 10

  /// The most UTF-8 bytes `rendered(with:)` gives before its marker: the larger of 64 KiB and
  /// four times the template plus each answer it names, counted once.
  ///
  /// So a template that names each answer once always expands in full, and repeats of a long
  /// answer stop at four times what was written.
  package func expansionLimit(with environment: [String: Value]) -> Int {
    var named: Set<String> = []
    var answers = 0
    for segment in segments {
      if case .reference(let name, _, _) = segment, named.insert(name).inserted {
        answers += environment[name]?.rendered.utf8.count ?? 0
      }
    }
    return max(Self.minimumExpansionLimit, 4 * source.utf8.count + answers)
  }

  /// What ends an expanded text cut at `limit` bytes.
  package static func truncationMarker(limit: Int) -> String {
    " [… cut: the expanded text passed its limit of \(limit) bytes]"
  }

  /// The longest prefix of `text` of at most `byteCount` UTF-8 bytes that ends on a
  /// `Character` boundary.
  private static func prefix(of text: String, fittingIn byteCount: Int) -> Substring {
    guard byteCount > 0 else { return "" }
    var end = text.startIndex
    var used = 0
    for index in text.indices {
      let next = text.index(after: index)
      let size = text.utf8.distance(from: index, to: next)
      if used + size > byteCount { break }
      used += size
      end = next
    }
    return text[..<end]
  }

  /// The references that are not visible in `scope`: unknown names (with the nearest visible
  /// name) and names defined later, positioned on the name.
  package func check(scope: ExpressionScope) -> [ExpressionDiagnostic] {
    segments.compactMap { segment in
      guard case .reference(let name, let range, _) = segment else { return nil }
      return scope.diagnostic(forName: name, range: range)
    }
  }

  /// The offset of the first `}}` at or after `start`, stopping at a newline or another `{{`
  /// (so an unclosed `{{` is reported where it opens, not matched with a far-away `}}`).
  private static func closingBraces(in bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      let following = index + 1 < bytes.count ? bytes[index + 1] : 0
      if byte == UInt8(ascii: "}"), following == UInt8(ascii: "}") { return index }
      if byte == UInt8(ascii: "{"), following == UInt8(ascii: "{") { return nil }
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return nil }
      index += 1
    }
    return nil
  }
}
