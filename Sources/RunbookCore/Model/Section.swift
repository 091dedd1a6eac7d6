import YAMLLite

/// A group of questions asked together, skipped whole when its condition is false.
public struct Section: Sendable, Equatable {
  public var id: String
  public var title: TemplateText
  public var when: Condition?
  public var intro: TemplateText?
  public var questions: [Question]
  public var location: SourceLocation
}
