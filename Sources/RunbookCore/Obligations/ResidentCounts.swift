import Foundation

/// The answer of a `residents` fact: how many affected people live in each jurisdiction.
///
/// Each item of the list answer is `CODE: COUNT`: an ISO 3166-1 alpha-2 country (`DE`), an ISO
/// 3166-2 subdivision (`US-TX`, `CA-QC`), `EU` or `ANY`; the count is a whole number, or `?` when
/// it is not known yet.
package struct ResidentCounts: Sendable, Equatable {
  /// One `CODE: COUNT` item.
  package struct Entry: Sendable, Equatable {
    package var code: String
    /// Nil for `?`.
    package var count: Int?

    package init(code: String, count: Int?) {
      self.code = code
      self.count = count
    }
  }

  /// The name of the fact the engine reads counts from.
  package static let factName = "residents"

  package var entries: [Entry]

  /// Why one item is refused, with the character offset of the bad part.
  package struct ItemError: Error, Sendable, Equatable {
    package var message: String
    package var offset: Int
  }

  /// Parses the items of a list answer.
  package init(items: [String]) throws(ItemError) {
    entries = []
    for item in items {
      entries.append(try Self.entry(item))
    }
  }

  /// The counts of a `residents` value; nil for a value that is not a list of valid items.
  package init?(_ value: Value) {
    guard case .list(let items) = value, let counts = try? ResidentCounts(items: items) else {
      return nil
    }
    self = counts
  }

  /// Reads one `CODE: COUNT` item.
  package static func entry(_ item: String) throws(ItemError) -> Entry {
    if let entry = plainEntry(item) { return entry }
    guard let colon = item.firstIndex(of: ":") else {
      throw ItemError(
        message: "expected CODE: COUNT (like 'US-TX: 1200'), not '\(item)'", offset: 0)
    }
    let code = item[..<colon].trimmedOfSpaces
    let countText = item[item.index(after: colon)...].trimmedOfSpaces
    guard isJurisdictionCode(code) else {
      throw ItemError(
        message: "'\(code)' is not a jurisdiction code: use ISO 3166-1 alpha-2 (DE), "
          + "ISO 3166-2 (US-TX), EU or ANY, in capitals", offset: 0)
    }
    let countOffset = item.distance(from: item.startIndex, to: colon) + 1
    if countText == "?" { return Entry(code: code, count: nil) }
    guard let count = Int(countText), count >= 0, countText.allSatisfy(\.isASCII) else {
      throw ItemError(
        message: "the count of \(code) must be a whole number or ?, not '\(countText)'",
        offset: countOffset)
    }
    return Entry(code: code, count: count)
  }

  /// The entry of an item written plainly (`US-TX: 1200`, `DE: ?`: ASCII, a valid code and a
  /// count of digits or `?`, spaces around either), read on its UTF-8 bytes; nil for any other
  /// item, which ``entry(_:)`` then reads Character by Character (and refuses with its message).
  ///
  /// A run reads the same items a dozen times (answers, scope, evaluation): by `Character` that
  /// was a third of a million instructions.
  private static func plainEntry(_ item: String) -> Entry? {
    var item = item
    return item.withUTF8 { bytes -> Entry? in
      guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
      let space = UInt8(ascii: " ")
      func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, bytes[lower] == space { lower += 1 }
        while upper > lower, bytes[upper - 1] == space { upper -= 1 }
        return lower..<upper
      }
      let code = trimmed(0..<colon)
      let count = trimmed(colon + 1..<bytes.count)
      func isUpper(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
      func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
      let codeBytes = bytes[code]
      let isCode =
        codeBytes.elementsEqual("EU".utf8) || codeBytes.elementsEqual("ANY".utf8)
        || (codeBytes.count >= 2 && isUpper(bytes[code.lowerBound])
          && isUpper(bytes[code.lowerBound + 1])
          && (codeBytes.count == 2
            || ((4...6).contains(codeBytes.count)
              && bytes[code.lowerBound + 2] == UInt8(ascii: "-")
              && bytes[(code.lowerBound + 3)..<code.upperBound].allSatisfy {
                isUpper($0) || isDigit($0)
              })))
      guard isCode else { return nil }
      let codeText = String(decoding: codeBytes, as: UTF8.self)
      let countBytes = bytes[count]
      if countBytes.elementsEqual("?".utf8) { return Entry(code: codeText, count: nil) }
      // At most 18 digits: always an `Int`.
      guard (1...18).contains(countBytes.count), countBytes.allSatisfy(isDigit) else { return nil }
      let value = countBytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
      return Entry(code: codeText, count: value)
    }
  }

  /// Whether `code` has the shape of a jurisdiction code: `DE`, `US-TX`, `GB-SCT`, `EU`, `ANY`.
  package static func isJurisdictionCode(_ code: String) -> Bool {
    if code == "EU" || code == "ANY" { return true }
    let parts = code.split(separator: "-", omittingEmptySubsequences: false)
    guard let country = parts.first, country.count == 2, country.allSatisfy(isUpperLetter)
    else { return false }
    if parts.count == 1 { return true }
    guard parts.count == 2, (1...3).contains(parts[1].count) else { return false }
    return parts[1].allSatisfy { isUpperLetter($0) || ("0"..."9").contains($0) }
  }

  private static func isUpperLetter(_ character: Character) -> Bool {
    ("A"..."Z").contains(character)
  }

  /// The EU member states (ISO 3166-1 alpha-2).
  package static let euMemberStates: Set<String> = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
    "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
  ]

  /// Whether `code` lies inside `jurisdiction`: equal, a subdivision of that country, a member
  /// state (or its subdivision) of the `EU`, or anything for `ANY`.
  package static func code(_ code: String, isWithin jurisdiction: String) -> Bool {
    if jurisdiction == "ANY" || code == jurisdiction { return true }
    let country = Self.country(of: code)
    if jurisdiction == "EU" { return euMemberStates.contains(String(country)) }
    return !jurisdiction.utf8.contains(UInt8(ascii: "-")) && country == jurisdiction
  }

  /// The country part of a code: what comes before its first `-` (`US-TX` → `US`), cut in the
  /// UTF-8 bytes (codes are ASCII), not by walking `Character`s.
  static func country(of code: String) -> Substring {
    code[..<(code.utf8.firstIndex(of: UInt8(ascii: "-")) ?? code.endIndex)]
  }

  /// The people affected in `jurisdiction`, summed over the codes inside it; 0 when none; nil
  /// when one of those counts is `?`.
  package func count(in jurisdiction: String) -> Int? {
    var total = 0
    for entry in entries where Self.code(entry.code, isWithin: jurisdiction) {
      guard let count = entry.count else { return nil }
      total += count
    }
    return total
  }

  /// The largest count among the sub-codes of `jurisdiction` (for `US`, the state with most
  /// residents affected).
  ///
  /// For a country, its subdivisions (`US-TX: 3` and `US-TX: 4` make 7); for `EU`, its member
  /// states and for `ANY`, the countries, each with its subdivisions summed; for a subdivision,
  /// its own count. 0 when none.
  ///
  /// Nil when a count that may go into it is `?`, or when the jurisdiction's own code carries a
  /// count (`US: 600`): how those people spread over its sub-codes is not known.
  package func largestSubdivision(of jurisdiction: String) -> Int? {
    if jurisdiction.utf8.contains(UInt8(ascii: "-")) { return count(in: jurisdiction) }
    var sums: [String: Int] = [:]
    for entry in entries where Self.code(entry.code, isWithin: jurisdiction) {
      guard let count = entry.count else { return nil }
      let country = String(Self.country(of: entry.code))
      // The jurisdiction's own code (`US: 600`, `EU: 10`): spread over sub-codes not known.
      if entry.code == jurisdiction {
        if count == 0 { continue }
        return nil
      }
      let part = jurisdiction == "EU" || jurisdiction == "ANY" ? country : entry.code
      sums[part, default: 0] += count
    }
    return sums.values.max() ?? 0
  }

  /// Every affected person; nil when a count is `?`.
  package var total: Int? {
    var total = 0
    for entry in entries {
      guard let count = entry.count else { return nil }
      total += count
    }
    return total
  }

  /// The jurisdictions the codes involve: each code, its country, and `EU` for a member state.
  package static func involved(by codes: [String]) -> Set<String> {
    var involved: Set<String> = []
    for code in codes {
      involved.insert(code)
      let country = String(Self.country(of: code))
      involved.insert(country)
      if euMemberStates.contains(country) { involved.insert("EU") }
    }
    return involved
  }
}
