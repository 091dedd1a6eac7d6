/// A value given a name in configuration text: `name = value`, `name: value`,
/// `"name": "value"`, `name => value`, `name := value`, `?name=value&`.
///
/// The name is the run of `[A-Za-z0-9_.-]` before the operator, after at most three spaces or
/// quotes; the value starts after at most five spaces, quotes, `=` or `>`. This is the shape of
/// gitleaks' keyed rules (`generic-api-key`, `heroku-api-key`, `datadog-access-token`), with the
/// name limited to one word: `the password for the db = …` is not read as an assignment.
struct Assignment {
  /// Where the name is.
  let name: Range<Int>
  /// Where the value starts.
  let valueStart: Int

  /// The longest name read; a longer one is read as its last 64 bytes.
  private static let longestName = 64

  /// The assignment whose operator is at `index`: an `=` or a `:` (not the one in `://`) with a
  /// name before it.
  init?(operatorAt index: Int, in text: ScannedText) {
    let byte = text[index]
    guard byte == 0x3D || byte == 0x3A else { return nil }
    if byte == 0x3A, text.byte(at: index + 1) == 0x2F, text.byte(at: index + 2) == 0x2F {
      return nil
    }
    var end = index
    while index - end < 3, let previous = text.byte(at: end - 1), Self.isPadding(previous) {
      end -= 1
    }
    var start = end
    while end - start < Self.longestName, let previous = text.byte(at: start - 1),
      Self.isNameByte(previous)
    {
      start -= 1
    }
    guard start < end else { return nil }
    var value = index + 1
    while value - index <= 5, let next = text.byte(at: value),
      Self.isPadding(next) || next == 0x3D || next == 0x3E || next == 0x60
    {
      value += 1
    }
    name = start..<end
    valueStart = value
  }

  /// Whether `byte` may be part of a name: `[A-Za-z0-9_.-]`.
  static func isNameByte(_ byte: UInt8) -> Bool {
    TokenCharacters.urlSafe.contains(byte) || byte == 0x2E
  }

  /// Space, tab and quotes.
  private static func isPadding(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x22 || byte == 0x27
  }
}
