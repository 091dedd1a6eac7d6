/// The keys of one mapping seen so far, to refuse duplicates.
///
/// Most mappings are small, so keys are scanned linearly until there are more than eight; then
/// they move into a dictionary.
struct KeyRegistry {
  private var few: [(key: String, line: Int)] = []
  private var many: [String: Int]? = nil

  /// Records `key` at `line`; returns the line where it was first seen if it is a duplicate.
  mutating func insert(_ key: String, line: Int) -> Int? {
    if var many {
      if let first = many[key] { return first }
      self.many = nil
      many[key] = line
      self.many = many
      return nil
    }
    for entry in few where entry.key == key { return entry.line }
    if few.count < 8 {
      few.append((key, line))
      return nil
    }
    var dictionary = Dictionary(uniqueKeysWithValues: few.map { ($0.key, $0.line) })
    dictionary[key] = line
    few = []
    many = dictionary
    return nil
  }
}
