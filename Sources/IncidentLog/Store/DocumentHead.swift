/// A head of the archive: a document no other document names as a parent.
package struct DocumentHead: Sendable, Equatable {
  /// Where it is.
  package var location: DocumentLocation
  /// Its recorded hash.
  package var sha256: String

  /// Creates a head.
  package init(location: DocumentLocation, sha256: String) {
    self.location = location
    self.sha256 = sha256
  }
}
