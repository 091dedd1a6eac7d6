/// Reads the words of a `due` text, following the grammar on `DueRule`.
///
/// A `;` is a word of its own, so `x; 24 hours` splits as `x`, `;`, `24`, `hours`.
struct DueRuleReader {
  /// A word and its `Character` offset.
  private struct Word {
    var text: String
    var offset: Int

    var lowercased: String { text.lowercased() }
  }

  private var words: [Word] = []
  private var position = 0
  /// Where each clause read so far names its anchor (`Character` offsets; for `immediately`,
  /// the word itself).
  private(set) var anchorOffsets: [Int] = []
  private let textLength: Int

  init(_ text: String) {
    if let words = Self.asciiWords(in: text) {
      self.words = words.words
      textLength = words.length
      return
    }
    var current = ""
    var start = 0
    for (offset, character) in text.enumerated() {
      if character.isWhitespace || character == ";" {
        if !current.isEmpty { words.append(Word(text: current, offset: start)) }
        current = ""
        if character == ";" { words.append(Word(text: ";", offset: offset)) }
      } else {
        if current.isEmpty { start = offset }
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(Word(text: current, offset: start)) }
    textLength = text.count
  }

  /// The words of an ASCII text without CR, read from its bytes (each byte is one `Character`
  /// there, and `Character.isWhitespace` holds for exactly U+0009 to U+000D and the space),
  /// with the text's length; nil for any other text, which takes the walk over Characters.
  ///
  /// Nearly every rule is ASCII, and the walk over Characters (grapheme breaking and a Unicode
  /// property lookup per character) cost more than the rest of reading the rule.
  private static func asciiWords(in text: String) -> (words: [Word], length: Int)? {
    var text = text
    return text.withUTF8 { bytes -> (words: [Word], length: Int)? in
      guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
      var words: [Word] = []
      var start: Int?
      func word(_ range: Range<Int>) -> Word {
        Word(
          text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self),
          offset: range.lowerBound)
      }
      for (offset, byte) in bytes.enumerated() {
        let isSemicolon = byte == UInt8(ascii: ";")
        if (0x09...0x0D).contains(byte) || byte == 0x20 || isSemicolon {
          if let first = start { words.append(word(first..<offset)) }
          start = nil
          if isSemicolon { words.append(Word(text: ";", offset: offset)) }
        } else if start == nil {
          start = offset
        }
      }
      if let first = start { words.append(word(first..<bytes.count)) }
      return (words, bytes.count)
    }
  }

  private var endOffset: Int { textLength }

  private mutating func nextWord() -> Word? {
    guard position < words.count else { return nil }
    defer { position += 1 }
    return words[position]
  }

  private func peek(_ ahead: Int = 0) -> Word? {
    position + ahead < words.count ? words[position + ahead] : nil
  }

  /// The next word of the current clause: nil at the end of the text or at a `;`, left unread.
  private mutating func nextWordInClause() -> Word? {
    guard let word = peek(), word.text != ";" else { return nil }
    position += 1
    return word
  }

  /// Where the current clause ends: at its `;`, or at the end of the text.
  private var clauseEnd: Int { peek()?.offset ?? endOffset }

  /// Reads the whole text.
  ///
  ///     due = "earliest" "of" clause (";" clause)+ | clause
  mutating func read() throws(DueRuleError) -> DueRule {
    guard let first = peek() else {
      throw DueRuleError(.emptyRule, offset: 0, length: 0)
    }
    guard first.lowercased == "earliest" else {
      let clause = try readClause()
      try expectEnd()
      return DueRule(clause)
    }
    position += 1
    try expectWord("of", after: first)
    var clauses = [try readClause()]
    while let word = nextWord() {
      guard word.text == ";" else {
        throw DueRuleError(
          .missingSeparator(found: word.text), offset: word.offset, length: word.text.count)
      }
      clauses.append(try readClause())
    }
    guard clauses.count > 1, let rule = DueRule(earliestOf: clauses) else {
      throw DueRuleError(.earliestOfNeedsTwo, offset: first.offset, length: first.text.count)
    }
    return rule
  }

