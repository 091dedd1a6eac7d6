/// A RubyGems version ordered as `Gem::Version` orders it: segments split at dots and at every
/// change between digits and letters; numbers compare as numbers, a letter segment marks a
/// pre-release and sorts before any number; missing segments count as 0.
package struct RubyGemsVersion: Sendable, Hashable, Comparable {
  /// One segment: a number or a word.
  enum Segment: Sendable, Hashable {
    case number(Int)
    case word(String)
  }

  var segments: [Segment]

  /// Reads `text`; nil when it holds anything but letters, digits, dots and dashes.
  package init?(_ text: String) {
    let trimmed = text.trimmingCharacters(in: " ")
    guard !trimmed.isEmpty,
      trimmed.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" })
    else { return nil }
    var segments: [Segment] = []
    var current = ""
    func close() {
      if current.isEmpty { return }
      segments.append(Int(current).map(Segment.number) ?? .word(current))
      current = ""
    }
    for character in trimmed.replacingOccurrences(of: "-", with: ".pre.") {
      if character == "." {
        close()
      } else if let last = current.last, last.isNumber != character.isNumber {
        close()
        current.append(character)
      } else {
        current.append(character)
      }
    }
    close()
    // Trailing zeros do not count (`1.0` is `1`).
    while segments.count > 1, segments.last == .number(0) { segments.removeLast() }
    self.segments = segments
  }

  package static func < (left: RubyGemsVersion, right: RubyGemsVersion) -> Bool {
    let count = max(left.segments.count, right.segments.count)
    for index in 0..<count {
      let a = index < left.segments.count ? left.segments[index] : .number(0)
      let b = index < right.segments.count ? right.segments[index] : .number(0)
      switch (a, b) {
      case (.number(let x), .number(let y)) where x != y: return x < y
      case (.word(let x), .word(let y)) where x != y: return x < y
      case (.word, .number): return true
      case (.number, .word): return false
      default: continue
      }
    }
    return false
  }
}

extension String {
  /// The string without leading and trailing `character`s.
  fileprivate func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
