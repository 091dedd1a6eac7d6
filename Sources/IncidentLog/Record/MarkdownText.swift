/// Text made fit for one line of Markdown: the report's table cells and list items, and the
/// tables and columns of `triage archive`.
package enum MarkdownText {
  /// `text` on one line: each run of line breaks becomes one space, and breaks at either end
  /// are dropped.
  package static func oneLine(_ text: String) -> String {
    // Decided from the UTF-8 bytes: most texts have no break at all and are returned as they
    // are; the ASCII breaks (U+000A to U+000D) are replaced byte by byte; a text that may hold
    // one of the other breaks `Character.isNewline` knows (U+0085 starts with C2, U+2028 and
    // U+2029 with E2) takes the walk over Characters.
    var copy = text
    let (hasASCIIBreak, mayHaveOtherBreak) = copy.withUTF8 { bytes in
      (
        bytes.contains { (0x0A...0x0D).contains($0) },
        bytes.contains { $0 == 0xC2 || $0 == 0xE2 }
      )
    }
    if mayHaveOtherBreak {
      return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
    guard hasASCIIBreak else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
      if (0x0A...0x0D).contains(byte) {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace {
        bytes.append(UInt8(ascii: " "))
        pendingSpace = false
      }
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A Markdown table cell: ``oneLine(_:)``, with `|` escaped.
  ///
  /// Done on bytes (`|` is ASCII, never part of a longer UTF-8 sequence): Foundation's
  /// `replacingOccurrences` goes through `NSString` and cost more than the rest of the report.
  package static func tableCell(_ text: String) -> String {
    let line = oneLine(text)
    let bar = UInt8(ascii: "|")
    guard line.utf8.contains(bar) else { return line }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(line.utf8.count + 8)
    for byte in line.utf8 {
      if byte == bar { bytes.append(UInt8(ascii: "\\")) }
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
