/// A growing byte buffer for writers that append many small pieces (JSON tokens, Markdown
/// cells): an append is a capacity check and a store, with no uniqueness check and no generic
/// `append(contentsOf:)` on the way, which is what an `[UInt8]` costs for each piece.
///
/// It owns its memory and cannot be copied; ``array()`` hands the bytes over as an array.
///
/// ```swift
/// var out = OutputBytes(capacity: 4096)
/// out.append("null")
/// let bytes = out.array()
/// ```
struct OutputBytes: ~Copyable {
  private var start: UnsafeMutablePointer<UInt8>
  /// The number of bytes written.
  private(set) var count = 0
  private var capacity: Int

  /// An empty buffer with room for `capacity` bytes before it first grows.
  init(capacity: Int) {
    self.capacity = Swift.max(capacity, 16)
    start = .allocate(capacity: self.capacity)
  }

  deinit { start.deallocate() }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(toHold: count + extra) }
  }

  /// Moves the bytes to a block at least twice as large and able to hold `needed` bytes.
  @inline(never)
  private mutating func grow(toHold needed: Int) {
    let newCapacity = Swift.max(capacity * 2, needed)
    let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newStart.initialize(from: start, count: count)
    start.deallocate()
    start = newStart
    capacity = newCapacity
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    start[count] = byte
    count += 1
  }

  /// Appends two bytes.
  @inline(__always)
  mutating func append(_ first: UInt8, _ second: UInt8) {
    reserve(2)
    start[count] = first
    start[count + 1] = second
    count += 2
  }

  /// Appends the bytes of `text`, a literal.
  @inline(__always)
  mutating func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends `bytes`.
  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    (start + count).update(from: base, count: bytes.count)
    count += bytes.count
  }

  /// Appends the UTF-8 bytes of `string`.
  mutating func append(_ string: String) {
    // In place (no copy of the string to call the mutating `withUTF8` on), when contiguous.
    if string.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
    var string = string
    string.withUTF8 { append($0) }
  }

  /// Appends `value` in decimal.
  mutating func append(decimal value: Int) {
    if value < 0 {
      append(UInt8(ascii: "-"))
      // The magnitude as a bit pattern: right for `Int.min` too, which `0 &- value` leaves.
      append(decimal: UInt(bitPattern: 0 &- value))
    } else {
      append(decimal: UInt(value))
    }
  }

  /// Appends `value` in decimal.
  mutating func append(decimal value: UInt) {
    var digits = 1
    var rest = value / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    reserve(digits)
    var remaining = value
    var index = count + digits - 1
    repeat {
      start[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
      remaining /= 10
      index -= 1
    } while remaining > 0
    count += digits
  }

  /// Appends `byte` `times` times.
  @inline(__always)
  mutating func append(repeating byte: UInt8, times: Int) {
    guard times > 0 else { return }
    reserve(times)
    (start + count).update(repeating: byte, count: times)
    count += times
  }

  /// Appends bytes `range` of `other`.
  mutating func append(_ other: borrowing OutputBytes, range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= other.count, "outside OutputBytes")
    other.withBytes { append(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// Forgets the bytes from `newCount` on (keeping the memory).
  mutating func truncate(to newCount: Int) {
    precondition(newCount >= 0 && newCount <= count, "OutputBytes truncated past its end")
    count = newCount
  }

  /// Writes `bytes` over the ones from `offset` on (all of them already written).
  mutating func overwrite(at offset: Int, with bytes: [UInt8]) {
    precondition(offset >= 0 && offset + bytes.count <= count, "OutputBytes written past its end")
    bytes.withUnsafeBufferPointer { source in
      guard let base = source.baseAddress else { return }
      (start + offset).update(from: base, count: source.count)
    }
  }

  /// Trades bytes (and memory) with `other`.
  mutating func exchange(with other: inout OutputBytes) {
    swap(&start, &other.start)
    swap(&count, &other.count)
    swap(&capacity, &other.capacity)
  }

  /// Forgets the bytes and gives their memory back, for a buffer no longer needed whose owner
  /// lives on: a block freed before the next large one is made can be reused for it, where
  /// fresh memory costs a page fault for every page first written.
  mutating func releaseMemory() {
    start.deallocate()
    capacity = 16
    start = .allocate(capacity: capacity)
    count = 0
  }

  /// Calls `body` with the bytes written so far.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try body(UnsafeBufferPointer(start: start, count: count))
  }

  /// The bytes written, as an array.
  func array() -> [UInt8] {
    Array(UnsafeBufferPointer(start: start, count: count))
  }
}
