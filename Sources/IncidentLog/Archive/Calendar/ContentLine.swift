import RunbookCore

/// The text rules of RFC 5545 (iCalendar) for one content line: TEXT escaping and folding.
package enum ContentLine {
  /// The most octets of one line, CRLF not counted (RFC 5545 section 3.1).
  package static let maximumOctets = 75

  /// A TEXT value escaped as RFC 5545 section 3.3.11 asks.
  ///
  /// Backslash, semicolon, comma and line breaks become `\\`, `\;`, `\,` and `\n`. Foreign
  /// text passes through ``VisibleText/line(_:)`` first, line by line, so no control, bidi or
  /// zero-width character reaches a calendar raw (TEXT allows no control character; a tab
  /// becomes a space).
  package static func text(_ value: String) -> String {
    var result = ""
    let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      if index > 0 { result += "\\n" }
      for character in VisibleText.line(String(line)) {
        switch character {
        case "\\": result += "\\\\"
        case ";": result += "\\;"
        case ",": result += "\\,"
        case "\t": result += " "
        default: result.append(character)
        }
      }
    }
    return result
  }

  /// A content line (`NAME:VALUE`) folded as RFC 5545 section 3.1 asks.
  ///
  /// No line is longer than 75 octets; each continuation starts with one space. Splits only
  /// between Unicode scalars, so a UTF-8 sequence is never cut, and ends every line with CRLF.
  package static func folded(_ line: String) -> String {
    var result = ""
    var count = 0
    var limit = maximumOctets
    for scalar in line.unicodeScalars {
      let width = UTF8.width(scalar)
      if count + width > limit {
        result += "\r\n "
        count = 0
        limit = maximumOctets - 1
      }
      result.unicodeScalars.append(scalar)
      count += width
    }
    return result + "\r\n"
  }
}
