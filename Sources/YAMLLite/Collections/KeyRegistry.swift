/// Finds duplicate keys in a mapping being built.
///
/// Most mappings are small, so the entries read so far are scanned directly (no allocation);
/// past eight entries, the keys move into a dictionary.
struct KeyRegistry {
  private var many: [String: Int]? = nil

  /// Records `key` at `line`; returns the line of an earlier equal key among `entries`, if any.
  mutating func insert(
    _ key: String, line: Int, after entries: ArraySlice<MappingEntry>
  ) -> Int? {
    if entries.count < 8 {
      for entry in entries where entry.key == key { return Int(entry.keyPlace.line) }
      return nil
    }
    if many == nil {
      var keys: [String: Int] = [:]
      keys.reserveCapacity(entries.count * 2)
      for entry in entries { keys[entry.key] = Int(entry.keyPlace.line) }
      many = keys
    }
    if let first = many?[key] { return first }
    many?[key] = line
    return nil
  }
}
