/// The shortest names of records that ``ArchiveReader/locateRecord(_:)`` resolves to each one
/// alone, as git abbreviates commits: a prefix of at least 4 digits of the id's hex part
/// (`1f4b` of `20260331T080000Z-1f4b3c4d`).
///
/// A prefix is unique when no other record's hex part starts with it and no record's whole id
/// does (a hex part `2026…` is made longer than the year every id starts with). An id whose
/// whole hex part is not unique (two ids that differ only in their time) is shown whole.
package struct ShortRecordIDs: Sendable {
  private var shortest: [String: String] = [:]

  /// The short names of `ids`, every record id of the archive.
  package init(ids: [String]) {
    let minimum = ArchiveReader.shortHexLength
    var idPrefixes = Set<Substring>()
    var hexPrefixes: [Substring: Int] = [:]
    for id in ids {
      let hex = ArchiveReader.hexPart(of: id)
      for length in minimum...max(minimum, hex.count) {
        idPrefixes.insert(id.prefix(length))
        hexPrefixes[hex.prefix(length), default: 0] += 1
      }
    }
    for id in ids {
      let hex = ArchiveReader.hexPart(of: id)
      var name = id
      if hex.count >= minimum {
        for length in minimum...hex.count {
          let prefix = hex.prefix(length)
          if hexPrefixes[prefix] == 1 && !idPrefixes.contains(prefix) {
            name = String(prefix)
            break
          }
        }
      }
      shortest[id] = name
    }
  }

  /// The short name of `id`, or `id` itself when it was not among the ids given.
  package func name(of id: String) -> String { shortest[id] ?? id }
}
