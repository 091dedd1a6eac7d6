/// The shortest names of records that ``ArchiveReader/locateRecord(_:)`` resolves to each one
/// alone, as git abbreviates commits: a prefix of at least 4 digits of the id's hex part
/// (`1f4b` of `20260331T080000Z-1f4b3c4d`).
///
/// A prefix is unique when no other record's hex part starts with it and no record's whole id
/// does (a hex part `2026…` is made longer than the year every id starts with). An id whose
/// whole hex part is not unique (two ids that differ only in their time) is shown whole.
///
/// Kept small for a million records: the hex parts sorted (with a hash of each whole id), so
/// that the hex parts starting like one are its neighbours, and the few distinct starts of ids
/// (their dates), about 24 bytes a record.
package struct ShortRecordIDs: Sendable {
  /// The fewest hex digits of a short name.
  private static let minimum = ArchiveReader.shortHexLength
  /// Each id's hex part and the FNV-1a hash of the whole id, sorted once all are added.
  private var entries: [Entry] = []
  /// The starts of ids (4 characters up to the length of their hex part) no name may be.
  private var idPrefixes: Set<String> = []
  /// Whether ``entries`` are sorted.
  private var isSorted = true

  fileprivate struct Entry: Sendable, Comparable {
    var hex: String
    var id: UInt64

    static func < (left: Entry, right: Entry) -> Bool {
      (left.hex, left.id) < (right.hex, right.id)
    }
  }

  /// The short names of `ids`, every record id of the archive.
  package init(ids: [String]) {
    for id in ids { add(id) }
    sortIfNeeded()
  }

  /// No ids yet: ``add(_:)`` each record id of the archive.
  package init() {}

  /// The start of the last id added whose prefixes went into ``idPrefixes``: ids come in
  /// order, most of a day's share their prefixes, which need not be made again.
  private var lastPrefixes = ""

  /// Adds a record id.
  package mutating func add(_ id: String) {
    let hex = ArchiveReader.hexPart(of: id)
    entries.append(Entry(hex: String(hex), id: FNV1a.hash(id)))
    isSorted = false
    let longest = String(id.prefix(max(Self.minimum, hex.count)))
    guard longest != lastPrefixes else { return }
    lastPrefixes = longest
    for length in Self.minimum...max(Self.minimum, hex.count) {
      idPrefixes.insert(String(id.prefix(length)))
    }
  }

  /// The short name of `id`, or `id` itself when it was not among the ids given.
  ///
  /// Call ``sortIfNeeded()`` after the last ``add(_:)`` first: otherwise each call sorts a copy.
  package func name(of id: String) -> String {
    guard isSorted else {
      var sorted = self
      sorted.sortIfNeeded()
      return sorted.sortedName(of: id)
    }
    return sortedName(of: id)
  }

  /// Sorts the ids added, so that ``name(of:)`` need not copy them.
  package mutating func sortIfNeeded() {
    guard !isSorted else { return }
    entries.sort()
    isSorted = true
  }

  /// What ``shortName(of:)`` needs of an id, in a few bytes: its hex part and a hash of it.
  package struct Key: Sendable {
    fileprivate var entry: Entry

    /// The key of `id`.
    package init(_ id: String) {
      entry = Entry(hex: String(ArchiveReader.hexPart(of: id)), id: FNV1a.hash(id))
    }
  }

  /// The short name of the id `key` was made from (after ``sortIfNeeded()``); nil when it is
  /// the whole id.
  package func shortName(of key: Key) -> String? {
    shortName(of: key.entry)
  }

  private func sortedName(of id: String) -> String {
    shortName(of: Key(id).entry) ?? id
  }

  private func shortName(of entry: Entry) -> String? {
    let hex = entry.hex
    var low = 0
    var high = entries.count
    while low < high {
      let middle = (low + high) / 2
      if entries[middle] < entry { low = middle + 1 } else { high = middle }
    }
    guard low < entries.count, entries[low] == entry, hex.count >= Self.minimum else { return nil }
    // The hex parts that start as this one does for the longest are its neighbours.
    let before = low > 0 ? Self.commonPrefixCount(entries[low - 1].hex, entry.hex) : 0
    let after =
      low + 1 < entries.count ? Self.commonPrefixCount(entries[low + 1].hex, entry.hex) : 0
    var length = max(Self.minimum, max(before, after) + 1)
    while length <= hex.count {
      let prefix = String(hex.prefix(length))
      if !idPrefixes.contains(prefix) { return prefix }
      length += 1
    }
    return nil
  }

  private static func commonPrefixCount(_ left: String, _ right: String) -> Int {
    // Hex parts are ASCII, where a byte is a character (but for CR LF): compared without
    // Character's cost.
    let isSimple = { (byte: UInt8) in byte < 0x80 && byte != 0x0D }
    if left.utf8.allSatisfy(isSimple) && right.utf8.allSatisfy(isSimple) {
      return zip(left.utf8, right.utf8).prefix { $0 == $1 }.count
    }
    return zip(left, right).prefix { $0 == $1 }.count
  }
}
