import YAMLLite

/// A runbook's text with a control, bidi or zero-width character in it: a warning, since the
/// text a responder reads (a question, a decision, a draft) would show differently from what the
/// file holds, and a reviewer reading the file could be misled (a "Trojan Source" reordering).
///
/// Two passes. The raw text is scanned for what YAML lets through as it stands (the bidi and
/// zero-width characters), pointing at each one's line and column; then every double-quoted
/// scalar and every key is checked for what only an escape can write (`"\e]0;title\a"`,
/// `"\u202E"`), pointing at the scalar, unless the raw pass already warned on that line. Tabs and
/// line breaks are ordinary text and never warned about; neither are U+200C and U+200D, which
/// Persian, Indic scripts and emoji need.
package enum HiddenCharacterRule {
  /// The warnings for `bytes`, the runbook file `file`; none when the file is not UTF-8 YAML (the
  /// loader reports that).
  package static func check(_ bytes: [UInt8], file: String) -> [Diagnostic] {
    let source = String(decoding: bytes, as: UTF8.self)
    var found = rawCharacters(in: source, file: file)
    let warnedLines = Set(found.map(\.location.line))
    if let root = try? YAMLParser.parse(bytes, file: file) {
      found += escapedCharacters(in: root).filter { !warnedLines.contains($0.location.line) }
    }
    return found
  }

  /// Whether the rule warns about `scalar`.
  static func isWarned(_ scalar: Unicode.Scalar) -> Bool {
    VisibleText.isHidden(scalar) && scalar != "\r" && scalar != "\u{200C}" && scalar != "\u{200D}"
  }

  private static func rawCharacters(in source: String, file: String) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let lines = source.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    for (lineIndex, line) in lines.enumerated() {
      for (columnIndex, character) in line.enumerated() {
        guard let scalar = character.unicodeScalars.first(where: isWarned) else { continue }
        // A byte order mark that starts the file is allowed by YAML and shows nothing.
        if lineIndex == 0 && columnIndex == 0 && scalar == "\u{FEFF}" { continue }
        let location = SourceLocation(file: file, line: lineIndex + 1, column: columnIndex + 1)
        found.append(Diagnostic(.warning, HiddenCharacter(scalar: scalar.value), at: location))
      }
    }
    return found
  }

  private static func escapedCharacters(in node: Node) -> [Diagnostic] {
    switch node.content {
    case .scalar(let scalar):
      guard scalar.style == .doubleQuoted else { return [] }
      return warning(for: scalar.text, at: node.location)
    case .sequence(let items):
      return items.flatMap(escapedCharacters)
    case .mapping(let entries):
      return entries.flatMap {
        warning(for: $0.key, at: $0.keyLocation) + escapedCharacters(in: $0.value)
      }
    }
  }

  private static func warning(for text: String, at location: SourceLocation) -> [Diagnostic] {
    guard let scalar = text.unicodeScalars.first(where: isWarned) else { return [] }
    return [Diagnostic(.warning, HiddenCharacter(scalar: scalar.value), at: location)]
  }
}

/// A control, bidi or zero-width character in a runbook's text (`HiddenCharacterRule`).
package struct HiddenCharacter: DiagnosticKind, Equatable {
  /// The character's code point.
  package var scalar: UInt32

  /// `bidi-character` for the embeddings, overrides and isolates, `invisible-character` for the
  /// zero-width characters and separators, `control-character` for C0 and C1 controls and DEL.
  package var code: String {
    switch scalar {
    case 0x202A...0x202E, 0x2066...0x2069: "bidi-character"
    case 0x200B...0x200D, 0x2028, 0x2029, 0x2060, 0xFEFF: "invisible-character"
    default: "control-character"
    }
  }

  package var message: String {
    let shown = Unicode.Scalar(scalar).map(VisibleText.escape) ?? "?"
    return switch code {
    case "bidi-character":
      "bidi control character \(shown): the text would show in a different order than written"
    case "invisible-character":
      "invisible character \(shown): the text would show differently from what it holds"
    default:
      "control character \(shown): a terminal would act on it instead of showing it"
    }
  }
}
