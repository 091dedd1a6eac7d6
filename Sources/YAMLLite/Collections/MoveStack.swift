/// The entries or items of the collections being read, innermost last.
///
/// A finished collection moves its part out into an array of exactly its size: the values are
/// moved, not copied, so no reference is retained or released for them, and the stack's storage is
/// reused instead of growing an array per collection. A class, so that the parser (a value type)
/// holds one reference to it; a parse uses its stacks alone.
final class MoveStack<Element> {
  private var storage: UnsafeMutablePointer<Element>
  private var capacity: Int
  /// How many values the stack holds.
  private(set) var count = 0

  init() {
    capacity = 64
    storage = .allocate(capacity: capacity)
  }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }

  /// The value at `index` (below `count`).
  @inline(__always)
  subscript(index: Int) -> Element {
    storage[index]
  }

  /// Calls `body` with the values from `base` on, without copying them.
  @inline(__always)
  func withValues<R>(from base: Int, _ body: (UnsafeBufferPointer<Element>) -> R) -> R {
    body(UnsafeBufferPointer(start: storage + base, count: count - base))
  }

  /// Pushes `element`.
  @inline(__always)
  func append(_ element: consuming Element) {
    if count == capacity { grow() }
    (storage + count).initialize(to: element)
    count += 1
  }

  /// Takes the values pushed since `base` off the stack, as an exactly sized array.
  ///
  /// The array is made by `reserveCapacity` and filled by moving appends: that path is
  /// specialised for `Element`, while `Array(unsafeUninitializedCapacity:)` allocates through an
  /// unspecialised library function that looks up the array's type metadata on every call (about
  /// 800 instructions an array, a tenth of a parse).
  func popAll(from base: Int) -> [Element] {
    let taken = count - base
    guard taken > 0 else { return [] }
    let source = storage + base
    count = base
    var result: [Element] = []
    result.reserveCapacity(taken)
    for index in 0..<taken {
      result.append((source + index).move())
    }
    return result
  }

  private func grow() {
    let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: storage, count: count)
    storage.deallocate()
    storage = larger
    capacity *= 2
  }
}
