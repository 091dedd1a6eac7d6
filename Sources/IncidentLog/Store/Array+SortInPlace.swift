extension Array {
  /// Sorts the array where it is, with no second buffer (`sort` may allocate half the array's
  /// size again): for the large arrays of ``PackedDigestGraph`` and ``DuplicateIDFinder``.
  ///
  /// Quicksort with Hoare's partition around a median of three (equal elements split evenly,
  /// so many repeats stay fast), insertion sort below 16 elements, and the smaller side
  /// first, so the stack stays within 2 log2(n) ranges. Not stable.
  mutating func sortInPlace(by isBefore: (Element, Element) -> Bool) {
    withUnsafeMutableBufferPointer { buffer in
      var ranges: [(Int, Int)] = [(0, buffer.count - 1)]
      while let (low, high) = ranges.popLast() {
        guard high - low >= 16 else {
          Self.insertionSort(buffer, low, high, isBefore)
          continue
        }
        let middle = low + (high - low) / 2
        if isBefore(buffer[middle], buffer[low]) { buffer.swapAt(middle, low) }
        if isBefore(buffer[high], buffer[low]) { buffer.swapAt(high, low) }
        if isBefore(buffer[high], buffer[middle]) { buffer.swapAt(high, middle) }
        let pivot = buffer[middle]
        var i = low - 1
        var j = high + 1
        while true {
          repeat { i += 1 } while isBefore(buffer[i], pivot)
          repeat { j -= 1 } while isBefore(pivot, buffer[j])
          if i >= j { break }
          buffer.swapAt(i, j)
        }
        // [low, j] and [j + 1, high]; the larger is pushed first, so the smaller comes next.
        if j - low < high - j - 1 {
          ranges.append((j + 1, high))
          ranges.append((low, j))
        } else {
          ranges.append((low, j))
          ranges.append((j + 1, high))
        }
      }
    }
  }

  private static func insertionSort(
    _ buffer: UnsafeMutableBufferPointer<Element>, _ low: Int, _ high: Int,
    _ isBefore: (Element, Element) -> Bool
  ) {
    guard high > low else { return }
    for index in (low + 1)...high {
      let element = buffer[index]
      var place = index
      while place > low && isBefore(element, buffer[place - 1]) {
        buffer[place] = buffer[place - 1]
        place -= 1
      }
      buffer[place] = element
    }
  }
}
