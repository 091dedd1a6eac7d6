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

/// A document read from (or just written to) an archive, with its integrity fields.
public struct StoredDocument: Sendable, Equatable {
  /// Where it is.
  public var location: DocumentLocation
  /// `integrity.sha256` as recorded in the file (lower-case hex).
  public var sha256: String
  /// `integrity.parents`: the hashes of the heads the writer saw, sorted.
  public var parents: [String]
  /// The whole document, `integrity` included.
  public var document: JSONValue

  /// Creates a stored document.
  public init(location: DocumentLocation, sha256: String, parents: [String], document: JSONValue) {
    self.location = location
    self.sha256 = sha256
    self.parents = parents
    self.document = document
  }
}
