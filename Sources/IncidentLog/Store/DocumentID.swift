import Foundation

/// Document ids: `20260401T093000Z-1f42b3c4`, the creation time in UTC, then 8 hex digits: the
/// milliseconds (`1f4` = 500 ms, `000` to `3e7`) and 20 random bits (`2b3c4`).
///
/// Ids sort by time as text, to the millisecond, so file listings come out oldest first, also
/// within a second. Two people creating documents in the same millisecond collide with odds of
/// one in a million; even then the archive refuses to overwrite, so the second write fails
/// instead of replacing the first. Ids made before the milliseconds were encoded (8 random hex
/// digits) stay valid: an id is any name ``isValid(_:)`` accepts.
package enum DocumentID {
  /// A new id for a document created at `date`, with randomness from `generator` (tests pass a
  /// seeded one).
  package static func generate(
    at date: Date, using generator: inout some RandomNumberGenerator
  ) -> String {
    let random = UInt32.random(in: 0...0xF_FFFF, using: &generator)
    let hex = hexDigits(milliseconds(of: date), count: 3) + hexDigits(Int(random), count: 5)
    return ArchiveTime.compact(date) + "-" + hex
  }

  /// The milliseconds of `date` past its whole second (the one `ArchiveTime.compact` writes).
  static func milliseconds(of date: Date) -> Int {
    let total = (date.timeIntervalSince1970 * 1000).rounded(.down)
    let seconds = date.timeIntervalSince1970.rounded(.down) * 1000
    return min(999, max(0, Int(total - seconds)))
  }

  /// `value` in lower-case hex, zero-padded to `count` digits.
  private static func hexDigits(_ value: Int, count: Int) -> String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: max(0, count - hex.count)) + hex
  }

  /// A new id for a document created at `date`, with system randomness.
  package static func generate(at date: Date) -> String {
    var generator = SystemRandomNumberGenerator()
    return generate(at: date, using: &generator)
  }

  /// Whether `id` can name an archive file: 1 to 200 characters from `A-Z a-z 0-9 . _ -`, not
  /// starting with `.` (hidden and temporary files) or `-`.
  package static func isValid(_ id: String) -> Bool {
    guard let first = id.utf8.first, id.utf8.count <= 200 else { return false }
    guard first != UInt8(ascii: ".") && first != UInt8(ascii: "-") else { return false }
    return id.utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "-"):
        true
      default: false
      }
    }
  }
}
