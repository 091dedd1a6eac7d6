import IncidentLog
import Testing

/// RFC 5545 content lines: TEXT escaping and folding at 75 octets.
@Suite struct ContentLineTests {
  @Test("backslash, semicolon, comma and line breaks are escaped")
  func escaping() {
    #expect(ContentLine.text(#"a\b;c,d"# + "\nnext") == #"a\\b\;c\,d\nnext"#)
  }

  @Test("control and bidi characters arrive as visible escapes, never raw")
  func hiddenCharacters() {
    let text = ContentLine.text("evil\u{1B}[2J\u{202E}txt.exe")
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" })
    #expect(text == #"evil\\e[2J\\u202Etxt.exe"#)
  }

  @Test("a short line is one line ending in CRLF")
  func shortLine() {
    #expect(ContentLine.folded("SUMMARY:hello") == "SUMMARY:hello\r\n")
  }

  @Test("long lines fold at 75 octets, continuations start with a space")
  func folding() {
    let line = "DESCRIPTION:" + String(repeating: "x", count: 200)
    let folded = ContentLine.folded(line)
    let lines = folded.split(separator: "\r\n").map(String.init)
    #expect(lines.map(\.utf8.count) == [75, 75, 64])
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    #expect(lines.map { $0.hasPrefix(" ") ? String($0.dropFirst()) : $0 }.joined() == line)
  }

  @Test("folding never cuts a UTF-8 sequence")
  func foldingMultibyte() {
    // 12 ASCII octets, then 3-octet and 4-octet characters that straddle the 75-octet mark.
    let line =
      "SUMMARY:abc " + String(repeating: "€", count: 30) + String(repeating: "😀", count: 20)
    let folded = ContentLine.folded(line)
    let bytes = Array(folded.utf8)
    var chunks: [[UInt8]] = []
    var current: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
        chunks.append(current)
        current = []
        index += 2
      } else {
        current.append(bytes[index])
        index += 1
      }
    }
    #expect(chunks.allSatisfy { $0.count <= 75 })
    #expect(chunks.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
    #expect(chunks.count > 2)
  }
}
