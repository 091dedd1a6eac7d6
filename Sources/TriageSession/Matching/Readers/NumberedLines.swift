/// The lines of a text with their 1-based numbers, line ends (`\n`, `\r\n`) removed: the line
/// cursor every line-based reader walks.
struct NumberedLines: Sequence {
  let text: String

  func makeIterator() -> Array<(number: Int, text: Substring)>.Iterator {
    var lines: [(number: Int, text: Substring)] = []
    var number = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      lines.append((number, line.last == "\r" ? line.dropLast() : line))
    }
    return lines.makeIterator()
  }
}

extension Substring {
  /// How many spaces the line starts with.
  var indentation: Int { prefix { $0 == " " }.count }

  /// The line without leading and trailing spaces.
  var strippedOfSpaces: Substring {
    var text = self
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    return text
  }

  /// The text without one pair of surrounding double or single quotes.
  var unquoted: Substring {
    if count >= 2, let first, first == "\"" || first == "'", last == first {
      return dropFirst().dropLast()
    }
    return self
  }
}

extension String {
  /// The name and version of `name@version`, split at the last `@` after the first character
  /// (so `@scope/name@1.0.0` splits after the scope).
  func splitAtVersionSign() -> (name: String, version: String)? {
    guard count > 1, let at = dropFirst().lastIndex(of: "@") else { return nil }
    return (String(self[..<at]), String(self[index(after: at)...]))
  }
}
