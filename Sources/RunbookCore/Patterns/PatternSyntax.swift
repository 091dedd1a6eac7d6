/// A parsed `pattern`: the regular-expression subset that ECMAScript (JSON Schema's `pattern`,
/// which `triage answers-schema` writes), PCRE and Swift read the same way.
///
/// ```
/// pattern     := alternative ('|' alternative)*
/// alternative := (assertion | atom quantifier?)*
/// assertion   := '^' | '$'
/// atom        := '.' | literal | escape | class | '(' ('?:')? pattern ')'
/// class       := '[' '^'? (member ('-' member)?)+ ']'
/// quantifier  := ('*' | '+' | '?' | '{' n '}' | '{' n ',' '}' | '{' m ',' n '}') '?'?
/// escape      := '\' (d | w | s | D | W | S | n | t | r | f | v | punctuation)
/// ```
///
/// Refused, with the place and what was expected: what the dialects disagree on or only some
/// have (lookaround, backreferences, named groups, inline flags, `\b`, `\p{…}`, POSIX classes,
/// an empty class), and a literal `{`, `}`, `]` (or `[` inside a class) that is not escaped.
/// Patterns match Unicode scalars, as ECMAScript's `u` mode and PCRE's UTF mode do.
indirect enum PatternSyntax: Sendable, Equatable {
  /// Matches the empty text.
  case empty
  /// One scalar of the class.
  case scalar(ScalarClass)
  /// `^`: the start of the text.
  case start
  /// `$`: the end of the text.
  case end
  /// The parts one after another.
  case sequence([PatternSyntax])
  /// Any one of the choices.
  case choice([PatternSyntax])
  /// The body `minimum` to `maximum` times (nil: no upper bound).
  case repeated(PatternSyntax, minimum: Int, maximum: Int?)

  /// The largest count a `{m,n}` may give.
  static let maximumCount = 1000

  /// How deep groups may nest.
  static let maximumDepth = 64

  /// Parses `source`.
  ///
  /// - Throws: `PatternError` at the first problem.
  static func parse(_ source: String) throws(PatternError) -> PatternSyntax {
    var parser = PatternParser(source)
    let syntax = try parser.parseChoice(depth: 0)
    if parser.index < parser.scalars.count {
      // Only an unmatched `)` stops a top-level choice early.
      throw parser.error(.unmatchedParenthesis, at: parser.index)
    }
    return syntax
  }
}

/// The cursor behind ``PatternSyntax/parse(_:)``: the pattern's scalars and a position.
private struct PatternParser {
  let source: String
  let scalars: [Unicode.Scalar]
  var index = 0

  init(_ source: String) {
    self.source = source
    scalars = Array(source.unicodeScalars)
  }

  mutating func parseChoice(depth: Int) throws(PatternError) -> PatternSyntax {
    var choices = [try parseSequence(depth: depth)]
    while peek == "|" {
      index += 1
      choices.append(try parseSequence(depth: depth))
    }
    return choices.count == 1 ? choices[0] : .choice(choices)
  }

  private mutating func parseSequence(depth: Int) throws(PatternError) -> PatternSyntax {
    var parts: [PatternSyntax] = []
    while let scalar = peek, scalar != "|", scalar != ")" {
      let start = index
      switch scalar {
      case "^":
        index += 1
        parts.append(.start)
        continue
      case "$":
        index += 1
        parts.append(.end)
        continue
      case "*", "+", "?":
        throw error(.nothingToRepeat(String(scalar)), at: start)
      case "{" where countAhead() != nil:
        throw error(.nothingToRepeat(countAhead() ?? "{"), at: start)
      default:
        break
      }
      let atom = try parseAtom(depth: depth)
      parts.append(try parseQuantifier(on: atom))
    }
    switch parts.count {
    case 0: return .empty
    case 1: return parts[0]
    default: return .sequence(parts)
    }
  }

  private mutating func parseAtom(depth: Int) throws(PatternError) -> PatternSyntax {
    let start = index
    guard let scalar = next() else { return .empty }
    switch scalar {
    case ".":
      return .scalar(.anyButLineBreak)
    case "(":
      guard depth < PatternSyntax.maximumDepth else { throw error(.nestedTooDeeply, at: start) }
      if peek == "?" {
        guard index + 1 < scalars.count, scalars[index + 1] == ":" else {
          let opening = String(
            String.UnicodeScalarView(scalars[start..<min(start + 3, scalars.count)]))
          throw error(.unsupportedGroup(opening), at: start)
        }
        index += 2
      }
      let inner = try parseChoice(depth: depth + 1)
      guard next() == ")" else { throw error(.unclosedGroup, at: start) }
      return inner
    case "[":
      return .scalar(try parseClass(openingAt: start))
    case "{", "}", "]":
      throw error(.mustBeEscaped(Character(scalar)), at: start)
    case "\\":
      return .scalar(try parseEscape(at: start, inClass: false).set)
    default:
      return .scalar(.scalar(scalar))
    }
  }

  private mutating func parseQuantifier(on atom: PatternSyntax) throws(PatternError)
    -> PatternSyntax
  {
    guard let scalar = peek else { return atom }
    let start = index
    let bounds: (Int, Int?)
    switch scalar {
    case "*": bounds = (0, nil)
    case "+": bounds = (1, nil)
    case "?": bounds = (0, 1)
    case "{":
      guard let written = countAhead() else { return atom }
      guard let parsed = Self.count(written) else { throw error(.badCount(written), at: start) }
      index += written.unicodeScalars.count - 1
      bounds = parsed
    default: return atom
    }
    index += 1
    // A lazy `?` changes which match a search finds, never whether the whole text matches.
    if peek == "?" { index += 1 }
    if let next = peek, next == "*" || next == "+" || next == "?" {
      throw error(.nothingToRepeat(String(next)), at: index)
    }
    if peek == "{", let count = countAhead() {
      throw error(.nothingToRepeat(count), at: index)
    }
    return .repeated(atom, minimum: bounds.0, maximum: bounds.1)
  }

