/// Words looked up by their first byte, in one flat table: the words a detector looks for at a
/// position are those that start with the byte there.
///
/// Built once per run, on the first scan, from arrays of bytes and integers only (a table of 256
/// arrays of byte arrays took about 60,000 instructions to build, more than a scan of a whole
/// answers file; an array of a type of our own, about 9,000 more the first time for its type
/// metadata), or written out already sorted (``init(sortedWords:items:)``).
struct FirstByteTable: Sendable {
  /// Every word's bytes, one after another.
  private let bytes: [UInt8]
  /// Three numbers per word, by first byte and in the order given within one byte: the caller's
  /// number for the word, and where its bytes start and end in ``bytes``.
  private let words: [Int]
  /// Where the words starting with each byte begin, counted in words (257 offsets: those of
  /// byte `b` are `starts[b]..<starts[b + 1]`).
  private let starts: [Int]

  /// A table of the words `eachWord` gives, each with the caller's number for it.
  ///
  /// With `lowercasingKeys`, each word is under its first byte in lower case (for words looked
  /// up in any case). Empty words are left out. `eachWord` calls its argument once per word, in
  /// order.
  init(
    lowercasingKeys: Bool = false,
    eachWord: ((_ item: Int, _ text: String) -> Void) -> Void
  ) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(512)
    // In the order given: the first byte, the item, the start and the end of each word.
    var given: [Int] = []
    given.reserveCapacity(256)
    var counts = [Int](repeating: 0, count: 257)
    eachWord { item, text in
      let start = bytes.count
      bytes.append(contentsOf: text.utf8)
      guard start < bytes.count else { return }
      let first = Int(lowercasingKeys ? ScannedText.lowercased(bytes[start]) : bytes[start])
      given.append(first)
      given.append(item)
      given.append(start)
      given.append(bytes.count)
      counts[first + 1] += 1
    }
    // Counts to offsets, then each word in its byte's place, in the order given.
    for index in 1..<counts.count { counts[index] += counts[index - 1] }
    starts = counts
    var next = counts
    var words = [Int](repeating: 0, count: given.count / 4 * 3)
    var index = 0
    while index < given.count {
      let place = next[given[index]] * 3
      next[given[index]] += 1
      words[place] = given[index + 1]
      words[place + 1] = given[index + 2]
      words[place + 2] = given[index + 3]
      index += 4
    }
    self.bytes = bytes
    self.words = words
  }

  /// A table of the words of `sortedWords`, separated by spaces or line breaks and already in
  /// order of first byte (byte values as they are), each with the caller's number for it in
  /// `items`: one allocation for the bytes, no sorting (joining an array of strings instead
  /// cost 280,000 instructions).
  init(sortedWords text: String, items: [Int]) {
    let bytes = Array(text.utf8)
    var words: [Int] = []
    words.reserveCapacity(3 * items.count)
    var starts = [Int](repeating: 0, count: 257)
    var start = 0
    while start < bytes.count {
      if bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\n") {
        start += 1
        continue
      }
      var end = start
      while end < bytes.count, bytes[end] != UInt8(ascii: " "), bytes[end] != UInt8(ascii: "\n") {
        end += 1
      }
      words.append(items[words.count / 3])
      words.append(start)
      words.append(end)
      starts[Int(bytes[start]) + 1] += 1
      start = end
    }
    for index in 1..<starts.count { starts[index] += starts[index - 1] }
    self.bytes = bytes
    self.words = words
    self.starts = starts
  }

  /// The numbers of the words starting with `byte` (lower case, when the keys are), in order:
  /// read each with ``item(_:)`` and ``word(_:)``.
  func words(startingWith byte: UInt8) -> Range<Int> {
    starts[Int(byte)]..<starts[Int(byte) + 1]
  }

  /// The caller's number for word `number`.
  func item(_ number: Int) -> Int {
    words[number * 3]
  }

  /// The bytes of word `number`.
  func word(_ number: Int) -> ArraySlice<UInt8> {
    bytes[words[number * 3 + 1]..<words[number * 3 + 2]]
  }
}
