import YAMLLite

/// The rule that an inventory never holds a secret: RunbookCore's `SecretScanner` runs over
/// every scalar of every file (keys too), and a hit is an error at the scalar's position.
///
/// A value is scanned alone, and then with its key before it (`token: …`), so that the
/// scanner's rules that recognise a secret by its name see the name.
enum InventorySecretCheck {
  /// One error per scalar that looks like a secret, in document order.
  static func check(_ root: Node) -> [Diagnostic] {
    var check = Walk()
    check.visit(root, key: nil)
    return check.diagnostics
  }

  /// The words the scanner's name rules look for (`NameKeywords`), to rescan a value with its
  /// key only when the key could be such a name: most keys (`id`, `name`, `rotate`) are not,
  /// and a second scan of every scalar would double the cost of loading a big inventory.
  private static let secretNameWords = [
    "secret", "token", "pass", "pwd", "key", "aws", "heroku", "datadog", "dd_", "auth", "cred",
    "access", "sig",
  ]

  /// One walk over a tree, remembering which keys are secret names (keys repeat in every item).
  private struct Walk {
    var diagnostics: [Diagnostic] = []
    var isSecretNameByKey: [String: Bool] = [:]
    /// Texts already scanned and found clean.
    var cleanTexts: Set<String> = []
    /// Keys already scanned and found clean.
    var cleanKeys: Set<String> = []

    mutating func isSecretName(_ key: String) -> Bool {
      if let known = isSecretNameByKey[key] { return known }
      let lowered = Array(key.lowercased().utf8)
      let found = InventorySecretCheck.secretNameWords.contains { word in
        let bytes = Array(word.utf8)
        guard lowered.count >= bytes.count else { return false }
        return (0...(lowered.count - bytes.count)).contains {
          lowered[$0..<($0 + bytes.count)].elementsEqual(bytes)
        }
      }
      isSecretNameByKey[key] = found
      return found
    }

    mutating func visit(_ node: Node, key: String?) {
      switch node.content {
      case .scalar(let scalar):
        let text = scalar.text
        guard !text.isEmpty else { return }
        let named = key.flatMap { isSecretName($0) ? $0 : nil }
        // Owners, kinds, roles and dates repeat in every item: scan each text once.
        if named == nil, cleanTexts.contains(text) { return }
        let rule =
          SecretScanner.firstMatch(in: text)
          ?? named.flatMap { SecretScanner.firstMatch(in: "\($0): \(text)") }
        if rule == nil, named == nil { cleanTexts.insert(text) }
        if let rule {
          diagnostics.append(
            Diagnostic(
              .error, InventoryProblem.secretValue(rule: rule.name),
              at: node.location(ofTextOffset: 0)))
        }
      case .sequence(let items):
        for item in items { visit(item, key: key) }
      case .mapping(let entries):
        for entry in entries {
          // Keys repeat in every item (`id`, `name`, `owner`): scan each once.
          if !cleanKeys.contains(entry.key) {
            if let rule = SecretScanner.firstMatch(in: entry.key) {
              diagnostics.append(
                Diagnostic(
                  .error, InventoryProblem.secretValue(rule: rule.name), at: entry.keyLocation))
            } else {
              cleanKeys.insert(entry.key)
            }
          }
          visit(entry.value, key: entry.key)
        }
      }
    }
  }
}
