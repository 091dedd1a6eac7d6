/// What is wrong with an inventory file, as facts; `code` and `message` word them.
///
/// Shapes (an unknown key, a list where text belongs) are `RunbookProblem`s, shared with every
/// other file triage reads; these are the inventory's own.
package enum InventoryProblem: DiagnosticKind, Equatable {
  /// A scalar that looks like a live secret (`rule`: what it looks like, "a GitHub token").
  case secretValue(rule: String)
  /// A credential key that would hold a value (`token`, `password`).
  case forbiddenKey(String)
  /// An id used twice (`what`: vendor, credential, data set, client), first at `first`.
  case duplicateID(String, what: String, first: String)
  /// A second `organisation:` (the first at `first`).
  case secondOrganisation(first: String)
  /// A value of `key` that is none of `allowed`.
  case unknownValue(String, key: String, allowed: [String], suggestion: String?)
  /// A `within:` or `every:` that is not `N UNIT` in the units `key` allows.
  case badDuration(String, key: String, units: String)
  /// A date that is not a real `YYYY-MM-DD` day.
  case badDate(String, key: String)
  /// A yes/no key with another value.
  case expectedYesNo(String, key: String)
  /// A reference (`what`: vendor, client, runbook) to an id not in the inventory (a runbook:
  /// not in the runbook folders).
  case unknownReference(String, what: String, key: String, suggestion: String?)
  /// A `facts:` name that is no fact of the vocabulary.
  case unknownFact(String, suggestion: String?)
  /// A fact's answer that is not one of its choices.
  case notAChoice(String, fact: String, suggestion: String?)
  /// A fact's answer of the wrong shape (`expected`: "a number", "a list").
  case factShape(fact: String, expected: String)
  /// A `residents:` entry that is not `CODE: COUNT`.
  case badResidents(String)
  /// A file of the inventory that could not be read.
  case unreadableFile(String)

  package var code: String {
    switch self {
    case .secretValue, .forbiddenKey: "secret-value"
    case .duplicateID, .secondOrganisation: "duplicate-id"
    case .unknownValue, .notAChoice: "unknown-choice"
    case .badDuration: "bad-duration"
    case .badDate: "bad-date"
    case .expectedYesNo: "expected-boolean"
    case .unknownReference, .unknownFact: "unknown-name"
    case .factShape: "type-mismatch"
    case .badResidents: "bad-residents"
    case .unreadableFile: "unreadable"
    }
  }

  package var message: String {
    switch self {
    case .secretValue(let rule):
      "this looks like \(rule); an inventory names a credential and how to rotate "
        + "it, never its value: remove it (and rotate it, since it has been written down)"
    case .forbiddenKey(let key):
      "a credential never carries its value: remove '\(key)' (keep the value in the secret "
        + "manager; describe where with 'where-used')"
    case .duplicateID(let id, let what, let first):
      "\(what) id '\(id)' is already used at \(first)"
    case .secondOrganisation(let first):
      "'organisation' is already given at \(first); an inventory has one"
    case .unknownValue(let value, let key, let allowed, let suggestion):
      "unknown \(key) \(SecretScanner.quoted(value))"
        + (suggestion != nil
          ? Suggestion.didYouMean(suggestion) : "; use one of \(allowed.joined(separator: ", "))")
    case .badDuration(let text, let key, let units):
      "'\(key)' must be a number and a unit (\(units)), like '72 hours', not "
        + SecretScanner.quoted(text)
    case .badDate(let text, let key):
      "'\(key)' must be a date YYYY-MM-DD, not \(SecretScanner.quoted(text))"
    case .expectedYesNo(let text, let key):
      "'\(key)' must be yes or no, not \(SecretScanner.quoted(text))"
    case .unknownReference(let id, let what, let key, let suggestion):
      "'\(key)' names \(what) '\(id)', which is not in the "
        + (what == "runbook" ? "runbook folders" : "inventory")
        + Suggestion.didYouMean(suggestion)
    case .unknownFact(let name, let suggestion):
      "'\(name)' is no fact of the vocabulary (obligations/facts.yaml)"
        + Suggestion.didYouMean(suggestion)
    case .notAChoice(let value, let fact, let suggestion):
      "\(SecretScanner.quoted(value)) is not a value of the fact '\(fact)'"
        + Suggestion.didYouMean(suggestion)
    case .factShape(let fact, let expected):
      "the fact '\(fact)' takes \(expected)"
    case .badResidents(let message):
      message
    case .unreadableFile(let path):
      "\(path) cannot be read"
    }
  }
}
