import Dispatch

extension Array where Element: Sendable {
  /// The transform of each element, in order, worked out on up to `threads` threads.
  ///
  /// Thread `t` takes elements `t`, `t + threads`, ... (neighbouring files cost about the
  /// same, so the threads finish together). Results are written to separate slots and read
  /// only after every thread has finished.
  func concurrentMap<Result: Sendable>(
    threads: Int = 2, _ transform: @Sendable (Element) -> Result
  ) -> [Result] {
    let threads = Swift.max(1, Swift.min(threads, count))
    guard threads > 1 else { return map(transform) }
    var results = [Result?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { slots in
      let slots = Slots(base: slots)
      self.withUnsafeBufferPointer { elements in
        let elements = Slots(base: elements)
        withoutActuallyEscaping(transform) { transform in
          DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var index = thread
            while index < elements.base.count {
              slots.base[index] = transform(elements.base[index])
              index += threads
            }
          }
        }
      }
    }
    // Every slot was filled above.
    return results.compactMap { $0 }
  }
}

/// A buffer handed to the threads of ``Array/concurrentMap(threads:_:)``: each thread touches
/// its own elements only, and the buffer outlives them (`concurrentPerform` returns when all
/// are done).
private struct Slots<Buffer>: @unchecked Sendable {
  let base: Buffer
}
