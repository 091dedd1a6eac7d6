import YAMLLite

/// A parsed `when` (or `derive`) expression with its source text and where it was written.
public struct Condition: Sendable, Equatable {
  public var source: String
  public var expression: Expression
  /// Where the expression text was written.
  public var origin: TextOrigin

  /// Where the expression text starts.
  public var location: SourceLocation { origin.start }
}

/// A text that may hold `{{name}}` references, with where it was written.
public struct TemplateText: Sendable, Equatable {
  public var source: String
  public var template: Template
  public var origin: TextOrigin

  /// Where the text starts.
  public var location: SourceLocation { origin.start }

  /// The text with every reference replaced by its value.
  public func rendered(with values: [String: Value]) -> String {
    template.rendered(with: values)
  }
}

/// A parsed `due` phrase with its source text and where it was written.
public struct DueTime: Sendable, Equatable {
  public var source: String
  public var rule: DueRule
  public var origin: TextOrigin

  /// Where the phrase starts.
  public var location: SourceLocation { origin.start }
}

/// Where a text embedded in a scalar was written, and whether its character offsets map column
/// for column onto the source line (one-line plain scalars, quoted ones without escapes); when
/// they do not (block scalars, folded text), every offset maps to the scalar's start.
public struct TextOrigin: Sendable, Equatable {
  public var start: SourceLocation
  public var isExact: Bool

  /// The origin of `node`'s text.
  public init(of node: Node) {
    start = node.location(ofTextOffset: 0)
    if case .scalar(let scalar) = node.content, !scalar.text.isEmpty {
      isExact = node.location(ofTextOffset: scalar.text.count) != node.location
    } else {
      isExact = false
    }
  }

  /// The file position of the character at `offset` in the text.
  public func location(at offset: Int) -> SourceLocation {
    isExact
      ? SourceLocation(file: start.file, line: start.line, column: start.column + offset) : start
  }
}
