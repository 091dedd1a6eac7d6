import YAMLLite

/// Bad input data at a place in a source file: exit 65, printed as `FILE:LINE:COLUMN: message`,
/// and on a terminal followed by the offending line with a caret (`SourceExcerpt`).
package struct SourceError: Error, Equatable, CustomStringConvertible {
  package var location: SourceLocation
  /// What went wrong, without the position.
  package var message: String
  /// The text of the file, to show the offending line.
  package var source: String

  package init(_ message: String, at location: SourceLocation, source: String) {
    self.message = message
    self.location = location
    self.source = source
  }

  /// A refused YAMLLite document, with the bytes it was parsed from.
  package init(_ error: YAMLError, source: [UInt8]) {
    self.init(error.message, at: error.location, source: String(decoding: source, as: UTF8.self))
  }

  /// `file:line:column: message`.
  package var description: String { "\(location): \(message)" }
}
