/// The type of a value an expression can name or produce.
///
/// Question types map onto these: `yesno` → `.boolean`; `choice`, `text` → `.string`;
/// `number` → `.number`; `multi`, `list` → `.list` (of strings); `date`, `datetime` → `.time`.
/// Which ids a `choice` or `multi` allows is kept on the `Symbol`, not here.
package enum ValueType: String, Sendable, Equatable, Hashable, CaseIterable {
  case boolean
  case string
  case number
  case list
  case time

  /// The type's name with an article, for messages: "a boolean", "a list".
  package var described: String {
    switch self {
    case .boolean: return "a boolean (yes/no)"
    case .string: return "a string"
    case .number: return "a number"
    case .list: return "a list"
    case .time: return "a time"
    }
  }
}
