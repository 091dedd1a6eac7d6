/// Why a YAMLLite document was refused, and where.
///
/// The kind carries facts; `message` turns them into words for a person.
package struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
  package var kind: Kind
  package var location: SourceLocation

  package init(_ kind: Kind, at location: SourceLocation) {
    self.kind = kind
    self.location = location
  }

  /// What went wrong, without the position.
  package var message: String { kind.message }

  /// `file:line:column: message`.
  package var description: String { "\(location): \(message)" }
}
