extension UInt8 {
  /// `0` to `9` (a UTF-8 byte of an ASCII digit).
  var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }

  /// An ASCII letter or `_`: a byte that may start a name.
  var isNameStartByte: Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) || self == UInt8(ascii: "_")
  }

  /// An ASCII letter, digit or `_`: a byte that may continue a name.
  var isNameContinuationByte: Bool { isNameStartByte || isASCIIDigit }
}
