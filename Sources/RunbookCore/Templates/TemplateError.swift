/// Why a template's text was refused, and where (`Character` offset, 0-based).
package struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  package enum Kind: Sendable, Equatable {
    /// A `{{` with no `}}` after it.
    case unterminatedReference
    /// `{{ }}` with nothing inside.
    case emptyReference
    /// `{{ … }}` holding something other than one name (`{{ vendor name }}`, `{{a.b}}`).
    case invalidReference(String)
  }

  package var kind: Kind
  /// Where the `{{` starts, in `Character`s from the start of the text.
  package var offset: Int
  /// How many characters the problem covers.
  package var length: Int

  package init(_ kind: Kind, offset: Int, length: Int) {
    self.kind = kind
    self.offset = offset
    self.length = length
  }

  /// What went wrong and what was expected.
  package var message: String {
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
  package var description: String { "offset \(offset): \(message)" }
}
