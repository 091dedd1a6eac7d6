/// Finds duplicate keys in a mapping being built.
///
/// Most mappings are small, so the entries read so far are scanned directly (no allocation);
/// past eight entries, the keys move into a dictionary.
struct KeyRegistry {
  private var many: [String: Int]? = nil

  /// Records `key` at `line`; returns the line of an earlier equal key among the entries of
  /// `stack` from `base` on, if any.
  mutating func insert(
    _ key: KeyText, line: Int, in stack: MoveStack<MappingEntry>, from base: Int
  ) -> Int? {
    if stack.count - base < 8 {
      return stack.withValues(from: base) { entries in
        for entry in entries where entry.keyText == key { return Int(entry.keyLine) }
        return nil
      }
    }
    if many == nil {
      var keys: [String: Int] = [:]
      keys.reserveCapacity((stack.count - base) * 2)
      stack.withValues(from: base) { entries in
        for entry in entries { keys[entry.key] = Int(entry.keyLine) }
      }
      many = keys
    }
    if let first = many?[key.text] { return first }
    many?[key.text] = line
    return nil
  }
}
