extension String {
  /// The text re-flowed into lines of at most `width` characters (a longer word stands alone);
  /// every line after the first is prefixed with `indent` spaces, for text that continues a
  /// column. Blank lines separate paragraphs and are kept. No trailing newline.
  func wrapped(to width: Int, indent: Int = 0) -> String {
    let margin = String(repeating: " ", count: indent)
    let paragraphs = self.components(separatedBy: "\n\n")
    return paragraphs.map { paragraph in
      var lines: [String] = []
      var line = ""
      for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
        let candidate = line.isEmpty ? String(word) : "\(line) \(word)"
        if line.isEmpty || candidate.count <= width {
          line = candidate
        } else {
          lines.append(line)
          line = String(word)
        }
      }
      lines.append(line)
      return lines.joined(separator: "\n" + margin)
    }.joined(separator: "\n\n" + margin)
  }
}
