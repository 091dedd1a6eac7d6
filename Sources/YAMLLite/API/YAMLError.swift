/// Why a YAMLLite document was refused, and where.
///
/// The kind carries facts; `message` turns them into words for a person.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
  public var kind: Kind
  public var location: SourceLocation

  public init(_ kind: Kind, at location: SourceLocation) {
    self.kind = kind
    self.location = location
  }

  /// What went wrong, without the position.
  public var message: String { kind.message }

  /// `file:line:column: message`.
  public var description: String { "\(location): \(message)" }
}
