import IncidentLog
import Testing
import TriageTestSupport

/// The two ways of compressing (the processor's SHA extensions and the portable rounds) give
/// the same digests; on a processor without the extensions both are the portable rounds.
@Suite("SHA-256, hardware and portable")
struct SHA256HardwareTests {
  func digest(_ message: [UInt8], usingHardware: Bool, chunk: Int? = nil) -> [UInt8] {
    var hasher = SHA256(usingHardware: usingHardware)
    if let chunk {
      var start = 0
      while start < message.count {
        let end = min(start + chunk, message.count)
        hasher.update(Array(message[start..<end]))
        start = end
      }
    } else {
      hasher.update(message)
    }
    return hasher.finalize()
  }

  @Test("the FIPS 180-4 vectors, through the portable rounds")
  func portableVectors() {
    #expect(
      Hex.string(of: digest(Array("abc".utf8), usingHardware: false))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      Hex.string(
        of: digest(
          Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
          usingHardware: false))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test("both ways agree on random messages of every length up to 1,100 bytes, whole or chunked")
  func agree() {
    var generator = SeededGenerator(seed: 7)
    for length in 0...1_100 {
      let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let portable = digest(message, usingHardware: false)
      #expect(digest(message, usingHardware: true) == portable, "length \(length)")
      #expect(digest(message, usingHardware: true, chunk: 1 + length % 97) == portable)
    }
  }
}
