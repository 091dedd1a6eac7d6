/// The short names of record ids as ``ShortRecordIDs`` gives them, for `archive list` at a
/// million records: the same names, found from the ids' bytes.
///
/// A hex part of 1 to 16 lowercase hex digits (every id triage makes) is kept packed in a word
/// (its digits from the top nibble down, with its length), so sorting, finding an id and
/// comparing neighbours are integer operations, and the starts of ids no name may be are kept
/// the same way; any other hex part or start is kept as text, and compared as ``ShortRecordIDs``
/// compares it. About 29 bytes a record.
///
/// Once sorted, every packed id's short name's length is worked out in one pass, and kept by
/// the order the ids were added in (their ordinal): a caller going through the ids again in
/// that order finds each one's name without a search (``shortLength(of:ordinal:)``).
package struct CompactShortIDs {
  /// The fewest hex digits of a short name.
  private static let minimum = ArchiveReader.shortHexLength

  /// One id: its hex part packed, or (``isText``) the index of its text in ``texts``.
  package struct Key: Comparable, Sendable {
    /// The digits from the top nibble down, zeros after the last (or a text's index).
    var digits: UInt64
    /// FNV-1a 64 of the whole id.
    var hash: UInt64
    /// The number of digits (0 for a text).
    var length: UInt8
    /// The width of the whole id's cell, shown when it has no short name.
    package var width: UInt8
    /// The order it was added in (``CompactShortIDs/add(_:width:)``), not compared.
    var ordinal: UInt32 = .max

    /// Packed hex parts in `String` order: by digits, then the shorter first, then by hash.
    package static func < (left: Key, right: Key) -> Bool {
      (left.digits, left.length, left.hash) < (right.digits, right.length, right.hash)
    }

    package static func == (left: Key, right: Key) -> Bool {
      left.digits == right.digits && left.length == right.length && left.hash == right.hash
    }
  }

  /// A start of an id (or part of one) packed as a ``Key``'s digits are, with its length.
  private struct Packed: Hashable {
    var digits: UInt64
    var length: UInt8
  }

  /// The packed ids, sorted once all are added.
  private var keys: [Key] = []
  /// The ids whose hex part is not packed: their hex part and hash, sorted once all are added.
  private var texts: [(hex: String, hash: UInt64, width: Int)] = []
  /// The starts of ids (4 characters up to the length of their hex part) no name may be.
  private var packedPrefixes: Set<Packed> = []
  private var textPrefixes: Set<String> = []
  /// The longest start of the last id added (its prefixes are in the sets already).
  private var lastStart: [UInt8] = []
  private var isSorted = true
  /// How many ids were added.
  private var count = 0
  /// The short name's length of each sorted key (0: shown whole), once sorted.
  private var lengths: [UInt8] = []
  /// Where the id of each ordinal is in the sorted keys (`UInt32.max`: not packed).
  private var positions: [UInt32] = []

  /// No ids yet.
  package init() {}

  /// Adds a record id, given as its UTF-8 bytes; `width` is the width of its cell.
  package mutating func add(_ id: ArraySlice<UInt8>, width: Int) {
    isSorted = false
    let ordinal = UInt32(truncatingIfNeeded: count)
    count += 1
    guard Self.isPlain(id) else { return addText(String(decoding: id, as: UTF8.self), width) }
    let hex = Self.hexPart(id)
    if let digits = Self.pack(hex) {
      keys.append(
        Key(
          digits: digits, hash: FNV1a.hash(id), length: UInt8(hex.count),
          width: UInt8(min(width, 255)), ordinal: ordinal))
    } else {
      texts.append((String(decoding: hex, as: UTF8.self), FNV1a.hash(id), width))
    }
    let longest = id.prefix(max(Self.minimum, hex.count))
    guard !longest.elementsEqual(lastStart) else { return }
    lastStart = Array(longest)
    for length in Self.minimum...max(Self.minimum, hex.count) {
      addPrefix(id.prefix(length))
    }
  }

  /// Adds an id that is not plain ASCII, as ``ShortRecordIDs`` reads it (by characters).
  private mutating func addText(_ id: String, _ width: Int) {
    let hex = ArchiveReader.hexPart(of: id)
    if Self.isPlain(hex.utf8), let digits = Self.pack(Array(hex.utf8)[...]) {
      keys.append(
        Key(
          digits: digits, hash: FNV1a.hash(id), length: UInt8(hex.utf8.count),
          width: UInt8(min(width, 255)), ordinal: UInt32(truncatingIfNeeded: count - 1)))
    } else {
      texts.append((String(hex), FNV1a.hash(id), width))
    }
    lastStart = []
    for length in Self.minimum...max(Self.minimum, hex.count) {
      let prefix = String(id.prefix(length))
      if Self.isPlain(prefix.utf8) {
        addPrefix(Array(prefix.utf8)[...])
      } else {
        textPrefixes.insert(prefix)
      }
    }
  }

  /// Adds a start of an id, plain ASCII.
  private mutating func addPrefix(_ prefix: ArraySlice<UInt8>) {
    if let digits = Self.pack(prefix) {
      packedPrefixes.insert(Packed(digits: digits, length: UInt8(prefix.count)))
    } else {
      textPrefixes.insert(String(decoding: prefix, as: UTF8.self))
    }
  }

  /// Sorts the ids added, and works out each packed id's short name; call it after the last
  /// ``add(_:width:)``.
  package mutating func sort() {
    guard !isSorted else { return }
    keys.sort()
    texts.sort { ($0.hex, $0.hash) < ($1.hex, $1.hash) }
    isSorted = true
    lengths = keys.indices.map { UInt8(shortLength(at: $0) ?? 0) }
    positions = [UInt32](repeating: .max, count: count)
    for (position, key) in keys.enumerated() where Int(key.ordinal) < count {
      positions[Int(key.ordinal)] = UInt32(truncatingIfNeeded: position)
    }
  }

  /// The widest name of the ids added: a short name's length, or the whole id's width.
  package var widestName: Int {
    var widest = 0
    for index in keys.indices {
      let length = Int(lengths[index])
      widest = max(widest, length > 0 ? length : Int(keys[index].width))
    }
    for text in texts {
      widest = max(widest, shortText(text.hex, hash: text.hash)?.count ?? text.width)
    }
    return widest
  }

  /// The key of the id `id` (its bytes), to find its short name later.
  package static func key(_ id: ArraySlice<UInt8>, width: Int) -> Key? {
    guard isPlain(id) else { return nil }
    let hex = hexPart(id)
    guard let digits = pack(hex) else { return nil }
    return Key(
      digits: digits, hash: FNV1a.hash(id), length: UInt8(hex.count),
      width: UInt8(min(width, 255)))
  }

  /// The length of the short name of the id whose key is `key` (its hex part's first digits);
  /// nil when it is shown whole.
  package func shortLength(of key: Key) -> Int? {
    guard let position = position(of: key) else { return nil }
    let length = Int(lengths[position])
    return length > 0 ? length : nil
  }

  /// ``shortLength(of:)`` of the id added `ordinal`-th (from 0), found without a search when
  /// `key` is that id's (a search otherwise).
  package func shortLength(of key: Key, ordinal: Int) -> Int? {
    if ordinal >= 0, ordinal < positions.count {
      let position = Int(positions[ordinal])
      if position < keys.count, keys[position] == key {
        let length = Int(lengths[position])
        return length > 0 ? length : nil
      }
    }
    return shortLength(of: key)
  }

  /// Where `key` is in the sorted keys, nil when it is not there.
  private func position(of key: Key) -> Int? {
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < key { low = middle + 1 } else { high = middle }
    }
    guard low < keys.count, keys[low] == key else { return nil }
    return low
  }

  /// The short name of `id`, or `id` itself (as ``ShortRecordIDs/name(of:)``).
  package func name(of id: String) -> String {
    var copy = id
    let bytes = copy.withUTF8 { Array($0) }[...]
    if let key = Self.key(bytes, width: 0) {
      guard let length = shortLength(of: key) else { return id }
      return String(decoding: Self.hexPart(bytes).prefix(length), as: UTF8.self)
    }
    let hex = ArchiveReader.hexPart(of: id)
    return shortText(String(hex), hash: FNV1a.hash(id)) ?? id
  }

  /// The short name's length of the packed id at `index` of the sorted keys.
  private func shortLength(at index: Int) -> Int? {
    let key = keys[index]
    let length = Int(key.length)
    guard length >= Self.minimum else { return nil }
    var longest = 0
    if index + 1 < keys.count {
      longest = max(longest, Self.common(keys[index + 1], key))
    }
    if texts.isEmpty {
      if index > 0 { longest = max(longest, Self.common(keys[index - 1], key)) }
    } else {
      // Texts sort among the packed ids: the neighbours are the nearest of either kind.
      let hex = Self.unpack(key)
      let (before, after) = neighbours(of: (hex, key.hash), skippingPacked: index)
      for neighbour in [before, after].compactMap({ $0 }) {
        longest = max(longest, Self.commonPrefixCount(neighbour, hex))
      }
    }
    for candidate in max(Self.minimum, longest + 1)...max(Self.minimum, length + 1) {
      guard candidate <= length else { return nil }
      let digits = candidate == 16 ? key.digits : key.digits & ~(UInt64.max >> (4 * candidate))
      if !packedPrefixes.contains(Packed(digits: digits, length: UInt8(candidate))) {
        return candidate
      }
    }
    return nil
  }

  /// The short name of an id whose hex part is the text `hex` (not packed), as
  /// ``ShortRecordIDs`` finds it.
  private func shortText(_ hex: String, hash: UInt64) -> String? {
    var low = 0
    var high = texts.count
    while low < high {
      let middle = (low + high) / 2
      if (texts[middle].hex, texts[middle].hash) < (hex, hash) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    guard low < texts.count, texts[low].hex == hex, texts[low].hash == hash,
      hex.count >= Self.minimum
    else { return nil }
    let (before, after) = neighbours(of: (hex, hash), skippingText: low)
    var longest = 0
    for neighbour in [before, after].compactMap({ $0 }) {
      longest = max(longest, Self.commonPrefixCount(neighbour, hex))
    }
    var length = max(Self.minimum, longest + 1)
    while length <= hex.count {
      let prefix = String(hex.prefix(length))
      let isTaken =
        Self.isPlain(prefix.utf8)
        ? Self.pack(Array(prefix.utf8)[...]).map {
          packedPrefixes.contains(Packed(digits: $0, length: UInt8(prefix.utf8.count)))
        } ?? textPrefixes.contains(prefix)
        : textPrefixes.contains(prefix)
      if !isTaken { return prefix }
      length += 1
    }
    return nil
  }

  /// The hex parts just before and just after the id (`hex`, `hash`) among all ids, in
  /// ``ShortRecordIDs``' order; the id itself (at `skippingPacked` of the keys or
  /// `skippingText` of the texts) left out, but not another of the same.
  private func neighbours(
    of id: (hex: String, hash: UInt64), skippingPacked: Int? = nil, skippingText: Int? = nil
  ) -> (String?, String?) {
    var before: (String, UInt64)?
    var after: (String, UInt64)?
    func consider(_ hex: String, _ hash: UInt64) {
      if (hex, hash) < id {
        if before.map({ (hex, hash) > $0 }) ?? true { before = (hex, hash) }
      } else if after.map({ (hex, hash) < $0 }) ?? true {
        after = (hex, hash)
      }
    }
    // The nearest of each kind on each side (a duplicate of the id counts as after it).
    if let skippingPacked {
      if skippingPacked > 0 {
        consider(Self.unpack(keys[skippingPacked - 1]), keys[skippingPacked - 1].hash)
      }
      if skippingPacked + 1 < keys.count {
        consider(Self.unpack(keys[skippingPacked + 1]), keys[skippingPacked + 1].hash)
      }
    } else {
      let index = insertionIndex(ofPacked: id)
      if index > 0 { consider(Self.unpack(keys[index - 1]), keys[index - 1].hash) }
      if index < keys.count { consider(Self.unpack(keys[index]), keys[index].hash) }
    }
    if let skippingText {
      if skippingText > 0 { consider(texts[skippingText - 1].hex, texts[skippingText - 1].hash) }
      if skippingText + 1 < texts.count {
        consider(texts[skippingText + 1].hex, texts[skippingText + 1].hash)
      }
    } else {
      var low = 0
      var high = texts.count
      while low < high {
        let middle = (low + high) / 2
        if (texts[middle].hex, texts[middle].hash) < id { low = middle + 1 } else { high = middle }
      }
      if low > 0 { consider(texts[low - 1].hex, texts[low - 1].hash) }
      if low < texts.count { consider(texts[low].hex, texts[low].hash) }
    }
    return (before?.0, after?.0)
  }

  /// Where the text id (`hex`, `hash`) would go among the packed keys.
  private func insertionIndex(ofPacked id: (hex: String, hash: UInt64)) -> Int {
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if (Self.unpack(keys[middle]), keys[middle].hash) < id {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  /// How many leading hex digits two packed ids share.
  private static func common(_ left: Key, _ right: Key) -> Int {
    let shared = (left.digits ^ right.digits).leadingZeroBitCount / 4
    return min(shared, Int(left.length), Int(right.length))
  }

  /// How many leading characters two texts share (as ``ShortRecordIDs`` counts them).
  private static func commonPrefixCount(_ left: String, _ right: String) -> Int {
    zip(left, right).prefix { $0 == $1 }.count
  }

  /// Whether `bytes` are printable ASCII: each byte one character.
  private static func isPlain(_ bytes: some Sequence<UInt8>) -> Bool {
    bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
  }

  /// The hex part of a plain id: what follows its last `-` (all of it when none).
  private static func hexPart(_ id: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    guard let dash = id.lastIndex(of: UInt8(ascii: "-")) else { return id }
    return id[(dash + 1)...]
  }

  /// 1 to 16 lowercase hex digits packed from the top nibble down; nil for anything else.
  private static func pack(_ hex: ArraySlice<UInt8>) -> UInt64? {
    guard !hex.isEmpty, hex.count <= 16 else { return nil }
    var digits: UInt64 = 0
    var shift = 60
    for byte in hex {
      let value: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
      default: return nil
      }
      digits |= UInt64(value) << UInt64(shift)
      shift -= 4
    }
    return digits
  }

  /// The hex part of a packed id, as text.
  private static func unpack(_ key: Key) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var bytes: [UInt8] = []
    for index in 0..<Int(key.length) {
      bytes.append(digits[Int((key.digits >> UInt64(60 - 4 * index)) & 0xF)])
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
