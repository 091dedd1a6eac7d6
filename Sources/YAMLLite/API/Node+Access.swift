/// Convenience accessors for reading a tree without switching on `content`.
extension Node {
  /// The scalar's text, or nil when the node is a sequence or mapping.
  package var scalarText: String? {
    if case .scalar(let scalar) = content { return scalar.text }
    return nil
  }

  /// The sequence's items, or nil when the node is not a sequence.
  package var items: [Node]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// The mapping's entries in document order, or nil when the node is not a mapping.
  package var entries: [MappingEntry]? {
    if case .mapping(let entries) = content { return entries }
    return nil
  }

  /// The value for `key` when the node is a mapping holding it, else nil.
  ///
  /// - Complexity: O(n) in the number of entries.
  package subscript(key key: String) -> Node? {
    entries?.first { $0.key == key }?.value
  }

  /// The entry for `key` (with the key's location) when the node is a mapping holding it.
  package func entry(forKey key: String) -> MappingEntry? {
    entries?.first { $0.key == key }
  }
}
