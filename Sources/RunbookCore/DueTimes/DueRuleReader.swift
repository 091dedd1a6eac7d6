/// Reads the words of a `due` text: `immediately` | NUMBER UNIT 'after' ANCHOR.
struct DueRuleReader {
  /// A word and its `Character` offset.
  private struct Word {
    var text: String
    var offset: Int
  }

  private var words: [Word] = []
  private var position = 0
  private let textLength: Int

  init(_ text: String) {
    var current = ""
    var start = 0
    for (offset, character) in text.enumerated() {
      if character.isWhitespace {
        if !current.isEmpty { words.append(Word(text: current, offset: start)) }
        current = ""
      } else {
        if current.isEmpty { start = offset }
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(Word(text: current, offset: start)) }
    textLength = text.count
  }

  private var endOffset: Int { textLength }

  private mutating func nextWord() -> Word? {
    guard position < words.count else { return nil }
    defer { position += 1 }
    return words[position]
  }

  mutating func read() throws(DueRuleError) -> DueRule {
    guard let first = nextWord() else {
      throw DueRuleError(.emptyRule, offset: 0, length: 0)
    }
    if first.text.lowercased() == "immediately" {
      try expectEnd()
      return .immediately
    }
    let digits = String(first.text.prefix(while: \.isASCIIDigitCharacter))
    let attached = String(first.text.dropFirst(digits.count))
    guard !digits.isEmpty, !(attached.first.map { $0 == "." || $0 == "," } ?? false) else {
      let suggestion = Suggestion.nearest(to: first.text.lowercased(), in: ["immediately"])
      throw DueRuleError(
        .badNumber(first.text, suggestion: suggestion), offset: first.offset,
        length: first.text.count)
    }
    guard digits.count <= 7, let amount = Int(digits), amount <= DueRule.maximumAmount else {
      throw DueRuleError(.amountTooLarge(digits), offset: first.offset, length: digits.count)
    }
    guard amount > 0 else {
      throw DueRuleError(.zeroAmount, offset: first.offset, length: digits.count)
    }
    let unit = try readUnit(amount: amount, attached: attached, after: first)
    try readAfter()
    let anchor = try readAnchor()
    try expectEnd()
    return DueRule(amount: amount, unit: unit, after: anchor)
  }

  private mutating func readUnit(amount: Int, attached: String, after number: Word)
    throws(DueRuleError) -> DueUnit
  {
    let unitWord: Word
    if attached.isEmpty {
      guard let word = nextWord() else {
        throw DueRuleError(.missingUnit, offset: endOffset, length: 0)
      }
      unitWord = word
    } else {
      unitWord = Word(
        text: attached, offset: number.offset + number.text.count - attached.count)
    }
    if unitWord.text.lowercased() == "business", position < words.count,
      ["days", "day"].contains(words[position].text.lowercased())
    {
      position += 1
      return .businessDays
    }
    if let unit = DueUnit(spelling: unitWord.text) { return unit }
    throw DueRuleError(
      .unknownUnit(unitWord.text, suggestion: suggestion(forUnit: unitWord.text, amount: amount)),
      offset: unitWord.offset, length: unitWord.text.count)
  }

  /// Replacement text for a word that is not a unit: a synonym's unit, a converted count for
  /// fortnights, or the nearest spelling.
  private func suggestion(forUnit word: String, amount: Int) -> String? {
    switch word.lowercased() {
    case "fortnight", "fortnights": return "\(amount * 2) weeks"
    case "hr", "hrs": return "hours"
    case "min", "mins": return "minutes"
    case "wk", "wks": return "weeks"
    case "mo", "mos", "mon", "mth", "mths": return "months"
    case "working", "workdays", "workday", "weekdays", "weekday", "business", "businessdays",
      "business-days", "bd":
      return "business days"
    default: return Suggestion.nearest(to: word.lowercased(), in: DueUnit.spellings)
    }
  }

  private mutating func readAfter() throws(DueRuleError) {
    guard let word = nextWord() else {
      throw DueRuleError(.missingAfter(found: nil), offset: endOffset, length: 0)
    }
    guard word.text.lowercased() == "after" else {
      throw DueRuleError(
        .missingAfter(found: word.text), offset: word.offset, length: word.text.count)
    }
  }

  private mutating func readAnchor() throws(DueRuleError) -> DueAnchor {
    guard let word = nextWord() else {
      throw DueRuleError(.missingAnchor, offset: endOffset, length: 0)
    }
    let refuse = DueRuleError(.badAnchor(word.text), offset: word.offset, length: word.text.count)
    if word.text == "recorded" { return .recorded }
    let parts = word.text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.allSatisfy(Self.isIdentifier) else { throw refuse }
    switch parts.count {
    case 1: return .answer(word.text)
    case 2 where parts[1] == "sent": return .sent(notificationID: String(parts[0]))
    default: throw refuse
    }
  }

  private mutating func expectEnd() throws(DueRuleError) {
    guard let word = nextWord() else { return }
    throw DueRuleError(.unexpectedText(word.text), offset: word.offset, length: word.text.count)
  }

  /// A question or notification id: a letter or `_`, then letters, digits, `_` or `-`.
  private static func isIdentifier(_ text: Substring) -> Bool {
    guard let first = text.first, first.isNameStart else { return false }
    return text.allSatisfy { $0.isNameContinuation || $0 == "-" }
  }
}
