import RunbookCore
import Testing

/// The binary writer and reader of the compiled cache: shared strings are written once and
/// read back in order, mixed with plain ones; a damaged reference is an error, never a crash.
@Suite struct BinaryCodingTests {
  @Test func sharedStringsAreWrittenOnceAndReadBack() throws {
    let words = ["residents", "role", "residents", "", "§ 1798.82", "role", "", "residents"]
    var writer = BinaryWriter()
    for word in words {
      writer.write(shared: word)
      writer.write("plain")
    }
    var once = BinaryWriter()
    for word in Set(words) { once.write(shared: word) }
    // Each repeat is one byte (a small number), not the string again.
    #expect(writer.bytes.count < once.bytes.count + words.count * 8)
    var reader = BinaryReader(writer.bytes)
    for word in words {
      #expect(try reader.readShared() == word)
      #expect(try reader.readString() == "plain")
    }
    #expect(reader.isAtEnd)
  }

  @Test func aReferenceToAStringNotReadYetIsAnError() {
    var writer = BinaryWriter()
    writer.write(UInt64(3) << 1 | 1)
    var reader = BinaryReader(writer.bytes)
    #expect(throws: BinaryReadError.self) { try reader.readShared() }
    var long = BinaryWriter()
    long.write(UInt64(100) << 1)
    var short = BinaryReader(long.bytes + [0x41])
    #expect(throws: BinaryReadError.self) { try short.readShared() }
  }
}
