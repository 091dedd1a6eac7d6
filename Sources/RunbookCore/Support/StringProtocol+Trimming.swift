extension StringProtocol {
  /// The text without leading and trailing spaces and tabs (and other whitespace characters).
  ///
  /// Pure Swift: Foundation's `trimmingCharacters(in:)` bridges through `NSString`, which cost
  /// more than reading a whole answers file.
  package var trimmed: String {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }
}
