/// Byte offsets of a text turned into `Character` offsets: the same numbers for ASCII text
/// without a CR, else a table made once.
struct CharacterOffsets {
  /// For each byte offset that starts a `Character` (and the end), its `Character` offset; nil
  /// when the text is ASCII.
  private let table: [Int: Int]?

  /// The offsets of `text`, whose UTF-8 bytes are `bytes` (the caller has them already: a scan
  /// of an array is several times cheaper than one of the string's UTF-8 view).
  init(_ text: String, bytes: [UInt8]) {
    let byteCount = bytes.count
    // A CR LF is two ASCII bytes but one `Character`, so text with a CR needs the table too.
    // One pass that only ORs and compares: the library's conditions are long.
    let isPlain = bytes.withUnsafeBufferPointer { buffer in
      var high: UInt8 = 0
      var carriageReturn = false
      for byte in buffer {
        high |= byte
        carriageReturn = carriageReturn || byte == UInt8(ascii: "\r")
      }
      return high < 0x80 && !carriageReturn
    }
    guard !isPlain else {
      table = nil
      return
    }
    var table: [Int: Int] = [:]
    var characterOffset = 0
    for position in text.indices {
      table[text.utf8.distance(from: text.startIndex, to: position)] = characterOffset
      characterOffset += 1
    }
    table[byteCount] = characterOffset
    self.table = table
  }

  /// The `Character` offset of the character starting at byte `byteOffset`; for an offset inside
  /// a character (never made by the lexer), that of the character holding it.
  func character(_ byteOffset: Int) -> Int {
    guard let table else { return byteOffset }
    var offset = byteOffset
    while offset > 0, table[offset] == nil { offset -= 1 }
    return table[offset] ?? 0
  }
}
