/// What is wrong with a `for-each` (a repeated group, or an action or notification repeated per
/// item), or with where a repeated group's questions are named.
///
/// Each case carries the facts; `code` and `message` word them.
package enum ForEachProblem: DiagnosticKind, Equatable {
  /// `for-each` names no question, with the nearest question id.
  case unknownList(String, suggestion: String?)
  /// `for-each` names a question whose answer is not a list.
  case notAList(String, type: QuestionType)
  /// A section's `for-each` names a question of the same section or a later one.
  case listNotEarlier(String, section: String)
  /// `for-each` names a question of a repeated group: groups do not nest.
  case nested(String, group: String)
  /// A question of a repeated group named outside that group (and outside the `for-each`
  /// rules over its list); `list` is the list the group repeats over.
  case outsideGroup(String, group: String, list: String)
  /// A question or derived value named `item` or `item_key` in a runbook with `for-each`, where
  /// those names stand for the item.
  case reservedName(String)

  package var code: String {
    switch self {
    case .unknownList: "unknown-name"
    case .notAList: "for-each-not-a-list"
    case .listNotEarlier: "forward-reference"
    case .nested: "nested-for-each"
    case .outsideGroup: "outside-group"
    case .reservedName: "duplicate-id"
    }
  }

  package var message: String {
    switch self {
    case .unknownList(let name, let suggestion):
      "for-each names '\(name)', which is no question of this runbook"
        + Suggestion.didYouMean(suggestion)
    case .notAList(let name, let type):
      "for-each needs a list or multi question, and '\(name)' is a \(type.rawValue) question"
    case .listNotEarlier(let name, let section):
      "for-each names '\(name)', asked in section '\(section)': a group repeats over the answer "
        + "of an earlier section"
    case .nested(let name, let group):
      "for-each names '\(name)', a question of the repeated group '\(group)': nested for-each "
        + "is not supported"
    case .outsideGroup(let name, let group, let list):
      "'\(name)' is asked once per item of '\(list)' (group '\(group)'): only that group and "
        + "for-each rules over '\(list)' can name it"
    case .reservedName(let name):
      "'\(name)' names the item in a repeated group or for-each rule; give this another id"
    }
  }
}
