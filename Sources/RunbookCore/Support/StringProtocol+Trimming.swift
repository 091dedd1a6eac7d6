extension StringProtocol {
  /// The text without leading and trailing spaces and tabs (and other whitespace characters).
  ///
  /// Pure Swift: Foundation's `trimmingCharacters(in:)` bridges through `NSString`, which cost
  /// more than reading a whole answers file.
  package var trimmed: String {
    // Most texts start and end with an ASCII byte that is not whitespace: nothing to trim, and
    // no walk over Characters. (A Character ending in such a byte starts with it, or with a
    // prepended mark, which is never whitespace.)
    let whole = String(self)
    if let head = whole.utf8.first, let tail = whole.utf8.last, head < 0x80, tail < 0x80,
      !(0x09...0x0D).contains(head), head != 0x20, !(0x09...0x0D).contains(tail), tail != 0x20
    {
      return whole
    }
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }

  /// The text without leading and trailing spaces and tabs, newlines kept: what Foundation's
  /// `trimmingCharacters(in: .whitespaces)` gives (tab and the Unicode space separators), in
  /// pure Swift.
  package var trimmedOfSpaces: String {
    let whole = String(self)
    if let head = whole.utf8.first, let tail = whole.utf8.last, head < 0x80, tail < 0x80,
      head != 0x09, head != 0x20, tail != 0x09, tail != 0x20
    {
      return whole
    }
    func isSpace(_ character: Character) -> Bool { character.isWhitespace && !character.isNewline }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
