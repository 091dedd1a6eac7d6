/// Text from records made fit for Markdown: the report, `archive show` and `archive export`.
///
/// Record text (answers, runbook text after substitution, responders, notes, ids) must read as
/// the same text once rendered, and never make structure of its own: a heading, list, block quote,
/// table cell, raw HTML, link, autolink, image, emphasis, code or a break out of a fence. Each
/// function here says where its result goes:
///
/// - ``inline(_:atLineStart:)``: inside a line the report writes (`**Decision:** …`), or at the
///   start of a list item's content (`- …`).
/// - ``tableCell(_:)``: a cell of a GFM table.
/// - ``codeSpan(_:)``: a code span (`` `vendor` ``).
/// - ``fencedBlock(_:info:)``: a fenced code block holding many lines as written.
///
/// Escaping follows CommonMark 0.31 (a backslash before ASCII punctuation makes it literal) and
/// cmark-gfm's extensions (tables, autolinks, strikethrough), but only where a character can
/// start something, so that an ordinary sentence is written as it is.
package enum MarkdownText {
  /// `text` on one line: each run of line breaks becomes one space, and breaks at either end
  /// are dropped.
  package static func oneLine(_ text: String) -> String {
    // Decided from the UTF-8 bytes: most texts have no break at all and are returned as they
    // are; the ASCII breaks (U+000A to U+000D) are replaced byte by byte; a text that holds
    // one of the other breaks `Character.isNewline` knows (U+0085 is C2 85, U+2028 and U+2029
    // are E2 80 A8 and E2 80 A9) takes the walk over Characters. (Other non-ASCII text, a `§`
    // in a citation, stays on the bytes.)
    var copy = text
    let (hasASCIIBreak, hasOtherBreak) = copy.withUTF8(lineBreaks(in:))
    if hasOtherBreak {
      return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
    guard hasASCIIBreak else { return text }
    // Straight from the text's bytes into the new string's: a run of breaks becomes at most
    // one space, so the result is never longer.
    return copy.withUTF8 { source in
      String(unsafeUninitializedCapacity: source.count) { target in
        var count = 0
        var pendingSpace = false
        for byte in source {
          if (0x0A...0x0D).contains(byte) {
            pendingSpace = count > 0
            continue
          }
          if pendingSpace {
            target[count] = UInt8(ascii: " ")
            count += 1
            pendingSpace = false
          }
          target[count] = byte
          count += 1
        }
        return count
      }
    }
  }

  /// Whether the UTF-8 text `bytes` holds an ASCII line break (U+000A to U+000D), and whether
  /// it holds one of the others `Character.isNewline` knows (U+0085 is C2 85, U+2028 and U+2029
  /// are E2 80 A8 and E2 80 A9).
  private static func lineBreaks(
    in bytes: UnsafeBufferPointer<UInt8>
  ) -> (ascii: Bool, other: Bool) {
    var ascii = false
    var other = false
    var index = 0
    while index < bytes.count {
      // Eight bytes at a time while none of them is below U+000E or above ASCII (the only
      // ones the switch below looks at): most texts are read this way alone.
      if index + 8 <= bytes.count, let base = bytes.baseAddress,
        !mayBeBreak(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
      {
        index += 8
        continue
      }
      defer { index += 1 }
      switch bytes[index] {
      case 0x0A...0x0D: ascii = true
      case 0xC2: other = other || (index + 1 < bytes.count && bytes[index + 1] == 0x85)
      case 0xE2:
        other =
          other
          || (index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9))
      default: break
      }
    }
    return (ascii, other)
  }

  /// Whether the UTF-8 text `bytes` is on one line already (``oneLine(_:)`` would return it
  /// as it is).
  private static func isOneLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let (ascii, other) = lineBreaks(in: bytes)
    return !ascii && !other
  }

  /// Whether any of the eight bytes in `word` is below 0x0E or at or above 0x80 (never false
  /// when one is), with the byte test of Hacker's Delight (6-1): a byte `b` below `n` sets its
  /// top bit in `(b - n) & ~b & 0x80`; a byte at or above 0x80 has it set already.
  private static func mayBeBreak(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    return ((word &- ones &* 0x0E) & ~word | word) & high != 0
  }

  /// `text` as literal inline Markdown on one line.
  ///
  /// The text goes on one line (``oneLine(_:)``) without spaces or tabs at its ends (four spaces
  /// would start indented code; a trailing space would end `**…**` early). Then a backslash goes
  /// before:
  ///
  /// - `` ` `` `*` `[` `]` `<` `|` `~`, always: code spans, emphasis, links and images, raw HTML,
  ///   comments and `<…>` autolinks, table cells, strikethrough;
  /// - `_` unless it stands between two ASCII letters or digits (`snake_case` stays);
  /// - `\` before ASCII punctuation or at the end (a hard line break);
  /// - `&` that starts an entity reference (`&lt;`, `&#60;`);
  /// - `:` before `//` and the `.` of `www.`: cmark-gfm's extended autolinks;
  /// - the last `#` of a run after a space at the end (the closing sequence of a heading);
  /// - at the start of a line (`atLineStart`): `#`, `>`, `-`, `+`, `=`, and the `.` or `)` after
  ///   up to nine digits: headings, block quotes, list items, thematic breaks, setext underlines.
  ///
  /// NUL becomes U+FFFD, as CommonMark reads it. An e-mail address (`a@example.com`) is still
  /// linked by cmark-gfm's autolink extension: it works on the text after escapes are read, so
  /// no escape stops it; the link only ever points at `mailto:` and the address shown.
  ///
  /// ```
  /// # x             ->  \# x                 (at the start of a line)
  /// <!-- hide       ->  \<!-- hide
  /// **bold**        ->  \*\*bold\*\*
  /// https://x.test  ->  https\://x.test
  /// ```
  ///
  /// Done on UTF-8 bytes: every character escaped is ASCII, never part of a longer sequence.
  package static func inline(_ text: String, atLineStart: Bool = false) -> String {
    var output = OutputBytes(capacity: text.utf8.count + 16)
    appendInline(text, atLineStart: atLineStart, to: &output)
    return output.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends ``inline(_:atLineStart:)`` of `text` to `output`, as UTF-8.
  ///
  /// Runs of bytes that can never need a backslash (``mayNeedEscape(_:)`` says no) are copied
  /// whole; only the others are looked at one by one.
  static func appendInline(
    _ text: String, atLineStart: Bool = false, to output: inout OutputBytes
  ) {
    // Read in place from the string's own bytes, the text looked at for line breaks there
    // (most texts have none): no copy of the text before the one written.
    let done = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard isOneLine(bytes) else { return false }
      appendInline(bytes: bytes, atLineStart: atLineStart, to: &output)
      return true
    }
    guard done != true else { return }
    var line = oneLine(text)
    line.withUTF8 { appendInline(bytes: $0, atLineStart: atLineStart, to: &output) }
  }

  /// Appends ``inline(_:atLineStart:)`` of the UTF-8 text `bytes` (valid UTF-8) to `output`.
  static func appendInline(
    utf8 bytes: UnsafeBufferPointer<UInt8>, atLineStart: Bool = false,
    to output: inout OutputBytes
  ) {
    guard isOneLine(bytes) else {
      return appendInline(
        String(decoding: bytes, as: UTF8.self), atLineStart: atLineStart, to: &output)
    }
    appendInline(bytes: bytes, atLineStart: atLineStart, to: &output)
  }

  /// ``appendInline(_:atLineStart:to:)`` of a text on one line, as its UTF-8 bytes `all`.
  private static func appendInline(
    bytes all: UnsafeBufferPointer<UInt8>, atLineStart: Bool, to output: inout OutputBytes
  ) {
    let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
    var start = 0
    var end = all.count
    while start < end, isBlank(all[start]) { start += 1 }
    while end > start, isBlank(all[end - 1]) { end -= 1 }
    let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
    let listMarker = atLineStart ? orderedListMarkerIndex(bytes) : nil
    var runStart = 0
    var index = 0
    while index < bytes.count {
      // Eight bytes at a time while all of them are plainly safe (letters, digits, spaces,
      // most prose punctuation, non-ASCII); else straight to the first that is not, which is
      // looked at on its own.
      if index + 8 <= bytes.count, let base = bytes.baseAddress {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let others = notPlainlySafe(word)
        if others == 0 {
          index += 8
          continue
        }
        index += others.trailingZeroBitCount / 8
      }
      defer { index += 1 }
      guard mayNeedEscape(bytes[index]) else { continue }
      if runStart < index {
        output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      }
      runStart = index + 1
      let byte = bytes[index]
      if byte == 0 {
        output.append(0xEF)
        output.append(0xBF)
        output.append(0xBD)
        continue
      }
      if needsEscape(bytes, at: index, atLineStart: atLineStart) || index == listMarker {
        output.append(backslash)
      }
      output.append(byte)
    }
    if runStart < bytes.count {
      output.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
  }

  /// A cell of a GFM table: ``inline(_:atLineStart:)``, which escapes `|` too.
  package static func tableCell(_ text: String) -> String {
    inline(text)
  }

  /// A code span holding `text` on one line: fenced by one backtick more than the longest run
  /// inside, with a space inside each end when the text starts or ends with a backtick.
  ///
  /// ```
  /// vendor   ->  `vendor`
  /// a``b     ->  ```a``b```
  /// `x       ->  `` `x ``
  /// ```
  ///
  /// Done on UTF-8 bytes, like CommonMark, which counts backticks and spaces as code points: a
  /// backtick followed by a combining mark still counts as one.
  package static func codeSpan(_ text: String) -> String {
    var output = OutputBytes(capacity: text.utf8.count + 16)
    appendCodeSpan(text, to: &output)
    return output.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends ``codeSpan(_:)`` of `text` to `output`, as UTF-8.
  static func appendCodeSpan(_ text: String, to output: inout OutputBytes) {
    // Read in place from the string's own bytes when it is on one line without NUL (nearly
    // always); else from its line, with each NUL replaced.
    let done = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard isOneLine(bytes), !bytes.contains(0) else { return false }
      appendCodeSpan(bytes: bytes, to: &output)
      return true
    }
    guard done != true else { return }
    var line = oneLine(text)
    line.withUTF8 { bytes in
      guard bytes.contains(0) else { return appendCodeSpan(bytes: bytes, to: &output) }
      replacingNUL(Array(bytes)).withUnsafeBufferPointer {
        appendCodeSpan(bytes: $0, to: &output)
      }
    }
  }

  /// ``appendCodeSpan(_:to:)`` of a text on one line without NUL, as its UTF-8 `bytes`.
  private static func appendCodeSpan(
    bytes line: UnsafeBufferPointer<UInt8>, to output: inout OutputBytes
  ) {
    let fenceLength = longestRun(of: backtick, in: line) + 1
    let space = UInt8(ascii: " ")
    let isPadded =
      line.first == backtick || line.last == backtick
      || (line.first == space && line.last == space && line.contains { $0 != space })
    output.append(repeating: backtick, times: fenceLength)
    if isPadded { output.append(space) }
    output.append(line)
    if isPadded { output.append(space) }
    output.append(repeating: backtick, times: fenceLength)
  }

  /// A fenced code block holding `text`'s lines as written: the opening fence with `info`, the
  /// lines, the closing fence, joined with LF (one final line break of `text` is dropped).
  ///
  /// The fence is three backticks, or one more than the longest run of backticks in `text`, so
  /// that no line inside can close it; a run of tildes cannot close a backtick fence. CR LF and
  /// CR become LF and NUL U+FFFD, as CommonMark reads them. Done on UTF-8 bytes (CR, LF, NUL
  /// and the backtick are ASCII, never part of a longer sequence).
  package static func fencedBlock(_ text: String, info: String) -> String {
    var output = OutputBytes(capacity: text.utf8.count + info.utf8.count + 16)
    appendFencedBlock(text, info: info, to: &output)
    return output.withBytes { String(decoding: $0, as: UTF8.self) }
  }

  /// Appends ``fencedBlock(_:info:)`` of `text` to `output`, as UTF-8.
  static func appendFencedBlock(
    _ text: String, info: String, to output: inout OutputBytes
  ) {
    // Nearly every text (a notice's draft) has no CR and no NUL: it is written from its own
    // bytes, read once for its backtick runs. Else from a copy made of LF lines.
    let done = text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let longest = longestBacktickRun(inTextWithoutCROrNUL: bytes) else { return false }
      let body = bytes.last == 0x0A ? UnsafeBufferPointer(rebasing: bytes.dropLast()) : bytes
      let fenceLength = max(3, longest + 1)
      output.append(repeating: backtick, times: fenceLength)
      output.append(info)
      output.append(0x0A)
      output.append(body)
      output.append(0x0A)
      output.append(repeating: backtick, times: fenceLength)
      return true
    }
    guard done != true else { return }
    var body = Array(text.utf8)
    if body.contains(where: { $0 == 0x0D || $0 == 0 }) {
      body = replacingNUL(lineFeedsOnly(body))
    }
    if body.last == 0x0A { body.removeLast() }
    let fenceLength = max(3, body.withUnsafeBufferPointer { longestRun(of: backtick, in: $0) } + 1)
    output.append(repeating: backtick, times: fenceLength)
    output.append(info)
    output.append(0x0A)
    body.withUnsafeBufferPointer { output.append($0) }
    output.append(0x0A)
    output.append(repeating: backtick, times: fenceLength)
  }
}

