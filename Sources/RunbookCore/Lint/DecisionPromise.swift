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
  enum Kind: Sendable, Hashable {
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
    var previous: (word: String, start: String.Index)?
    /// Where a word starts, in `Character`s (worked out only for the words that promise).
    func offset(_ start: String.Index) -> Int {
      start.samePosition(in: text).map { text.distance(from: text.startIndex, to: $0) } ?? 0
    }
    for token in tokens(of: text) {
      guard case .word(let written, let start) = token else {
        isNegated = false
        previous = nil
        continue
      }
      let word = written.lowercased()
      var promise: (kind: Kind, word: String, start: String.Index)?
      if credentialWords.contains(word) {
        promise = (.credentialChange, written, start)
      } else if notificationWords.contains(word) {
        promise = (.notification, written, start)
      } else if word == "to", let previous, reportWords.contains(previous.word.lowercased()) {
        promise = (.notification, previous.word + " " + written, previous.start)
      }
      if let promise, !isNegated, !found.contains(where: { $0.kind == promise.kind }) {
        found.append(
          DecisionPromise(kind: promise.kind, word: promise.word, offset: offset(promise.start)))
      }
      if negations.contains(word) || word.hasSuffix("n't") || word.hasSuffix("n’t") {
        isNegated = true
      }
      previous = (written, start)
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
    /// A word and where it starts.
    case word(String, start: String.Index)
    case clauseBreak
  }

  private static let clauseBreaks: Set<Unicode.Scalar> = [
    ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "\n", "\u{2013}", "\u{2014}",
  ]

  /// The words and clause breaks of `text`; a `{{reference}}` is neither.
  ///
  /// Scans Unicode scalars: a decision is read on every load, and `Character`s cost more.
  private static func tokens(of text: String) -> [Token] {
    var tokens: [Token] = []
    var word = String.UnicodeScalarView()
    var wordStart = text.unicodeScalars.startIndex
    var inReference = false
    var previous: Unicode.Scalar?
    func endWord() {
      guard !word.isEmpty else { return }
      tokens.append(.word(String(word), start: wordStart))
      word = String.UnicodeScalarView()
    }
    var index = text.unicodeScalars.startIndex
    while index < text.unicodeScalars.endIndex {
      let scalar = text.unicodeScalars[index]
      defer {
        previous = scalar
        index = text.unicodeScalars.index(after: index)
      }
      if inReference {
        if scalar == "}" && previous == "}" { inReference = false }
        continue
      }
      if scalar == "{" && previous == "{" {
        inReference = true
        continue
      }
      if isWordScalar(scalar) || (!word.isEmpty && (scalar == "'" || scalar == "\u{2019}")) {
        if word.isEmpty { wordStart = index }
        word.append(scalar)
        continue
      }
      endWord()
      if clauseBreaks.contains(scalar) { tokens.append(.clauseBreak) }
    }
    endWord()
    return tokens
  }

  /// Letters, digits and combining marks make words.
  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        || (0x30...0x39).contains(value)
    }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.generalCategory == .decimalNumber
      || properties.generalCategory == .nonspacingMark
  }
}
