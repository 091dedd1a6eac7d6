/// A record that matched a search, with every field that matched.
package struct SearchMatch: Sendable, Equatable {
  /// One matching field: its path in the record (`answers.vendor`, `actions.rotate-keys.title`,
  /// `amendments.<id>.note`) and its text.
  package struct Field: Sendable, Equatable {
    /// Where the text is.
    package var field: String
    /// The whole text of the field (a list answer joined with ", ").
    package var text: String
  }

  /// The record, with its amendments applied.
  package var state: RecordState
  /// The fields that contain the search text, in record order.
  package var fields: [Field]
}
