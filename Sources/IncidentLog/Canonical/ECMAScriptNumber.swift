/// Formats doubles as ECMAScript's `Number.prototype.toString()` does (ECMA-262 §7.1.12.1),
/// which RFC 8785 §3.2.2.3 requires.
///
/// Swift's `description` already yields the shortest digits that round-trip, choosing the closest
/// when several are as short; only the layout differs (`1e-07` vs `1e-7`, `1e+22` vs
/// `10000000000000000000000`), so this reads the digits and exponent back out of it and lays them
/// out the ECMAScript way.
enum ECMAScriptNumber {
  /// The ECMAScript text of a finite double; nil for NaN and infinities, which JSON cannot hold.
  static func format(_ value: Double) -> String? {
    guard value.isFinite else { return nil }
    if value == 0 { return "0" }  // Also -0, which ECMAScript prints as "0".
    if value < 0 { return format(-value).map { "-" + $0 } }
    guard let (digits, pointPosition) = decimalDigits(of: value) else { return nil }
    return layout(digits: digits, pointPosition: pointPosition)
  }

  /// The significant digits `d1 d2 … dk` and `n` with `value == 0.d1d2…dk × 10^n`.
  private static func decimalDigits(of value: Double) -> ([UInt8], Int)? {
    let text = Array(value.description.utf8)
    var mantissa = text[...]
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
      mantissa = text[..<e]
      guard let parsed = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) else {
        return nil
      }
      exponent = parsed
    }
    var digits: [UInt8] = []
    var integerDigitCount = 0
    var seenPoint = false
    for byte in mantissa {
      if byte == UInt8(ascii: ".") {
        seenPoint = true
      } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        digits.append(byte)
        if !seenPoint { integerDigitCount += 1 }
      } else {
        return nil
      }
    }
    var pointPosition = integerDigitCount + exponent
    let leadingZeros = digits.prefix { $0 == UInt8(ascii: "0") }.count
    digits.removeFirst(leadingZeros)
    pointPosition -= leadingZeros
    while digits.last == UInt8(ascii: "0") { digits.removeLast() }
    guard !digits.isEmpty else { return nil }
    return (digits, pointPosition)
  }

  /// ECMA-262 §7.1.12.1 steps 6 to 10, with `k` digits and point position `n`.
  private static func layout(digits: [UInt8], pointPosition n: Int) -> String {
    let k = digits.count
    var out: [UInt8] = []
    if k <= n && n <= 21 {
      out = digits + [UInt8](repeating: UInt8(ascii: "0"), count: n - k)
    } else if 0 < n && n <= 21 {
      out = Array(digits[..<n]) + [UInt8(ascii: ".")] + Array(digits[n...])
    } else if -6 < n && n <= 0 {
      out = Array("0.".utf8) + [UInt8](repeating: UInt8(ascii: "0"), count: -n) + digits
    } else {
      let exponent = n - 1
      out = [digits[0]]
      if k > 1 { out += [UInt8(ascii: ".")] + Array(digits[1...]) }
      out += Array("e\(exponent < 0 ? "-" : "+")\(abs(exponent))".utf8)
    }
    return String(decoding: out, as: UTF8.self)
  }
}
