extension String {
  /// The text re-flowed into lines of at most `width` characters.
  ///
  /// A longer word stands alone. Every line after the first is prefixed with `indent` spaces, for
  /// text that continues a column. Blank lines separate paragraphs and are kept. No trailing
  /// newline.
  func wrapped(to width: Int, indent: Int = 0) -> String {
    let margin = String(repeating: " ", count: indent)
    return components(separatedBy: "\n\n").map { paragraph in
      let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
      return String(wrapping: words, to: width, indent: indent)
    }.joined(separator: "\n\n" + margin)
  }

  /// `words` joined by spaces into lines of at most `width` characters.
  ///
  /// A longer word stands alone; every line after the first is prefixed with `indent` spaces. A
  /// word may contain spaces (`[--answers <file>]`): it is never broken.
  init(wrapping words: [String], to width: Int, indent: Int = 0) {
    var lines: [String] = []
    var line = ""
    for word in words {
      let candidate = line.isEmpty ? word : "\(line) \(word)"
      if line.isEmpty || candidate.count <= width {
        line = candidate
      } else {
        lines.append(line)
        line = word
      }
    }
    lines.append(line)
    self = lines.joined(separator: "\n" + String(repeating: " ", count: indent))
  }
}
