/// Where a document lives in an archive, known from its path alone.
package struct DocumentLocation: Sendable, Equatable, Hashable {
  /// Record or amendment.
  package var kind: DocumentKind
  /// The id, from the file name.
  package var id: String
  /// The path relative to the archive root: `records/2026/04/<id>.json`.
  package var path: String

  /// Creates a location.
  package init(kind: DocumentKind, id: String, path: String) {
    self.kind = kind
    self.id = id
    self.path = path
  }
}

extension DocumentLocation {
  /// The path of the record's Markdown report, beside it: `records/2026/04/<id>.md`.
  package var reportPath: String { String(path.dropLast(".json".count)) + ".md" }
}
