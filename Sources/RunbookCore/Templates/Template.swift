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
    let characters = Array(text)
    var segments: [Segment] = []
    var literal = ""
    var index = 0
    while index < characters.count {
      guard characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{"
      else {
        literal.append(characters[index])
        index += 1
        continue
      }
      let open = index
      guard let close = closingBraces(in: characters, from: open + 2) else {
        throw TemplateError(.unterminatedReference, offset: open, length: 2)
      }
      var nameStart = open + 2
      var nameEnd = close
      while nameStart < nameEnd, characters[nameStart].isWhitespace { nameStart += 1 }
      while nameEnd > nameStart, characters[nameEnd - 1].isWhitespace { nameEnd -= 1 }
      let name = String(characters[nameStart..<nameEnd])
      if name.isEmpty {
        throw TemplateError(.emptyReference, offset: open, length: close + 2 - open)
      }
      guard let first = name.first, first.isNameStart, name.allSatisfy(\.isNameContinuation)
      else {
        throw TemplateError(.invalidReference(name), offset: nameStart, length: name.count)
      }
      if !literal.isEmpty {
        segments.append(.text(literal))
        literal = ""
      }
      segments.append(.reference(name, range: nameStart..<nameEnd))
      index = close + 2
    }
    if !literal.isEmpty { segments.append(.text(literal)) }
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

  /// The index of the first `}}` at or after `start`, stopping at a newline or another `{{`
  /// (so an unclosed `{{` is reported where it opens, not matched with a far-away `}}`).
  private static func closingBraces(in characters: [Character], from start: Int) -> Int? {
    var index = start
    while index + 1 < characters.count {
      if characters[index] == "}", characters[index + 1] == "}" { return index }
      if characters[index] == "{", characters[index + 1] == "{" { return nil }
      if characters[index].isNewline { return nil }
      index += 1
    }
    return nil
  }
}
