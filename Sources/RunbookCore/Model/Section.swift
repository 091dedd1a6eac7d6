import YAMLLite

/// A group of questions asked together, skipped whole when its condition is false.
///
/// With `for-each`, a repeated group: its questions are asked once per item of an earlier list
/// answer (see ``RepeatedItem``).
package struct Section: Sendable, Equatable {
  package var id: String
  package var title: TemplateText
  package var when: Condition?
  package var intro: TemplateText?
  package var questions: [Question]
  package var location: SourceLocation
  /// The list question this section repeats over (`for-each:`), or nil.
  package var forEach: String?
  /// Where the `for-each` value was written.
  package var forEachLocation: SourceLocation?
}
