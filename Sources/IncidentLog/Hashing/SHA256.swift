/// SHA-256 (FIPS 180-4), written here because the package takes no dependencies.
///
/// Blocks are compressed with the CPU's SHA instructions where it has them (``Engine``), else
/// with the Swift rounds of ``SHA256State``; both give the same digests (tested).
///
/// One-shot: `SHA256.hash(bytes)`. Streaming, for files read in chunks:
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(chunk1)
/// hasher.update(chunk2)
/// let digest = hasher.finalize()   // 32 bytes
/// ```
package struct SHA256: Sendable {
  /// The digest length in bytes.
  package static let digestByteCount = 32

  private var state = SHA256State()
  /// What compresses the blocks.
  private let engine: Engine
  /// Bytes of an incomplete block, waiting for more input (fewer than 64).
  private var pending: [UInt8] = []
  private var totalByteCount: UInt64 = 0

  /// Creates a hasher with no input, on the fastest engine this machine has.
  package init() { self.init(engine: .preferred) }

  /// Creates a hasher with no input on `engine`, which must be available
  /// (``Engine/isAvailable``); the portable one always is.
  package init(engine: Engine) {
    precondition(engine.isAvailable, "SHA-256 engine \(engine) is not available here")
    self.engine = engine
    pending.reserveCapacity(64)
  }

  /// The digest of `bytes`.
  package static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The digest of the bytes in `buffer`.
  package static func hash(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(buffer)
    return hasher.finalize()
  }

  /// The lower-case hex digest of `bytes`.
  package static func hexHash(_ bytes: [UInt8]) -> String { Hex.string(of: hash(bytes)) }

  /// Adds bytes to the message.
  package mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Adds bytes to the message, without copying them.
  package mutating func update(_ buffer: UnsafeRawBufferPointer) {
    totalByteCount &+= UInt64(buffer.count)
    var rest = buffer[...]
    if !pending.isEmpty {
      let take = min(64 - pending.count, rest.count)
      pending += rest.prefix(take)
      rest = rest.dropFirst(take)
      guard pending.count == 64 else { return }
      pending.withUnsafeBytes { state.compress(blocks: $0, on: engine) }
      pending.removeAll(keepingCapacity: true)
    }
    let wholeBlocks = rest.count / 64 * 64
    if wholeBlocks > 0 {
      state.compress(
        blocks: UnsafeRawBufferPointer(rebasing: rest.prefix(wholeBlocks)), on: engine)
    }
    pending += rest.dropFirst(wholeBlocks)
  }

  /// Pads the message and returns the 32-byte digest.
  ///
  /// The hasher should not be used afterwards.
  package mutating func finalize() -> [UInt8] {
    let bitCount = totalByteCount &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitCount >> UInt64(shift)))
    }
    tail.withUnsafeBytes { state.compress(blocks: $0, on: engine) }
    pending.removeAll()
    return state.digest()
  }
}
