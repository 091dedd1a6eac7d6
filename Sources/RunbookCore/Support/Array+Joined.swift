extension [String] {
  /// The strings one after another, with `separator` between each two: the same text as the
  /// standard library's `joined(separator:)`, which this shadows for arrays of strings.
  ///
  /// The standard library's version is generic and not specialized for the caller: its first
  /// call in a process makes the runtime look up associated types and conformances, about a
  /// quarter of a million instructions, which every `triage run` paid (a few percent of it).
  package func joined(separator: String) -> String {
    var length = 0
    for item in self { length += item.utf8.count }
    length += Swift.max(count - 1, 0) * separator.utf8.count
    var result = ""
    if length > 15 { result.reserveCapacity(length) }
    var isFirst = true
    for item in self {
      if !isFirst { result += separator }
      isFirst = false
      result += item
    }
    return result
  }
}
