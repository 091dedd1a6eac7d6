/// Why a template's text was refused, and where (`Character` offset, 0-based).
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// A `{{` with no `}}` after it.
    case unterminatedReference
    /// `{{ }}` with nothing inside.
    case emptyReference
    /// `{{ … }}` holding something other than one name (`{{ vendor name }}`, `{{a.b}}`).
    case invalidReference(String)
  }

  public var kind: Kind
  /// Where the `{{` starts, in `Character`s from the start of the text.
  public var offset: Int
  /// How many characters the problem covers.
  public var length: Int

  public init(_ kind: Kind, offset: Int, length: Int) {
    self.kind = kind
    self.offset = offset
    self.length = length
  }

  /// What went wrong and what was expected.
  public var message: String {
    switch kind {
    case .unterminatedReference:
      return "'{{' is not closed; expected a name and '}}', as in {{vendor}}"
    case .emptyReference:
      return "'{{}}' names nothing; expected a question id or derived value, as in {{vendor}}"
    case .invalidReference(let text):
      return "'\(text)' is not a name; expected one question id or derived value, as in {{vendor}}"
    }
  }

  /// `offset N: message`.
  public var description: String { "offset \(offset): \(message)" }
}
