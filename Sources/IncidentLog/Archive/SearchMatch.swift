/// A record that matched a search, with every field that matched.
public struct SearchMatch: Sendable, Equatable {
  /// One matching field: its path in the record (`answers.vendor`, `actions.rotate-keys.title`,
  /// `amendments.<id>.note`) and its text.
  public struct Field: Sendable, Equatable {
    /// Where the text is.
    public var field: String
    /// The whole text of the field (a list answer joined with ", ").
    public var text: String
  }

  /// The record, with its amendments applied.
  public var state: RecordState
  /// The fields that contain the search text, in record order.
  public var fields: [Field]
}
