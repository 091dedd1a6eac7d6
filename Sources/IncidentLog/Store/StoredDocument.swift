/// A document read from (or just written to) an archive, with its integrity fields.
package struct StoredDocument: Sendable, Equatable {
  /// Where it is.
  package var location: DocumentLocation
  /// `integrity.sha256` as recorded in the file (lower-case hex).
  package var sha256: String
  /// `integrity.parents`: the hashes of the heads the writer saw, sorted.
  package var parents: [String]
  /// The whole document, `integrity` included.
  package var document: JSONValue

  /// Creates a stored document.
  package init(location: DocumentLocation, sha256: String, parents: [String], document: JSONValue) {
    self.location = location
    self.sha256 = sha256
    self.parents = parents
    self.document = document
  }
}
