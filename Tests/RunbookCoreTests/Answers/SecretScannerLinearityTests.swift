import RunbookCore
import Testing

/// A megabyte of prefixes that almost start a secret, built to make a careless matcher quadratic.
///
/// The scanner reads it through (a secret at the very end is still found) and finds nothing
/// before that. Time is not asserted; a quadratic scan of this text would not finish in a test.
@Suite struct SecretScannerLinearityTests {
  /// A unit of text that almost starts a secret, repeated.
  struct NearMiss: Sendable {
    let name: String
    let unit: String
  }

  static let megabyte = 1 << 20

  static let nearMisses: [NearMiss] = [
    NearMiss(
      name: "every prefix, spaced",
      unit: "AKIA ghp_x -----BEGIN eyJhbGciOi. sk- SG. xoxb- hvs. hvb. key- NRAK- lin_api_ "
        + "dop_v1_ shpat_ ATATT3 AGE-SECRET-KEY-1 sk_live_ https://user@ redis://:@ password= "
        + "token: AccountKey= &sig= HEROKU_API_KEY= DD_API_KEY= aws_secret_access_key= "),
    NearMiss(name: "AWS prefixes run together", unit: "AKIA"),
    NearMiss(name: "Atlassian prefixes run together", unit: "ATATT3"),
    NearMiss(name: "JWT headers run together", unit: "eyJ"),
    NearMiss(name: "JWT parts without a third", unit: "eyJabcdefghijk.eyJabcdefghijk "),
    NearMiss(name: "PEM lines that are not keys", unit: "-----BEGIN PRIVATE "),
    NearMiss(name: "URL separators", unit: "a://b:c"),
    NearMiss(name: "assignments without values", unit: "password=password:"),
    NearMiss(name: "SAS signatures without a query", unit: "&sig="),
  ]

  /// A megabyte: each near miss repeated for a ninth of it, one after the other.
  static let text: String = {
    let share = megabyte / nearMisses.count
    return nearMisses.map { nearMiss in
      String(repeating: nearMiss.unit, count: share / nearMiss.unit.utf8.count + 1)
    }.joined(separator: "\n")
  }()

  @Test func findsNothingInAMegabyteOfNearMisses() {
    #expect(Self.text.utf8.count >= Self.megabyte)
    #expect(SecretScanner.firstMatch(in: Self.text) == nil)
  }

  @Test func readsAMegabyteOfNearMissesToTheEnd() {
    var fake = FakeSecrets(seed: 1)
    let secret = "\nDD_API_KEY=" + fake.hex(32)
    #expect(SecretScanner.firstMatch(in: Self.text + secret) == .datadogKey)
  }
}
