/// A set of Unicode scalars that one step of a pattern matches: `a`, `.`, `\d`, `[^a-z_]`.
struct ScalarClass: Sendable, Equatable {
  /// One member of a class.
  indirect enum Item: Sendable, Equatable {
    /// The scalars from `lower` to `upper` (a single scalar is a range of one).
    case range(UInt32, UInt32)
    /// `\s`: white space and line breaks, as ECMAScript counts them.
    case whitespace
    /// Everything the items do not match: `\D`, `\W`, `\S`.
    case complement([Item])
  }

  var items: [Item]
  /// `[^…]` (and `.`): matches what the items do not.
  var isNegated = false

  /// Whether `scalar` is in the set.
  func contains(_ scalar: Unicode.Scalar) -> Bool {
    Self.anyContains(items, scalar.value) != isNegated
  }

  private static func anyContains(_ items: [Item], _ value: UInt32) -> Bool {
    for item in items {
      switch item {
      case .range(let lower, let upper):
        if value >= lower && value <= upper { return true }
      case .whitespace:
        if isWhitespace(value) { return true }
      case .complement(let inner):
        if !anyContains(inner, value) { return true }
      }
    }
    return false
  }

  /// ECMAScript's `\s`: the white space and line terminators of ECMA-262 (tab, vertical tab,
  /// form feed, space, no-break space, the byte order mark, the Zs spaces, and line breaks).
  private static func isWhitespace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
      0xFEFF:
      return true
    default:
      return false
    }
  }
}

extension ScalarClass {
  /// One scalar.
  static func scalar(_ scalar: Unicode.Scalar) -> ScalarClass {
    ScalarClass(items: [.range(scalar.value, scalar.value)])
  }

  /// `.`: any scalar but a line break (`\n`, `\r`, U+2028, U+2029), as in ECMAScript.
  static let anyButLineBreak = ScalarClass(
    items: [.range(0x0A, 0x0A), .range(0x0D, 0x0D), .range(0x2028, 0x2029)], isNegated: true)

  /// `\d`: the ASCII digits (as in ECMAScript, not every script's digits).
  static let digitItems: [Item] = [.range(0x30, 0x39)]

  /// `\w`: ASCII letters, digits and `_`.
  static let wordItems: [Item] = [
    .range(0x30, 0x39), .range(0x41, 0x5A), .range(0x5F, 0x5F), .range(0x61, 0x7A),
  ]
}
