/// A head of the archive: a document no other document names as a parent.
public struct DocumentHead: Sendable, Equatable {
  /// Where it is.
  public var location: DocumentLocation
  /// Its recorded hash.
  public var sha256: String

  /// Creates a head.
  public init(location: DocumentLocation, sha256: String) {
    self.location = location
    self.sha256 = sha256
  }
}
