import CSHA256

extension SHA256 {
  /// What compresses a hasher's blocks.
  ///
  /// Both give the same digests; the instructions are several times faster where the CPU has
  /// them.
  package enum Engine: Sendable, CaseIterable, CustomStringConvertible {
    /// The Swift rounds of ``SHA256State``: every machine.
    case portable
    /// The CPU's SHA instructions (the x86-64 SHA extensions, through the `CSHA256` target).
    case instructions

    /// Whether this machine can use it.
    ///
    /// The CPU is asked once (`cpuid`); a machine or emulator that does not report the
    /// instructions (valgrind, for one) gets the portable rounds.
    package var isAvailable: Bool {
      switch self {
      case .portable: true
      case .instructions: Self.hasInstructions
      }
    }

    /// The engine `SHA256()` uses: the instructions where available.
    package static var preferred: Engine { hasInstructions ? .instructions : .portable }

    /// The engines this machine can use.
    package static var available: [Engine] { allCases.filter(\.isAvailable) }

    package var description: String {
      switch self {
      case .portable: "portable"
      case .instructions: "instructions"
      }
    }

    private static let hasInstructions = csha256_available() != 0
  }
}

extension SHA256 {
  /// The digest of `bytes`, computed on `engine` (which must be available).
  package static func hash(_ bytes: [UInt8], on engine: Engine) -> [UInt8] {
    var hasher = SHA256(engine: engine)
    hasher.update(bytes)
    return hasher.finalize()
  }
}

extension SHA256State {
  /// Compresses every whole 64-byte block of `blocks` (its count is a multiple of 64) on
  /// `engine`, which must be available.
  mutating func compress(blocks: UnsafeRawBufferPointer, on engine: SHA256.Engine) {
    switch engine {
    case .portable:
      compress(blocks: blocks)
    case .instructions:
      guard let base = blocks.baseAddress, blocks.count >= 64 else { return }
      // A homogeneous tuple is laid out as a C array: H0...H7 in order.
      var words = (h0, h1, h2, h3, h4, h5, h6, h7)
      withUnsafeMutablePointer(to: &words) { tuple in
        tuple.withMemoryRebound(to: UInt32.self, capacity: 8) { state in
          csha256_compress(state, base.assumingMemoryBound(to: UInt8.self), blocks.count / 64)
        }
      }
      (h0, h1, h2, h3, h4, h5, h6, h7) = words
    }
  }
}