  /// Reads one clause.
  ///
  ///     clause = "immediately" | NUMBER UNIT "after" ["year-end" "of"] NAME ["by" HH:MM ZONE]
  private mutating func readClause() throws(DueRuleError) -> DueClause {
    guard let first = nextWordInClause() else {
      throw DueRuleError(.missingRule, offset: clauseEnd, length: 0)
    }
    if first.lowercased == "immediately" {
      anchorOffsets.append(first.offset)
      return .immediately
    }
    let digits = String(first.text.prefix(while: \.isASCIIDigitCharacter))
    let attached = String(first.text.dropFirst(digits.count))
    guard !digits.isEmpty, !(attached.first.map { $0 == "." || $0 == "," } ?? false) else {
      let suggestion = Suggestion.nearest(to: first.lowercased, in: ["immediately", "earliest"])
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
    var fromYearEnd = false
    if let yearEnd = peek(), yearEnd.lowercased == "year-end", peek(1)?.lowercased == "of" {
      guard unit.countsWholeDays else {
        throw DueRuleError(
          .yearEndNeedsWholeDays(unit: unit.rawValue), offset: yearEnd.offset,
          length: yearEnd.text.count)
      }
      position += 2
      fromYearEnd = true
    }
    let anchor = try readAnchor()
    var cutOff: DueCutOff?
    if let by = peek(), by.lowercased == "by" {
      guard unit.countsWholeDays else {
        throw DueRuleError(
          .cutOffNeedsWholeDays(unit: unit.rawValue), offset: by.offset, length: by.text.count)
      }
      position += 1
      cutOff = try readCutOff()
    }
    return DueClause(
      amount: amount, unit: unit, after: anchor, fromYearEnd: fromYearEnd, cutOff: cutOff)
  }

  private mutating func readUnit(amount: Int, attached: String, after number: Word)
    throws(DueRuleError) -> DueUnit
  {
    let unitWord: Word
    if attached.isEmpty {
      guard let word = nextWordInClause() else {
        throw DueRuleError(.missingUnit, offset: clauseEnd, length: 0)
      }
      unitWord = word
    } else {
      unitWord = Word(
        text: attached, offset: number.offset + number.text.count - attached.count)
    }
    if unitWord.lowercased == "business", let days = peek(),
      ["days", "day"].contains(days.lowercased)
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
    guard let word = nextWordInClause() else {
      throw DueRuleError(.missingAfter(found: nil), offset: clauseEnd, length: 0)
    }
    guard word.lowercased == "after" else {
      throw DueRuleError(
        .missingAfter(found: word.text), offset: word.offset, length: word.text.count)
    }
  }

  private mutating func readAnchor() throws(DueRuleError) -> DueAnchor {
    guard let word = nextWordInClause() else {
      throw DueRuleError(.missingAnchor, offset: clauseEnd, length: 0)
    }
    anchorOffsets.append(word.offset)
    // The error is made only when thrown: a `DueRuleError` made and dropped on every anchor
    // costs the runtime a first lookup of its generic type (a quarter of a million instructions).
    func refuse() -> DueRuleError {
      DueRuleError(.badAnchor(word.text), offset: word.offset, length: word.text.count)
    }
    if word.text == "recorded" { return .recorded }
    let parts = word.text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.allSatisfy(Self.isIdentifier) else { throw refuse() }
    switch parts.count {
    case 1: return .answer(word.text)
    case 2 where parts[1] == "sent": return .sent(notificationID: String(parts[0]))
    default: throw refuse()
    }
  }

  /// `HH:MM ZONE`, after `by`: an hour of one or two digits, two digits of minutes, and an IANA
  /// zone name that Foundation knows.
  private mutating func readCutOff() throws(DueRuleError) -> DueCutOff {
    guard let time = nextWordInClause() else {
      throw DueRuleError(.missingCutOffTime, offset: clauseEnd, length: 0)
    }
    let parts = time.text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
      let hour = Int(parts[0]), let minute = Int(parts[1]), hour <= 23, minute <= 59
    else {
      throw DueRuleError(.badCutOffTime(time.text), offset: time.offset, length: time.text.count)
    }
    guard let zone = nextWordInClause() else {
      throw DueRuleError(.missingTimeZone, offset: clauseEnd, length: 0)
    }
    guard let cutOff = DueCutOff(hour: hour, minute: minute, zone: zone.text) else {
      throw DueRuleError(
        .unknownTimeZone(zone.text, suggestion: DueCutOff.suggestion(forZone: zone.text)),
        offset: zone.offset, length: zone.text.count)
    }
    return cutOff
  }

  private mutating func expectWord(_ expected: String, after previous: Word) throws(DueRuleError) {
    guard let word = nextWordInClause() else {
      throw DueRuleError(
        .missingWord(expected, after: previous.text, found: nil), offset: clauseEnd, length: 0)
    }
    guard word.lowercased == expected else {
      throw DueRuleError(
        .missingWord(expected, after: previous.text, found: word.text), offset: word.offset,
        length: word.text.count)
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
