/// A name an expression may use: a question's answer or a derived value, with its type.
///
/// For a `choice` question the type is `.string` and `choiceIDs` lists the allowed ids; for a
/// `multi` question the type is `.list` and `choiceIDs` lists the ids its items may take. The
/// checker uses them to catch `exposure has 'credentails'`. Other symbols have nil `choiceIDs`.
package struct Symbol: Sendable, Equatable, Hashable {
  /// The question id or derive name.
  package var name: String
  /// What the name holds.
  package var type: ValueType
  /// The allowed ids of a `choice`/`multi` answer, in the runbook's order; nil otherwise.
  package var choiceIDs: [String]?

  package init(name: String, type: ValueType, choiceIDs: [String]? = nil) {
    self.name = name
    self.type = type
    self.choiceIDs = choiceIDs
  }
}
