import Foundation
import IncidentLog
import Testing
import TriageTestSupport

@Suite("SHA-256")
struct SHA256Tests {
  /// FIPS 180-4 examples and the NIST CAVP short and long messages, on every engine this
  /// machine has.
  @Test(
    "FIPS 180-4 vectors",
    arguments: SHA256.Engine.available,
    [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
      ),
    ])
  func vectors(engine: SHA256.Engine, vector: (String, String)) {
    let (message, digest) = vector
    #expect(Hex.string(of: SHA256.hash(Array(message.utf8), on: engine)) == digest)
  }

  @Test("one million \"a\", fed in uneven chunks", arguments: SHA256.Engine.available)
  func millionA(engine: SHA256.Engine) {
    let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    #expect(Hex.string(of: SHA256.hash(message, on: engine)) == expected)
    var hasher = SHA256(engine: engine)
    var offset = 0
    var step = 1
    while offset < message.count {
      let end = min(message.count, offset + step)
      hasher.update(Array(message[offset..<end]))
      offset = end
      step = step % 97 + 13
    }
    #expect(Hex.string(of: hasher.finalize()) == expected)
  }

  @Test("NIST CAVP byte-oriented short messages")
  func cavpShort() {
    #expect(
      SHA256.hexHash([0xd3]) == "28969cdfa74a12c82f3bad960b0b000aca2ac329deea5c2328ebc6f2ba9802c1")
    #expect(
      SHA256.hexHash([0x11, 0xaf])
        == "5ca7133fa735326081558ac312c620eeca9970d1e70a4b95533d956f072d1f98")
  }

  /// NIST's additional SHA-256 examples (SHAVS): repeated bytes across the padding boundaries
  /// (55, 56 and 64 bytes) and long messages up to a million bytes, through the unrolled rounds.
  @Test(
    "NIST additional and long messages",
    arguments: SHA256.Engine.available,
    [
      (0xbd, 1, "68325720aabd7c82f30f554b313d0570c95accbb7dc4b5aae11204c08ffe732b"),
      (0x00, 55, "02779466cdec163811d078815c633f21901413081449002f24aa3e80f0b88ef7"),
      (0x00, 56, "d4817aa5497628e7c77e6b606107042bbba3130888c5f47a375e6179be789fbb"),
      (0x00, 64, "f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b"),
      (0x00, 1000, "541b3e9daa09b20bf85fa273e5cbd3e80185aa4ec298e765db87742b70138a53"),
      (0x41, 1000, "c2e686823489ced2017f6059b8b239318b6364f6dcd835d0a519105a1eadd6e4"),
      (0x55, 1005, "f4d62ddec0f3dd90ea1380fa16a5ff8dc4c54b21740650f24afc4120903552b0"),
      (0x00, 1_000_000, "d29751f2649b32ff572b5e0a9f541ea660a50f94ff0beedfb0b692b924cc8025"),
    ] as [(UInt8, Int, String)])
  func nistAdditional(engine: SHA256.Engine, vector: (UInt8, Int, String)) {
    let (byte, count, digest) = vector
    let message = [UInt8](repeating: byte, count: count)
    #expect(Hex.string(of: SHA256.hash(message, on: engine)) == digest)
  }

  @Test("NIST additional: the four bytes c98c8e55")
  func nistFourBytes() {
    #expect(
      SHA256.hexHash([0xc9, 0x8c, 0x8e, 0x55])
        == "7abc22c0ae5af26ce93dbb94433a0e0b2e119d014f8e7f65bd56c61ccccd9504")
  }

  @Test("matches /usr/bin/sha256sum on random inputs of many sizes")
  func matchesSha256sum() throws {
    let tool = "/usr/bin/sha256sum"
    try #require(FileManager.default.isExecutableFile(atPath: tool))
    var generator = SeededGenerator(seed: 8785)
    var sizes = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096, 65_535]
    sizes += (0..<12).map { _ in Int.random(in: 0...200_000, using: &generator) }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    var paths: [String] = []
    var expected: [String] = []
    for (index, size) in sizes.enumerated() {
      let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let path = directory.path + "/input-\(index)"
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      paths.append(path)
      expected.append(SHA256.hexHash(bytes))
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = paths
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let digests = String(decoding: output, as: UTF8.self).split(separator: "\n").map {
      String($0.prefix(64))
    }
    #expect(digests == expected, "sizes \(sizes)")
  }

  @Test("incremental hashing equals one-shot at every split point around block boundaries")
  func splits() {
    var generator = SeededGenerator(seed: 1)
    let message = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let expected = SHA256.hash(message)
    for split in 0...message.count {
      var hasher = SHA256()
      hasher.update(Array(message[..<split]))
      hasher.update(Array(message[split...]))
      #expect(hasher.finalize() == expected)
    }
  }

  @Test("hex round trip")
  func hex() {
    #expect(Hex.string(of: [0x00, 0xab, 0xff]) == "00abff")
    #expect(Hex.bytes(of: "00ABff") == [0x00, 0xab, 0xff])
    #expect(Hex.bytes(of: "abc") == nil)
    #expect(Hex.bytes(of: "zz") == nil)
    #expect(Hex.isSHA256Digest(SHA256.hexHash([])))
    #expect(!Hex.isSHA256Digest(SHA256.hexHash([]).uppercased()))
  }
}
