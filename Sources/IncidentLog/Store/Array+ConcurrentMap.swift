import Dispatch
import Synchronization

extension Array where Element: Sendable {
  /// The transform of each element, in order, worked out on up to `threads` threads.
  ///
  /// Each thread takes the next few elements not yet taken (a shared counter), so a thread the
  /// system sets aside for a while holds up nothing but its own few: on a busy machine the
  /// others carry on. Results are written to separate slots and read only after every thread
  /// has finished.
  func concurrentMap<Result: Sendable>(
    threads: Int = 2, _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    let threads = Swift.max(1, Swift.min(threads, count))
    guard threads > 1 else { return map(transform) }
    var results = [Result?](repeating: nil, count: count)
    let next = Atomic<Int>(0)
    let total = count
    results.withUnsafeMutableBufferPointer { slots in
      let slots = Slots(base: slots)
      self.withUnsafeBufferPointer { elements in
        let elements = Slots(base: elements)
        withoutActuallyEscaping(transform) { transform in
          DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
              let start = next.wrappingAdd(Self.concurrentChunk, ordering: .relaxed).oldValue
              guard start < total else { return }
              for index in start..<Swift.min(start + Self.concurrentChunk, total) {
                slots.base[index] = transform(elements.base[index])
              }
            }
          }
        }
      }
    }
    // Every slot was filled above.
    return results.compactMap { $0 }
  }

  /// How many elements a thread of ``concurrentMap(threads:_:)`` takes at a time.
  private static var concurrentChunk: Int { 4 }
}

/// A buffer handed to the threads of ``Array/concurrentMap(threads:_:)``: each thread touches
/// its own elements only, and the buffer outlives them (`concurrentPerform` returns when all
/// are done).
private struct Slots<Buffer>: @unchecked Sendable {
  let base: Buffer
}
