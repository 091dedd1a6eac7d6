extension UInt8 {
  static let tab = UInt8(ascii: "\t")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let hash = UInt8(ascii: "#")
  static let colon = UInt8(ascii: ":")
  static let dash = UInt8(ascii: "-")
  static let comma = UInt8(ascii: ",")
  static let doubleQuote = UInt8(ascii: "\"")
  static let singleQuote = UInt8(ascii: "'")
  static let backslash = UInt8(ascii: "\\")

  /// A space or a tab: YAML's `s-white`.
  @inline(__always) var isBlank: Bool { self == .space || self == .tab }

  /// A line feed or carriage return: YAML's `b-char`.
  @inline(__always) var isBreak: Bool { self == .lineFeed || self == .carriageReturn }

  /// A line break or 0, the end-of-input sentinel of `Parser.peek`.
  @inline(__always) var isBreakOrEnd: Bool { isBreak || self == 0 }

  /// Whitespace, a line break or the end: what must follow `-`, `?` or `:` as an indicator.
  @inline(__always) var isBlankOrBreakOrEnd: Bool { isBlank || isBreakOrEnd }

  /// One of `,[]{}`, which end a plain scalar inside a flow collection.
  @inline(__always) var isFlowIndicator: Bool {
    switch self {
    case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
      UInt8(ascii: "}"):
      return true
    default:
      return false
    }
  }
}
