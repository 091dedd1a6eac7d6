import TriageTestSupport

/// Random-looking, never-live token text for the secret corpus.
///
/// A fixed seed builds the same strings on every run, and no key-shaped literal sits in the
/// source, where another scanner (or a code host's push protection) would rightly object. The
/// generator is the shared SplitMix64 ``SeededGenerator``.
struct FakeSecrets {
  private var generator: SeededGenerator

  init(seed: UInt64) {
    generator = SeededGenerator(seed: seed)
  }

  static let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  static let lower = "abcdefghijklmnopqrstuvwxyz"
  static let digits = "0123456789"
  static let alphanumeric = upper + lower + digits
  static let base64 = alphanumeric + "+/"
  static let base64URL = alphanumeric + "-_"
  /// Current AWS key ids use `[A-Z2-7]`.
  static let awsKeyID = upper + "234567"
  static let upperBech32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"
  /// Characters a person puts in a password, without the URL delimiters `/ ? # @ :`.
  static let password = alphanumeric + "!^*-_.~"

  mutating func string(_ count: Int, of alphabet: String) -> String {
    let characters = Array(alphabet)
    var result = ""
    for _ in 0..<count {
      result.append(characters[Int(generator.next() % UInt64(characters.count))])
    }
    return result
  }

  mutating func hex(_ count: Int) -> String { string(count, of: "0123456789abcdef") }
  mutating func alphanumeric(_ count: Int) -> String { string(count, of: Self.alphanumeric) }
  mutating func base64(_ count: Int) -> String { string(count, of: Self.base64) }
  mutating func base64URL(_ count: Int) -> String { string(count, of: Self.base64URL) }
  mutating func awsKeyID() -> String { string(16, of: Self.awsKeyID) }
  mutating func password(_ count: Int) -> String { string(count, of: Self.password) }

  mutating func uuid() -> String {
    [hex(8), hex(4), hex(4), hex(4), hex(12)].joined(separator: "-")
  }
}