  /// `{…}` at the cursor when it is written like a count (`{3}`, `{2,}`, `{1,4}`, `{9,1}`).
  private func countAhead() -> String? {
    guard peek == "{" else { return nil }
    var end = index + 1
    while end < scalars.count, scalars[end] != "}" {
      guard ("0"..."9").contains(scalars[end]) || scalars[end] == "," else { return nil }
      end += 1
    }
    guard end < scalars.count, end > index + 1 else { return nil }
    return String(String.UnicodeScalarView(scalars[index...end]))
  }

  /// The bounds of a count written `{n}`, `{n,}` or `{m,n}`; nil when it is not one or breaks
  /// the limits.
  private static func count(_ written: String) -> (Int, Int?)? {
    let inside = written.dropFirst().dropLast()
    let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let lower = Int(parts[0]),
      lower <= PatternSyntax.maximumCount
    else { return nil }
    if parts.count == 1 { return (lower, lower) }
    if parts[1].isEmpty { return (lower, nil) }
    guard let upper = Int(parts[1]), lower <= upper, upper <= PatternSyntax.maximumCount else {
      return nil
    }
    return (lower, upper)
  }

  /// `[…]` after its `[` at `start`.
  private mutating func parseClass(openingAt start: Int) throws(PatternError) -> ScalarClass {
    var set = ScalarClass(items: [])
    if peek == "^" {
      set.isNegated = true
      index += 1
    }
    if peek == "]" { throw error(.emptyClass, at: start) }
    while true {
      guard let scalar = peek else { throw error(.unclosedClass, at: start) }
      if scalar == "]" {
        index += 1
        return set
      }
      let memberStart = index
      let lower = try parseClassMember()
      // `-` is literal first, last, or right after a range; otherwise it makes a range.
      guard peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" else {
        set.items += lower.set.items
        continue
      }
      index += 1
      let upper = try parseClassMember()
      let written = String(String.UnicodeScalarView(scalars[memberStart..<index]))
      guard let low = lower.scalar, let high = upper.scalar, low.value <= high.value else {
        throw error(.badRange(written), at: memberStart)
      }
      set.items.append(.range(low.value, high.value))
    }
  }

  /// One member of a class: a scalar (with the scalar itself) or a class escape (`\d`).
  private mutating func parseClassMember() throws(PatternError) -> (
    set: ScalarClass, scalar: Unicode.Scalar?
  ) {
    let start = index
    guard let scalar = next() else { throw error(.unclosedClass, at: start) }
    switch scalar {
    case "[": throw error(.mustBeEscaped("["), at: start)
    case "\\": return try parseEscape(at: start, inClass: true)
    default: return (.scalar(scalar), scalar)
    }
  }

  /// The escape whose `\` is at `start`: its set, and its scalar when it stands for one.
  private mutating func parseEscape(at start: Int, inClass: Bool) throws(PatternError) -> (
    set: ScalarClass, scalar: Unicode.Scalar?
  ) {
    guard let escaped = next() else { throw error(.trailingBackslash, at: start) }
    let single: Unicode.Scalar? =
      switch escaped {
      case "n": "\n"
      case "t": "\t"
      case "r": "\r"
      case "f": "\u{0C}"
      case "v": "\u{0B}"
      default: nil
      }
    if let single { return (.scalar(single), single) }
    switch escaped {
    case "d": return (ScalarClass(items: ScalarClass.digitItems), nil)
    case "w": return (ScalarClass(items: ScalarClass.wordItems), nil)
    case "s": return (ScalarClass(items: [.whitespace]), nil)
    case "D": return (ScalarClass(items: [.complement(ScalarClass.digitItems)]), nil)
    case "W": return (ScalarClass(items: [.complement(ScalarClass.wordItems)]), nil)
    case "S": return (ScalarClass(items: [.complement([.whitespace])]), nil)
    default: break
    }
    // Only the characters that have a meaning in patterns escape to themselves in every dialect
    // (ECMAScript's `u` mode, which JSON Schema validators use, refuses `\#` or `\'`); letters
    // and digits mean something different in each (`\b`, `\1`, `\p`, `\x`).
    guard Self.escapable.contains(escaped) || (inClass && escaped == "-") else {
      throw error(.unsupportedEscape(Character(escaped)), at: start)
    }
    return (.scalar(escaped), escaped)
  }

  /// The characters a `\` makes literal, in and out of classes.
  static let escapable: Set<Unicode.Scalar> = [
    "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/",
  ]

  var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

  mutating func next() -> Unicode.Scalar? {
    guard let scalar = peek else { return nil }
    index += 1
    return scalar
  }

  /// An error at scalar offset `scalarOffset`, reported at its `Character` offset.
  func error(_ kind: PatternError.Kind, at scalarOffset: Int) -> PatternError {
    var characters = 0
    var scalarsSeen = 0
    for character in source {
      let width = character.unicodeScalars.count
      if scalarsSeen + width > scalarOffset { break }
      scalarsSeen += width
      characters += 1
    }
    return PatternError(kind, offset: characters)
  }
}
