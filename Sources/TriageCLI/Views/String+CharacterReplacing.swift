extension String {
  /// The string with each character that `replacements` has a key for replaced by its value.
  ///
  /// Characters are compared whole, as Swift sees them: `"\r\n"` is one character, so a table
  /// with `"\r"` and `"\n"` leaves it alone.
  func replacingCharacters(_ replacements: [Character: String]) -> String {
    var result = ""
    for character in self {
      if let replacement = replacements[character] {
        result += replacement
      } else {
        result.append(character)
      }
    }
    return result
  }
}
