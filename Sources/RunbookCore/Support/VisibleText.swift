/// Foreign text (an answer, a runbook's text, a record, an id, a path, an environment value) made
/// safe to show to a person: every character that a terminal would obey or hide is written as a
/// visible escape instead.
///
/// Hidden characters are the C0 controls (tab and line feed aside, see below), DEL, the C1
/// controls, the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the
/// zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the line and paragraph separators
/// (U+2028, U+2029). So `ESC ] 52 ; c ; ... BEL` (a clipboard write), `ESC [ 2 J` (clear screen),
/// `ESC ] 0 ;` (a title) and `ESC ] 8 ;;` (a link) arrive as inert text, and a right-to-left
/// override cannot make `exe.txt` read as `txt.exe`.
///
/// Escapes: `\e` (ESC), `\a` (BEL), `\b` (backspace), `\r`, `\n`, `\f`, `\v`, `\0`, and `\u`
/// with four upper-case hex digits for the rest (`\u202E`, `\u009B`). The `\u` form is JSON's:
/// JSON output never holds a raw C0 control (JSON escapes those itself), so a JSON document that
/// passes through `stream(_:)` stays valid and means the same value. A backslash is not doubled:
/// the escapes exist so that a person sees what is there, not to be read back.
///
/// Three contexts, because a line break is ours or the value's:
/// - `stream(_:)` for whole outputs, at the terminal edge: keeps line feeds and tabs.
/// - `line(_:)` for a value inside one line of ours (an error message, a list row): the value's
///   own line breaks become `\n`, so it cannot forge a line that looks like ours.
/// - `block(_:indent:)` for a value shown as a block (a multi-line answer in the review): line
///   breaks stay, and every continuation line is indented, so it reads as part of the value.
package enum VisibleText {
  /// Whether `scalar` is shown escaped (line feed and tab are not, in any context but `line`).
  package static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: false
    case 0x00..<0x20, 0x7F..<0xA0: true
    case 0x200B...0x200D, 0x2028...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: true
    default: false
    }
  }

  /// `text` with every hidden character escaped; line feeds and tabs kept.
  package static func stream(_ text: String) -> String {
    guard needsEscaping(text, newlines: false) else { return text }
    return escaped(text, newlines: false)
  }

  /// `text` for one line: hidden characters and line feeds escaped (`a\nb`), tabs kept.
  package static func line(_ text: String) -> String {
    guard needsEscaping(text, newlines: true) else { return text }
    return escaped(text, newlines: true)
  }

  /// `text` as a block: hidden characters escaped, line breaks kept, and each line after the
  /// first starting with `indent`.
  ///
  ///     VisibleText.block("first\nsecond", indent: "     ")  // "first\n     second"
  package static func block(_ text: String, indent: String) -> String {
    stream(text).split(separator: "\n", omittingEmptySubsequences: false)
      .joined(separator: "\n" + indent)
  }

  /// The first hidden character in `text`, with line feeds and tabs allowed.
  package static func firstHidden(in text: String) -> Unicode.Scalar? {
    text.unicodeScalars.first(where: isHidden)
  }

  /// The escape for one hidden character (or a line feed).
  package static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x1B: return "\\e"
    case 0x07: return "\\a"
    case 0x08: return "\\b"
    case 0x0D: return "\\r"
    case 0x0A: return "\\n"
    case 0x0C: return "\\f"
    case 0x0B: return "\\v"
    case 0x00: return "\\0"
    default:
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
  }

  /// `text` with each hidden character (and, with `newlines`, each line feed) escaped.
  ///
  /// Works on the UTF-8 bytes: runs of shown characters are copied whole, and a scalar is decoded
  /// only where its first byte could start a hidden one (a C0 control, DEL, `C2` for the C1
  /// controls, `E2` and `EF` for the invisible formatting characters). A whole output with one
  /// `…` in it no longer goes scalar by scalar through `String`.
  private static func escaped(_ text: String, newlines: Bool) -> String {
    var text = text
    return text.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 16)
      var runStart = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        let isCandidate =
          byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF
        if isCandidate, index + length <= bytes.count {
          var value = length == 1 ? UInt32(byte) : UInt32(byte) & (length == 2 ? 0x1F : 0x0F)
          for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
          if let scalar = Unicode.Scalar(value), (newlines && scalar == "\n") || isHidden(scalar) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            out.append(contentsOf: escape(scalar).utf8)
            index += length
            runStart = index
            continue
          }
        }
        index += length
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Whether any byte of `text` may start a hidden character: a quick scan of the UTF-8 so that
  /// ordinary text is returned unchanged without building a new string.
  private static func needsEscaping(_ text: String, newlines: Bool) -> Bool {
    text.utf8.contains { byte in
      (byte < 0x20 && byte != 0x09 && (newlines || byte != 0x0A)) || byte == 0x7F
        || byte == 0xC2 || byte == 0xE2 || byte == 0xEF
    }
  }
}
