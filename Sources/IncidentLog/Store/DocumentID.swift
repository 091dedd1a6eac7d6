import Foundation

/// Document ids: `20260401T093000Z-1a2b3c4d`, the creation time in UTC and 32 random bits.
///
/// Ids sort by time as text, so file listings come out oldest first, and two people creating
/// documents in the same second collide with odds of one in four billion; even then the archive
/// refuses to overwrite, so the second write fails instead of replacing the first.
package enum DocumentID {
  /// A new id for a document created at `date`, with randomness from `generator` (tests pass a
  /// seeded one).
  package static func generate(
    at date: Date, using generator: inout some RandomNumberGenerator
  ) -> String {
    let random = UInt32.random(in: .min ... .max, using: &generator)
    let hex = String(random, radix: 16)
    return ArchiveTime.compact(date) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
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
