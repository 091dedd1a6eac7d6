extension Character {
  /// `0` to `9` only (no other scripts' digits).
  var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }

  /// `a`–`z`, `A`–`Z`.
  var isASCIILetterCharacter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }

  /// A character that may start a name: an ASCII letter or `_`.
  var isNameStart: Bool { isASCIILetterCharacter || self == "_" }

  /// A character that may continue a name: an ASCII letter, digit or `_`.
  var isNameContinuation: Bool { isNameStart || isASCIIDigitCharacter }
}
