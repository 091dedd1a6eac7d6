import Testing

@testable import RunbookCore

/// The vendor-token prefix table written out in `PrefixedToken.prefixTable` is the one the
/// tokens' own prefixes give: a prefix added to `PrefixedToken.all` must be added there too.
@Suite struct PrefixedTokenTableTests {
  @Test func theWrittenOutTableIsTheOneTheTokensGive() {
    let built = FirstByteTable { word in
      for index in PrefixedToken.all.indices {
        for prefix in PrefixedToken.all[index].prefixes { word(index, prefix) }
      }
    }
    #expect(Self.entries(of: PrefixedToken.prefixTable) == Self.entries(of: built))
    #expect(Self.entries(of: built).count == 49)
  }

  /// Each word of `table` as `byte item word`, byte by byte and in order within a byte.
  static func entries(of table: FirstByteTable) -> [String] {
    (0...255).flatMap { byte in
      table.words(startingWith: UInt8(byte)).map { number in
        "\(byte) \(table.item(number)) \(String(decoding: table.word(number), as: UTF8.self))"
      }
    }
  }

  @Test func eachWordIsFoundUnderItsFirstByteInOrder() {
    let table = FirstByteTable(sortedWords: "ab ac\n b bc", items: [7, 8, 9, 10])
    #expect(table.words(startingWith: UInt8(ascii: "a")).map(table.item) == [7, 8])
    #expect(
      table.words(startingWith: UInt8(ascii: "b")).map { Array(table.word($0)) } == [
        Array("b".utf8), Array("bc".utf8),
      ])
    #expect(table.words(startingWith: UInt8(ascii: "c")).isEmpty)
  }
}
