import YAMLLite

/// The rule that an inventory never holds a secret: RunbookCore's `SecretScanner` runs over
/// every scalar of every file (keys too), and a hit is an error at the scalar's position.
///
/// A value is scanned alone, and then with its key before it (`token: …`), so that the
/// scanner's rules that recognise a secret by its name see the name.
enum InventorySecretCheck {
  /// One error per scalar that looks like a secret, in document order.
  static func check(_ root: Node) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    visit(root, key: nil, into: &diagnostics)
    return diagnostics
  }

  private static func visit(_ node: Node, key: String?, into diagnostics: inout [Diagnostic]) {
    switch node.content {
    case .scalar(let scalar):
      let text = scalar.text
      guard !text.isEmpty else { return }
      let rule =
        SecretScanner.firstMatch(in: text)
        ?? key.flatMap { SecretScanner.firstMatch(in: "\($0): \(text)") }
      if let rule {
        diagnostics.append(
          Diagnostic(
            .error, InventoryProblem.secretValue(rule: rule.name),
            at: node.location(ofTextOffset: 0)))
      }
    case .sequence(let items):
      for item in items { visit(item, key: key, into: &diagnostics) }
    case .mapping(let entries):
      for entry in entries {
        if let rule = SecretScanner.firstMatch(in: entry.key) {
          diagnostics.append(
            Diagnostic(.error, InventoryProblem.secretValue(rule: rule.name), at: entry.keyLocation))
        }
        visit(entry.value, key: entry.key, into: &diagnostics)
      }
    }
  }
}
