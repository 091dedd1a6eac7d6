import Foundation
import IncidentLog
import Testing

/// The ustar writer: header fields, the checksum, long names through the prefix, padding, and
/// what it refuses.
@Suite struct TarWriterTests {
  /// The text of a NUL-terminated header field.
  static func field(_ header: ArraySlice<UInt8>) -> String {
    String(decoding: header.prefix { $0 != 0 }, as: UTF8.self)
  }

  @Test func headerFieldsAreOctalAndNULTerminated() throws {
    let header = try TarWriter.header(
      path: "bundle/README.md", mode: 0o600, size: 1234, type: UInt8(ascii: "0"),
      modificationTime: 1_796_428_800)
    #expect(header.count == 512)
    #expect(Self.field(header[0..<100]) == "bundle/README.md")
    #expect(Array(header[100..<108]) == Array("0000600".utf8) + [0])
    #expect(Array(header[108..<116]) == Array("0000000".utf8) + [0])
    #expect(Array(header[124..<136]) == Array("00000002322".utf8) + [0])
    #expect(Self.field(header[136..<148]) == String(1_796_428_800, radix: 8))
    #expect(header[156] == UInt8(ascii: "0"))
    #expect(Array(header[257..<265]) == Array("ustar".utf8) + [0] + Array("00".utf8))
    #expect(header[345..<500].allSatisfy { $0 == 0 })
  }

  @Test func checksumIsTheSumWithItsFieldAsSpaces() throws {
    let header = try TarWriter.header(
      path: "a.txt", mode: 0o600, size: 5, type: UInt8(ascii: "0"), modificationTime: 0)
    var blanked = header
    blanked.replaceSubrange(148..<156, with: [UInt8](repeating: 0x20, count: 8))
    let sum = blanked.reduce(0) { $0 + Int($1) }
    let digits = String(sum, radix: 8)
    #expect(
      Array(header[148..<156])
        == Array((String(repeating: "0", count: 6 - digits.count) + digits).utf8) + [0, 0x20])
  }

  @Test func longNamesSplitIntoPrefixAndName() throws {
    let hash = String(repeating: "ab", count: 32)
    let path = "triage-bundle-20261204T212909Z-561bf23f/evidence/sha256/ab/\(hash)"
    #expect(path.utf8.count > 100)
    let (prefix, name) = try TarWriter.split(path)
    #expect(
      String(decoding: prefix, as: UTF8.self) + "/" + String(decoding: name, as: UTF8.self) == path)
    #expect(String(decoding: name, as: UTF8.self) == hash)
    let header = try TarWriter.header(
      path: path, mode: 0o600, size: 0, type: UInt8(ascii: "0"), modificationTime: 0)
    #expect(Self.field(header[0..<100]) == hash)
    #expect(
      Self.field(header[345..<500]) == "triage-bundle-20261204T212909Z-561bf23f/evidence/sha256/ab")
  }

  @Test func aNameOf100BytesFitsWithoutPrefix() throws {
    let path = String(repeating: "n", count: 100)
    let (prefix, name) = try TarWriter.split(path)
    #expect(prefix.isEmpty && name.count == 100)
  }

  @Test(
    "paths ustar cannot hold are refused, never cut",
    arguments: [
      (
        String(repeating: "x", count: 101),
        TarError.nameTooLong(path: String(repeating: "x", count: 101))
      ),
      (
        String(repeating: "p", count: 156) + "/name",
        .nameTooLong(path: String(repeating: "p", count: 156) + "/name")
      ),
      ("", .emptyName),
      ("/etc/passwd", .invalidName(path: "/etc/passwd")),
      ("bundle/../x", .invalidName(path: "bundle/../x")),
    ])
  func refused(_ path: String, _ expected: TarError) {
    #expect(throws: expected) { try TarWriter.split(path) }
  }

  @Test func membersArePaddedAndTheArchiveEndsInZeroRecords() throws {
    var writer = TarWriter(modificationTime: 0)
    try writer.addDirectory("bundle")
    try writer.addFile("bundle/a.txt", Array("hello".utf8))
    let bytes = writer.finished()
    #expect(bytes.count == 10_240)
    #expect(Self.field(bytes[0..<100]) == "bundle/")
    #expect(bytes[156] == UInt8(ascii: "5"))
    #expect(Self.field(bytes[512..<612]) == "bundle/a.txt")
    #expect(Array(bytes[1024..<1029]) == Array("hello".utf8))
    #expect(bytes[1029..<10_240].allSatisfy { $0 == 0 })
  }

  @Test func aFileOfManyBlocksEndsOnABlock() throws {
    var writer = TarWriter(modificationTime: 0)
    try writer.addFile("big", [UInt8](repeating: 7, count: 10_000))
    let bytes = writer.finished()
    // Header, 20 blocks of data (10,000 bytes padded to 10,240), two zero blocks: 23 blocks,
    // padded to 30 (two records).
    #expect(bytes.count == 20_480)
    #expect(bytes[512 + 10_000..<bytes.count].allSatisfy { $0 == 0 })
  }

}
