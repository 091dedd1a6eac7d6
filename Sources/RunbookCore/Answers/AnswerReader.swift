import Foundation

/// Reads one answer by its question's type: `yes`/`no` for a yesno, a choice id for a choice,
/// comma-separated ids for a multi, RFC 3339 for a datetime, and so on; checks bounds, patterns
/// and choices, and refuses free text that looks like a live secret.
package enum AnswerReader {
  /// Reads `input` as an answer to `question`.
  ///
  /// - Parameters:
  ///   - now: the current time, which `now` means for a date or datetime; nil accepts `now`
  ///     without a value (for checking defaults) and gives `.unset`.
  /// - Returns: the typed value, or why the answer does not fit.
  package static func read(
    _ input: AnswerInput, for question: Question, now: Date?
  ) -> Result<Value, AnswerProblem> {
    if let problem = hiddenCharacterProblem(in: input) { return .failure(problem) }
    switch question.type {
    case .multi, .list:
      return readItems(input, for: question)
    case .note:
      return .success(.unset)
    default:
      break
    }
    let text: String
    switch input {
    case .text(let value): text = value.trimmed
    case .items:
      return .failure(.expectedOneValue)
    }
    if text.isEmpty {
      return .failure(.required)
    }
    switch question.type {
    case .yesno: return readYesNo(text)
    case .choice: return readChoice(text, for: question)
    case .number: return readNumber(text, for: question)
    case .date, .datetime: return readTime(text, for: question, now: now)
    default: return readText(text, for: question)
    }
  }

  /// Reads `text` as an answer to `question` (a convenience for one typed line).
  package static func read(_ text: String, for question: Question, now: Date?) -> Result<
    Value, AnswerProblem
  > {
    read(.text(text), for: question, now: now)
  }

  /// The problem with a control, bidi or zero-width character in an answer, if it has one.
  ///
  /// Such a character (`VisibleText.isHidden`) would make the answer show differently from what
  /// it holds. Line feeds and tabs are allowed (a multi-line answer from a file), and so are
  /// U+200C and U+200D, which Persian, Indic scripts and emoji need. Checked in every mode, since
  /// interactive, answers-file, mixed and resumed answers all pass through `read`.
  static func hiddenCharacterProblem(in input: AnswerInput) -> AnswerProblem? {
    // Most answers are printable ASCII: no scalar of theirs is hidden, trimmed or not.
    switch input {
    case .text(let text): if isPrintableASCII(text) { return nil }
    case .items(let items): if items.allSatisfy(isPrintableASCII) { return nil }
    }
    let texts: [String]
    switch input {
    case .text(let text): texts = [text.trimmed]
    case .items(let items): texts = items.map(\.trimmed)
    }
    for text in texts {
      for scalar in text.unicodeScalars
      where VisibleText.isHidden(scalar) && scalar != "\u{200C}" && scalar != "\u{200D}" {
        return .hiddenCharacter(scalar.value)
      }
    }
    return nil
  }

  /// Whether every byte of `text` is printable ASCII, a tab or a line feed: then none of its
  /// characters is hidden (``VisibleText/isHidden(_:)``).
  private static func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { (0x20..<0x7F).contains($0) || $0 == 0x0A || $0 == 0x09 }
  }

  private static func readYesNo(_ text: String) -> Result<Value, AnswerProblem> {
    switch text.lowercased() {
    case "yes", "y", "true": return .success(.boolean(true))
    case "no", "n", "false": return .success(.boolean(false))
    default: return .failure(.notYesOrNo(text))
    }
  }

  private static func readChoice(_ text: String, for question: Question) -> Result<
    Value, AnswerProblem
  > {
    if question.choiceIDs.contains(text) { return .success(.string(text)) }
    return .failure(unknownChoice(text, of: question))
  }

  static func unknownChoice(_ text: String, of question: Question) -> AnswerProblem {
    .unknownChoice(
      text, question: question.id, choices: question.choiceIDs,
      suggestion: Suggestion.nearest(to: text, in: question.choiceIDs))
  }

  private static func readNumber(_ text: String, for question: Question) -> Result<
    Value, AnswerProblem
  > {
    guard let number = DecimalNumber.value(of: text) else {
      return .failure(.notANumber(text))
    }
    if let problem = boundsProblem(number, for: question, counting: .number) {
      return .failure(problem)
    }
    return .success(.number(number))
  }

  private static func boundsProblem(
    _ value: Double, for question: Question, counting counted: AnswerProblem.Counted
  ) -> AnswerProblem? {
    if let min = question.min, value < min { return .belowMinimum(counted, minimum: min) }
    if let max = question.max, value > max { return .aboveMaximum(counted, maximum: max) }
    return nil
  }

  private static func readTime(
    _ text: String, for question: Question, now: Date?
  ) -> Result<Value, AnswerProblem> {
    if text.lowercased() == "now" {
      guard let now else { return .success(.unset) }
      if question.type == .date { return .success(.date(CalendarDay(utc: now))) }
      return .success(.time(now))
    }
    if question.type == .date {
      guard let day = CalendarDay(parsing: text), day.year >= 1 else {
        return .failure(.notADate(text))
      }
      return .success(.date(day))
    }
    guard hasAnswerDateTimeShape(text), let date = UTCTimestamp.date(from: text) else {
      return .failure(.notADateTime(text))
    }
    return .success(.time(date))
  }

  /// Whether `text` is shaped as an RFC 3339 `date-time` with an upper-case `T` and `Z` and
  /// whole seconds: `2026-04-01T09:30:00Z`, `2026-04-01T09:30:00.5+02:00`.
  ///
  /// Records accept more (`09:30Z`, a space for the `T`), but an answer is exactly what JSON
  /// Schema's `date-time` and `triage answers-schema` say; `UTCTimestamp` checks the numbers.
  static func hasAnswerDateTimeShape(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[17].isASCIIDigit, bytes[18].isASCIIDigit
    else { return false }
    return bytes[bytes.count - 1] != UInt8(ascii: "z")
  }

  private static func readText(_ text: String, for question: Question) -> Result<
    Value, AnswerProblem
  > {
    if let secret = SecretScanner.firstSecret(in: text) {
      return .failure(secret)
    }
    if let pattern = question.textPattern, !pattern.matchesWhole(text) {
      return .failure(.patternMismatch(text, pattern: "\(pattern)"))
    }
    return .success(.string(text))
  }

  private static func readItems(_ input: AnswerInput, for question: Question) -> Result<
    Value, AnswerProblem
  > {
    var items: [String]
    switch input {
    case .items(let list): items = list
    case .text(let text):
      items = question.type == .multi ? text.split(separator: ",").map(String.init) : [text]
    }
    items = items.map(\.trimmed).filter { !$0.isEmpty }
    for item in items {
      if let problem = problem(withItem: item, of: question) { return .failure(problem) }
    }
    if question.type == .multi, let problem = choiceConflict(in: items, of: question) {
      return .failure(problem)
    }
    if let problem = boundsProblem(Double(items.count), for: question, counting: .items) {
      return .failure(problem)
    }
    return .success(.list(items))
  }

  /// Why the choices of a multi answer do not go together, if they do not.
  ///
  /// A choice given twice, or an exclusive choice (`none`) given with others. `items` are
  /// trimmed choice ids.
  package static func choiceConflict(in items: [String], of question: Question) -> AnswerProblem? {
    var seen: Set<String> = []
    for item in items where !seen.insert(item).inserted {
      return .repeatedChoice(item)
    }
    guard items.count > 1 else { return nil }
    if let alone = items.first(where: question.exclusiveChoices.contains) {
      return .exclusiveChoice(alone, others: items.filter { $0 != alone })
    }
    return nil
  }

  /// Why one item of a `list` or `multi` answer is refused, if it is: an id that is no choice
  /// of a multi; a list item that looks like a secret or misses the question's pattern.
  ///
  /// The front ends check each item on its own with this, so that one bad item is reported at
  /// its place (an answers file) or refused alone (a terminal) while the others are kept.
  package static func problem(withItem item: String, of question: Question) -> AnswerProblem? {
    let item = item.trimmed
    if item.isEmpty { return nil }
    if question.type == .multi {
      return question.choiceIDs.contains(item) ? nil : unknownChoice(item, of: question)
    }
    if question.fact == ResidentCounts.factName {
      do {
        _ = try ResidentCounts.entry(item)
      } catch {
        return .badResidents(error.message)
      }
    }
    if let secret = SecretScanner.firstSecret(in: item) { return secret }
    if let pattern = question.textPattern, !pattern.matchesWhole(item) {
      return .patternMismatch(item, pattern: "\(pattern)")
    }
    return nil
  }
}
