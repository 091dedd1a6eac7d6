/// A promise a decision line makes in words: to change credentials, or to notify someone.
///
/// Found by ``DecisionPromise/promises(in:)`` in the template source of a `say`, word by word:
/// - a credential change is a form of rotate, revoke or reset (`rotate`, `rotation`, `revoked`,
///   `resetting`);
/// - a notification is a form of notify or inform (`notify`, `notification`, `informed`), or
///   `report to` (`reports to`, `reporting to`).
///
/// Words are matched in any letter case; `{{name}}` references are skipped, so a question called
/// `rotate_keys` promises nothing. A word is not a promise when `no`, `not`, `nothing`, `never`,
/// `without`, `cannot` or a word ending in `n't` comes before it in the same clause, clauses being
/// split at `.`, `,`, `;`, `:`, `!`, `?`, brackets, dashes and line breaks: "nothing to rotate",
/// "do not notify", "no rotation", "the no-notify rationale" promise nothing. That is all the
/// grammar there is: "rotate unless nothing leaked" is read as negated, and "no delay: rotate" as
/// a promise.
struct DecisionPromise: Sendable, Equatable {
  /// What is promised.
  enum Kind: Sendable, Equatable {
    /// Rotate, revoke or reset: backed by an action whose kind is a credential change.
    case credentialChange
    /// Notify, inform, report to: backed by a notification.
    case notification
  }

  var kind: Kind
  /// The words as written (`Rotate`, `report to`).
  var word: String
  /// Where the word starts in the text, in `Character`s.
  var offset: Int

  /// The promises `text` makes, in order, at most one of each kind (the first).
  static func promises(in text: String) -> [DecisionPromise] {
    var found: [DecisionPromise] = []
    var isNegated = false
    var previous: (word: String, offset: Int)?
    for token in tokens(of: text) {
      guard case .word(let written, let offset) = token else {
        isNegated = false
        previous = nil
        continue
      }
      let word = written.lowercased()
      var promise: DecisionPromise?
      if credentialWords.contains(word) {
        promise = DecisionPromise(kind: .credentialChange, word: written, offset: offset)
      } else if notificationWords.contains(word) {
        promise = DecisionPromise(kind: .notification, word: written, offset: offset)
      } else if word == "to", let previous, reportWords.contains(previous.word.lowercased()) {
        promise = DecisionPromise(
          kind: .notification, word: previous.word + " " + written, offset: previous.offset)
      }
      if let promise, !isNegated, !found.contains(where: { $0.kind == promise.kind }) {
        found.append(promise)
      }
      if negations.contains(word) || word.hasSuffix("n't") || word.hasSuffix("n’t") {
        isNegated = true
      }
      previous = (written, offset)
    }
    return found
  }

  static let credentialWords: Set<String> = [
    "rotate", "rotates", "rotated", "rotating", "rotation", "rotations",
    "revoke", "revokes", "revoked", "revoking", "revocation", "revocations",
    "reset", "resets", "resetting",
  ]
  static let notificationWords: Set<String> = [
    "notify", "notifies", "notified", "notifying", "notification", "notifications",
    "inform", "informs", "informed", "informing",
  ]
  static let reportWords: Set<String> = ["report", "reports", "reported", "reporting"]
  static let negations: Set<String> = [
    "no", "not", "nothing", "never", "without", "cannot",
  ]
}

extension DecisionPromise {
  /// A piece of a decision's text: a word with its offset, or a clause boundary.
  private enum Token {
    case word(String, offset: Int)
    case clauseBreak
  }

  private static let clauseBreaks: Set<Character> = [
    ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "\n", "\u{2013}", "\u{2014}",
  ]

  /// The words and clause breaks of `text`; a `{{reference}}` is neither.
  private static func tokens(of text: String) -> [Token] {
    var tokens: [Token] = []
    var word = ""
    var wordStart = 0
    var inReference = false
    var previous: Character?
    func endWord() {
      if !word.isEmpty { tokens.append(.word(word, offset: wordStart)) }
      word = ""
    }
    for (offset, character) in text.enumerated() {
      defer { previous = character }
      if inReference {
        if character == "}" && previous == "}" { inReference = false }
        continue
      }
      if character == "{" && previous == "{" {
        word = ""
        inReference = true
        continue
      }
      if character.isLetter || character.isNumber
        || (!word.isEmpty && (character == "'" || character == "\u{2019}"))
      {
        if word.isEmpty { wordStart = offset }
        word.append(character)
        continue
      }
      endWord()
      if clauseBreaks.contains(character) { tokens.append(.clauseBreak) }
    }
    endWord()
    return tokens
  }
}