// MARK: - Escaping

extension MarkdownText {
  private static let backslash = UInt8(ascii: "\\")

  /// Whether the byte at `index` of `bytes` (a text on one line) needs a backslash before it.
  private static func needsEscape(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, atLineStart: Bool
  ) -> Bool {
    let byte = bytes[index]
    let next = index + 1 < bytes.count ? bytes[index + 1] : nil
    switch byte {
    case UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"),
      UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "~"):
      return true
    case UInt8(ascii: "_"):
      let previous = index > 0 ? bytes[index - 1] : nil
      return !(isASCIIAlphanumeric(previous) && isASCIIAlphanumeric(next))
    case backslash:
      return next.map(isASCIIPunctuation) ?? true
    case UInt8(ascii: "&"):
      return startsEntity(bytes, at: index + 1)
    case UInt8(ascii: ":"):
      return index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
        && bytes[index + 2] == UInt8(ascii: "/")
    case UInt8(ascii: "."):
      let w = UInt8(ascii: "w")
      return index >= 3 && bytes[index - 3] == w && bytes[index - 2] == w && bytes[index - 1] == w
    case UInt8(ascii: "#"):
      return (atLineStart && index == 0) || (next == nil && endsClosingSequence(bytes))
    case UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
      return atLineStart && index == 0
    default:
      return false
    }
  }

  /// The top bit of each of the eight bytes in `word` (the first byte lowest) that is not one
  /// ``mayNeedEscape(_:)`` always says no to: a letter, a digit, a space, `!`, `"`, `'`, `(`,
  /// `,`, `/`, or a byte above ASCII (some such bytes, `$` or `?`, are left to the byte-by-byte
  /// test); zero when all eight are.
  ///
  /// Each range test works on the low seven bits of each byte, where adding at most 0x80 never
  /// carries into the next byte: `b + (0x80 - low)` sets the top bit when `b >= low`, and
  /// `b + (0x7F - high)` leaves it clear when `b <= high`.
  private static func notPlainlySafe(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let top: UInt64 = ones &* 0x80
    let low = word & ~top
    func within(_ bytes: UInt64, _ first: UInt64, _ last: UInt64) -> UInt64 {
      (bytes &+ ones &* (0x80 - first)) & ~(bytes &+ ones &* (0x7F - last)) & top
    }
    // Letters of either case: with 0x20 set, A-Z fall on a-z, and nothing else does.
    let letters = within(low | ones &* 0x20, 0x61, 0x7A)
    let punctuation =
      within(low, 0x20, 0x22) | within(low, 0x27, 0x28) | within(low, 0x2C, 0x2C)
      | within(low, 0x2F, 0x39)
    return ~((word & top) | letters | punctuation) & top
  }

  /// Whether `byte` is one ``needsEscape(_:at:atLineStart:)`` may escape, NUL, or the `)` of
  /// an ordered list marker: a bit in one of two masks, so that most bytes cost one test.
  private static func mayNeedEscape(_ byte: UInt8) -> Bool {
    // NUL # & ) * + - . : < = >
    let low: UInt64 = 0x7400_6E48_0000_0001
    // [ \ ] _ ` | ~
    let high: UInt64 = 0x5000_0001_B800_0000
    switch byte {
    case 0..<64: return low & (1 << UInt64(byte)) != 0
    case 64..<128: return high & (1 << UInt64(byte - 64)) != 0
    default: return false
    }
  }

  /// The index of the `.` or `)` that would make `bytes` an ordered list item (`1. item`).
  private static func orderedListMarkerIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let digits = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
    guard (1...9).contains(digits), digits < bytes.count else { return nil }
    return bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")") ? digits : nil
  }

  /// Whether `bytes` end with a run of `#` at the start or after a space or tab: the closing
  /// sequence of an ATX heading (`C#` has none).
  private static func endsClosingSequence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let before = bytes.lastIndex(where: { $0 != UInt8(ascii: "#") }) else { return true }
    return bytes[before] == 0x20 || bytes[before] == 0x09
  }

  /// Whether `bytes` from `start` read `name;` or `#digits;` (CommonMark's entity and numeric
  /// character references, up to 32 characters).
  private static func startsEntity(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    var index = start
    while index < bytes.count, index - start <= 32 {
      let byte = bytes[index]
      if byte == UInt8(ascii: ";") { return index > start }
      guard isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "#") else { return false }
      index += 1
    }
    return false
  }

  private static func isASCIIAlphanumeric(_ byte: UInt8?) -> Bool {
    guard let byte else { return false }
    return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
      || (0x7B...0x7E).contains(byte)
  }

  private static let backtick = UInt8(ascii: "`")

  /// The length of the longest run of `byte` in `bytes`.
  private static func longestRun(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var longest = 0
    var current = 0
    for each in bytes {
      current = each == byte ? current + 1 : 0
      longest = max(longest, current)
    }
    return longest
  }

  /// The length of the longest run of backticks in `bytes`, or nil if they hold a CR or a
  /// NUL; eight bytes at a time while none of them is one of the three.
  private static func longestBacktickRun(
    inTextWithoutCROrNUL bytes: UnsafeBufferPointer<UInt8>
  ) -> Int? {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    // Whether a byte of `word` is zero (never false when one is: Hacker's Delight 6-1).
    func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & high != 0 }
    var longest = 0
    var current = 0
    var index = 0
    while index < bytes.count {
      if index + 8 <= bytes.count, let base = bytes.baseAddress {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if !hasZeroByte(word), !hasZeroByte(word ^ (ones &* 0x60)),
          !hasZeroByte(word ^ (ones &* 0x0D))
        {
          current = 0
          index += 8
          continue
        }
      }
      let byte = bytes[index]
      index += 1
      if byte == backtick {
        current += 1
        longest = max(longest, current)
      } else if byte == 0x0D || byte == 0 {
        return nil
      } else {
        current = 0
      }
    }
    return longest
  }

  /// `bytes` with each NUL replaced by U+FFFD (EF BF BD), as CommonMark reads it.
  private static func replacingNUL(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 8)
    for byte in bytes {
      if byte == 0 { output += [0xEF, 0xBF, 0xBD] } else { output.append(byte) }
    }
    return output
  }

  /// `bytes` with each CR LF and each lone CR made LF.
  private static func lineFeedsOnly(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      guard byte == 0x0D else {
        output.append(byte)
        continue
      }
      output.append(0x0A)
      if index < bytes.count, bytes[index] == 0x0A { index += 1 }
    }
    return output
  }
}
