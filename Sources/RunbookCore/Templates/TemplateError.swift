/// Why a template's text was refused, and where (`Character` offset, 0-based).
package typealias TemplateError = TextError<TemplateErrorKind>

/// What went wrong.
package enum TemplateErrorKind: TextProblem {
  /// A `{{` with no `}}` after it.
  case unterminatedReference
  /// `{{ }}` with nothing inside.
  case emptyReference
  /// `{{name ??}}`: a fallback marker with no text after it.
  case emptyFallback
  /// `{{ … }}` holding something other than one name (`{{ vendor name }}`, `{{a.b}}`).
  case invalidReference(String)

  /// What went wrong and what was expected.
  package var message: String {
    switch self {
    case .unterminatedReference:
      return "'{{' is not closed; expected a name and '}}', as in {{vendor}}"
    case .emptyReference:
      return "'{{}}' names nothing; expected a question id or derived value, as in {{vendor}}"
    case .emptyFallback:
      return "'??' gives no text; expected the text to show when the name is unset, as in "
        + "{{item.notice_to ?? their security contact}}"
    case .invalidReference(let text):
      return "'\(text)' is not a name; expected one question id or derived value, as in {{vendor}}"
    }
  }
}
