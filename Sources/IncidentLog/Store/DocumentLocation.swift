/// Where a document lives in an archive, known from its path alone.
public struct DocumentLocation: Sendable, Equatable, Hashable {
  /// Record or amendment.
  public var kind: DocumentKind
  /// The id, from the file name.
  public var id: String
  /// The path relative to the archive root: `records/2026/04/<id>.json`.
  public var path: String

  /// Creates a location.
  public init(kind: DocumentKind, id: String, path: String) {
    self.kind = kind
    self.id = id
    self.path = path
  }
}
