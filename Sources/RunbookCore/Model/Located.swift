import YAMLLite

/// A parsed `when` (or `derive`) expression with its source text and where it was written.
public struct Condition: Sendable, Equatable {
  public var source: String
  public var expression: Expression
  /// Where the expression text starts; offsets inside it map to columns on that line.
  public var location: SourceLocation
}

/// A text that may hold `{{name}}` references, with where it was written.
public struct TemplateText: Sendable, Equatable {
  public var source: String
  public var template: Template
  public var location: SourceLocation

  /// The text with every reference replaced by its value.
  public func rendered(with values: [String: Value]) -> String {
    template.rendered(with: values)
  }
}

/// A parsed `due` phrase with its source text and where it was written.
public struct DueTime: Sendable, Equatable {
  public var source: String
  public var rule: DueRule
  public var location: SourceLocation
}
