import IncidentLog
import Testing

@Suite("The folded literal scanner")
struct FoldedLiteralTests {
  /// The slow, obviously right answer: lower both sides' ASCII letters, then look everywhere.
  static func naive(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
    func lowered(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
    let (needle, haystack) = (needle.map(lowered), haystack.map(lowered))
    guard haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains {
      haystack[$0..<$0 + needle.count].elementsEqual(needle)
    }
  }

  static func found(_ needle: String, in haystack: String) throws -> Bool {
    try #require(FoldedLiteral(Array(needle.utf8))).isFound(in: Array(haystack.utf8))
  }

  @Test("finds the literal in any ASCII letter case, at the start, middle and end")
  func letterCase() throws {
    #expect(try Self.found("initech", in: "\"vendor\": \"INITECH Corp\""))
    #expect(try Self.found("InItEcH", in: "initech"))
    #expect(try Self.found("corp\"", in: "\"vendor\": \"INITECH Corp\""))
    #expect(try Self.found("{", in: "{"))
    #expect(try !Self.found("initech", in: "initec"))
    #expect(try !Self.found("initech", in: "init ech initeck nitech"))
  }

  @Test("only ASCII letters fold; other bytes match exactly")
  func otherBytes() throws {
    #expect(try Self.found("ÉTÉ", in: "un ÉTÉ chaud"))
    #expect(try !Self.found("été", in: "un ÉTÉ chaud"))
    #expect(try !Self.found("@", in: "`"))
    #expect(try !Self.found("[", in: "{"))
  }

  @Test("an empty literal is refused")
  func empty() {
    #expect(FoldedLiteral([]) == nil)
  }

  @Test("agrees with a plain search on many small inputs")
  func agreesWithNaiveSearch() throws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let alphabet = Array("abAB-\u{00}z".utf8)
    for _ in 0..<3000 {
      let needle = (0..<(1 + next(5))).map { _ in alphabet[next(alphabet.count)] }
      let haystack = (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }
      let literal = try #require(FoldedLiteral(needle))
      #expect(
        literal.isFound(in: haystack) == Self.naive(needle, in: haystack),
        "\(needle) in \(haystack)")
    }
  }
}
