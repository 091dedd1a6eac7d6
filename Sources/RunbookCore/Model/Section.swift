import YAMLLite

/// A group of questions asked together, skipped whole when its condition is false.
package struct Section: Sendable, Equatable {
  package var id: String
  package var title: TemplateText
  package var when: Condition?
  package var intro: TemplateText?
  package var questions: [Question]
  package var location: SourceLocation
}
