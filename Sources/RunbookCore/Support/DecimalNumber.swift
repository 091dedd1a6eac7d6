/// Reads the numbers a runbook and its answers may hold: decimal only.
///
/// ```
/// number := ('-' | '+')? DIGIT+ ('.' DIGIT+)? (('e' | 'E') ('-' | '+')? DIGIT+)?
/// ```
///
/// `Double(_:)` alone also takes `0x10`, `0x1p3`, `inf`, `nan` and `infinity`, turns `1e400`
/// into infinity and `1e-400` into 0; all of those are refused here, so what is stored is what
/// was written, to the precision of a `Double`.
package enum DecimalNumber {
  /// The value of `text`, or nil when it is not a decimal number or its value does not fit a
  /// `Double` (too large, or so small it would be stored as 0).
  package static func value(of text: some StringProtocol) -> Double? {
    var bytes = Substring(text).utf8[...]
    var hasNonZeroDigit = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      bytes = bytes.dropFirst()
    }
    guard readDigits(&bytes, sawNonZero: &hasNonZeroDigit) else { return nil }
    if bytes.first == UInt8(ascii: ".") {
      bytes = bytes.dropFirst()
      guard readDigits(&bytes, sawNonZero: &hasNonZeroDigit) else { return nil }
    }
    if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
      bytes = bytes.dropFirst()
      if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
        bytes = bytes.dropFirst()
      }
      var ignored = false
      guard readDigits(&bytes, sawNonZero: &ignored) else { return nil }
    }
    guard bytes.isEmpty, let value = Double(String(text)), value.isFinite else { return nil }
    if value == 0 && hasNonZeroDigit { return nil }
    return value
  }

  /// Consumes one or more ASCII digits; false when there is none.
  private static func readDigits(
    _ bytes: inout Substring.UTF8View.SubSequence, sawNonZero: inout Bool
  ) -> Bool {
    let count = bytes.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }).count
    guard count > 0 else { return false }
    if bytes.prefix(count).contains(where: { $0 != UInt8(ascii: "0") }) { sawNonZero = true }
    bytes = bytes.dropFirst(count)
    return true
  }
}
