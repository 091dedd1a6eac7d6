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
