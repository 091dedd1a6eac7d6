import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// The CPU's SHA instructions against the Swift rounds: same digests for every length, every
/// split of the input and every starting state, and found exactly where the CPU reports them.
@Suite("SHA-256 engines")
struct SHA256EngineTests {
  #if os(Linux) && arch(x86_64)
    /// The `cpuid` check agrees with the kernel's view of the CPU, so that on a machine with the
    /// instructions the tests below run on both engines (and a broken check fails here).
    @Test("the instructions are used exactly where /proc/cpuinfo lists sha_ni")
    func detection() throws {
      let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
      let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
      let words = Set(flags.split(separator: " ").map(String.init))
      let listed = ["sha_ni", "ssse3", "sse4_1"].allSatisfy(words.contains)
      #expect(SHA256.Engine.instructions.isAvailable == listed)
      #expect(SHA256.Engine.preferred == (listed ? .instructions : .portable))
    }
  #endif

  @Test("the portable rounds are always available")
  func portable() {
    #expect(SHA256.Engine.portable.isAvailable)
    #expect(SHA256.Engine.available.contains(.portable))
  }

  /// Every length from 0 to 1,100 bytes (all the padding cases, one to eighteen blocks) and some
  /// long ones: the engines agree byte for byte.
  @Test("both engines give the same digest at every length")
  func lengths() {
    var generator = SeededGenerator(seed: 20_261_205)
    let message = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    var lengths = Array(0...1_100)
    lengths += [4_095, 4_096, 4_097, 65_536, 65_600, 299_999, 300_000]
    for engine in SHA256.Engine.available {
      for length in lengths {
        let input = Array(message[..<length])
        let expected = SHA256.hash(input, on: .portable)
        #expect(SHA256.hash(input, on: engine) == expected, "\(engine), \(length) bytes")
      }
    }
  }

  /// Chunks of every size up to 200 bytes through one hasher: the state the instructions leave
  /// after each call is the one the next call (or the portable padding) starts from.
  @Test("streaming in uneven chunks gives the one-shot digest", arguments: SHA256.Engine.available)
  func streaming(engine: SHA256.Engine) {
    var generator = SeededGenerator(seed: 7)
    let message = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let expected = SHA256.hash(message, on: .portable)
    for step in [1, 3, 63, 64, 65, 127, 128, 129, 200] {
      var hasher = SHA256(engine: engine)
      var offset = 0
      while offset < message.count {
        let end = min(message.count, offset + step)
        message[offset..<end].withUnsafeBytes { hasher.update($0) }
        offset = end
      }
      #expect(hasher.finalize() == expected, "chunks of \(step)")
    }
  }

  /// Bytes that look alike in their halves (every word the same, or the words reversed) would
  /// hide a lane swapped in the instructions' state or message order; they must not.
  @Test("lane order: symmetric and reversed words", arguments: SHA256.Engine.available)
  func laneOrder(engine: SHA256.Engine) {
    let ascending = (0..<256).map { UInt8(truncatingIfNeeded: $0) }
    let descending = Array(ascending.reversed())
    let repeated = [UInt8](repeating: 0x5a, count: 256)
    for message in [ascending, descending, repeated] {
      #expect(SHA256.hash(message, on: engine) == SHA256.hash(message, on: .portable))
    }
    #expect(
      Hex.string(of: SHA256.hash(ascending, on: engine))
        == "40aff2e9d2d8922e47afd4648e6967497158785fbd1da870e7110266bf944880")
  }
}
