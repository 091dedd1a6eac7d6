/// Text with `{{name}}` references to answers and derived values (`ask`, `help`, `intro`,
/// `title`, `say`, `details`, `draft`).
///
/// Whitespace inside the braces is allowed (`{{ vendor }}`). There is no escape: text without
/// `{{` is taken as it is, and a lone `}}` is plain text. Offsets count `Character`s from 0.
public struct Template: Sendable, Equatable {
  /// A piece of the template: literal text or a reference.
  public enum Segment: Sendable, Equatable {
    case text(String)
    /// A `{{name}}`: the name, and the `Character` range of the name itself.
    case reference(String, range: Range<Int>)
  }

  /// The pieces in order.
  public let segments: [Segment]

  /// The template exactly as written.
  public let source: String

  /// Builds a template from its pieces (`parse` is the usual way).
  public init(segments: [Segment], source: String) {
    self.segments = segments
    self.source = source
  }

  /// Parses `text`.
  ///
  /// - Throws: `TemplateError` at the first `{{` that is unclosed, empty, or holds anything other
  ///   than one name (letters, digits, `_`, not starting with a digit).
  public static func parse(_ text: String) throws(TemplateError) -> Template {
    // Most texts hold no reference: take them whole without walking their characters.
    if !text.utf8.contains(UInt8(ascii: "{")) {
      return Template(segments: text.isEmpty ? [] : [.text(text)], source: text)
    }
    // Braces are ASCII, so they are found in the UTF-8 view; offsets are counted in Characters
    // only where a reference or an error needs one.
    let utf8 = text.utf8
    var segments: [Segment] = []
    var literalStart = text.startIndex
    var index = text.startIndex
    func offset(_ position: String.Index) -> Int {
      text.distance(from: text.startIndex, to: position)
    }
    while index < text.endIndex {
      let next = utf8.index(after: index)
      guard utf8[index] == UInt8(ascii: "{"), next < text.endIndex,
        utf8[next] == UInt8(ascii: "{")
      else {
        index = next
        continue
      }
      let open = index
      let inside = utf8.index(after: next)
      guard let close = closingBraces(in: text, from: inside) else {
        throw TemplateError(.unterminatedReference, offset: offset(open), length: 2)
      }
      let written = text[inside..<close]
      let name = written.trimmed
      let nameStart =
        written.firstIndex { !$0.isWhitespace } ?? inside
      if name.isEmpty {
        let length = text.distance(from: open, to: close) + 2
        throw TemplateError(.emptyReference, offset: offset(open), length: length)
      }
      guard let first = name.first, first.isNameStart, name.allSatisfy(\.isNameContinuation)
      else {
        throw TemplateError(
          .invalidReference(name), offset: offset(nameStart), length: name.count)
      }
      if literalStart < open { segments.append(.text(String(text[literalStart..<open]))) }
      let lower = offset(nameStart)
      segments.append(.reference(name, range: lower..<(lower + name.count)))
      index = utf8.index(close, offsetBy: 2)
      literalStart = index
    }
    if literalStart < text.endIndex { segments.append(.text(String(text[literalStart...]))) }
    return Template(segments: segments, source: text)
  }

  /// Every reference in order, with the `Character` offset of its name (repeats included).
  public var references: [(name: String, offset: Int)] {
    segments.compactMap { segment in
      if case .reference(let name, let range) = segment { return (name, range.lowerBound) }
      return nil
    }
  }

  /// The text with each reference replaced by `Value.rendered` of its value; a name that is
  /// missing or unset renders as the empty string.
  public func rendered(with environment: [String: Value]) -> String {
    segments.map { segment in
      switch segment {
      case .text(let text): return text
      case .reference(let name, _): return environment[name]?.rendered ?? ""
      }
    }.joined()
  }

  /// The references that are not visible in `scope`: unknown names (with the nearest visible
  /// name) and names defined later, positioned on the name.
  public func check(scope: ExpressionScope) -> [ExpressionDiagnostic] {
    segments.compactMap { segment in
      guard case .reference(let name, let range) = segment else { return nil }
      return scope.diagnostic(forName: name, range: range)
    }
  }

  /// The position of the first `}}` at or after `start`, stopping at a newline or another `{{`
  /// (so an unclosed `{{` is reported where it opens, not matched with a far-away `}}`).
  private static func closingBraces(in text: String, from start: String.Index) -> String.Index? {
    let utf8 = text.utf8
    var index = start
    while index < text.endIndex {
      let byte = utf8[index]
      let next = utf8.index(after: index)
      let following = next < text.endIndex ? utf8[next] : 0
      if byte == UInt8(ascii: "}"), following == UInt8(ascii: "}") { return index }
      if byte == UInt8(ascii: "{"), following == UInt8(ascii: "{") { return nil }
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return nil }
      index = next
    }
    return nil
  }
}
