import YAMLLite

/// Facts about us: our name, the answers the facts vocabulary asks about us (regulated status,
/// where we are established, the insurer's notice terms) and who responds.
package struct InventoryOrganisation: Sendable, Equatable {
  /// One `facts:` entry: a fact of the vocabulary and its answer, as written.
  package struct FactAnswer: Sendable, Equatable {
    package var name: String
    /// A scalar answer's text; nil for a list.
    package var text: String?
    /// A list answer's items; empty for a scalar.
    package var items: [String]
    package var source: InventorySource

    /// The answer as an expression value for a fact of `type`: a list for list-like facts, a
    /// number, a boolean (`yes`/`no`/`true`/`false`), else text; `.unset` when it does not fit.
    package func value(as type: FactType) -> Value {
      switch type {
      case .multi, .list, .residents:
        return .list(text.map { [$0] } ?? items)
      case .number:
        guard let text, let number = DecimalNumber.value(of: text) else { return .unset }
        return .number(number)
      case .yesno:
        switch text?.lowercased() {
        case "yes", "true": return .boolean(true)
        case "no", "false": return .boolean(false)
        default: return .unset
        }
      case .choice, .text:
        return text.map(Value.string) ?? .unset
      case .datetime:
        return .unset
      }
    }
  }

  package var name: String
  /// The `facts:` answers, in the file's order.
  package var facts: [FactAnswer]
  package var responders: [String]
  package var source: InventorySource

  /// The answer to the fact `name`, if given.
  package func fact(_ name: String) -> FactAnswer? {
    facts.first { $0.name == name }
  }
}
