/// A `pattern` of a text question, compiled once when the runbook loads and used for every
/// answer (compiling a regular expression costs more than checking an answer with it).
///
/// The syntax is that of Swift's `Regex`, which for the patterns runbooks use is the familiar
/// PCRE/ICU one; an answer must match in full.
public struct TextPattern: Sendable, Equatable, CustomStringConvertible {
  /// The pattern as written.
  public let source: String
  // `Regex` holds an immutable compiled program; sharing it between threads is safe.
  nonisolated(unsafe) private let regex: Regex<AnyRegexOutput>

  /// Compiles `source`; nil when it is not a valid regular expression.
  public init?(_ source: String) {
    guard let regex = try? Regex(source) else { return nil }
    self.source = source
    self.regex = regex
  }

  /// Whether all of `text` matches.
  public func matchesWhole(_ text: String) -> Bool {
    (try? regex.wholeMatch(in: text)) != nil
  }

  public var description: String { source }

  public static func == (lhs: TextPattern, rhs: TextPattern) -> Bool { lhs.source == rhs.source }
}
