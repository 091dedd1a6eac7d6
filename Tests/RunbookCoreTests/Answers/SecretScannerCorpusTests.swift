import RunbookCore
import Testing

/// The scanner against a corpus of made-up secrets and realistic look-alikes.
///
/// The goal, asserted by `staysWithinTheAllowance`: at least 60 secrets and 30 look-alikes, at
/// most 2 secrets missed and at most 1 look-alike refused.
@Suite struct SecretScannerCorpusTests {
  @Test(arguments: SecretCorpus.secrets)
  func namesEachSecretByItsRule(_ example: SecretCorpusCase) throws {
    let expected = try #require(example.expected)
    let found = SecretScanner.firstMatch(in: example.text)
    if example.isKnownMiss {
      #expect(found == nil, "now caught as \(String(describing: found)): drop isKnownMiss")
      return
    }
    #expect(found == expected)
    let problem = SecretScanner.firstSecret(in: example.text)
    #expect(problem?.kind == .looksLikeSecret)
    #expect(problem?.message.hasPrefix("this looks like \(expected.name);") == true)
  }

  @Test(arguments: SecretCorpus.lookAlikes)
  func letsLookAlikesThrough(_ example: SecretCorpusCase) {
    #expect(SecretScanner.firstMatch(in: example.text) == example.knownRefusal)
  }

  @Test func staysWithinTheAllowance() {
    let secrets = SecretCorpus.secrets
    let lookAlikes = SecretCorpus.lookAlikes
    let misses = secrets.filter { SecretScanner.firstMatch(in: $0.text) != $0.expected }
    let falsePositives = lookAlikes.filter { SecretScanner.firstMatch(in: $0.text) != nil }
    #expect(secrets.count >= 60)
    #expect(lookAlikes.count >= 30)
    #expect(misses.count <= 2, "missed: \(misses.map(\.name))")
    #expect(falsePositives.count <= 1, "refused: \(falsePositives.map(\.name))")
    #expect(misses.map(\.name) == secrets.filter(\.isKnownMiss).map(\.name))
    #expect(falsePositives.map(\.name) == lookAlikes.filter { $0.knownRefusal != nil }.map(\.name))
  }

}
