import YAMLLite

/// Which obligation files a runbook uses: `obligations: library` (every file, chosen by the
/// jurisdictions involved) or `obligations: [us-*, eu--gdpr]` (globs on file ids).
package enum ObligationSelection: Sendable, Equatable {
  case library
  case globs([String])

  /// Whether the file `id` may be loaded.
  package func includes(_ id: String) -> Bool {
    switch self {
    case .library: return true
    case .globs(let globs): return globs.contains { Self.glob($0, matches: id) }
    }
  }

  /// Whether `id` matches `pattern`, where `*` is any run of characters and `?` one.
  package static func glob(_ pattern: String, matches id: String) -> Bool {
    let pattern = Array(pattern)
    let text = Array(id)
    var p = 0
    var t = 0
    var star: Int?
    var mark = 0
    while t < text.count {
      if p < pattern.count && (pattern[p] == "?" || pattern[p] == text[t]) {
        p += 1
        t += 1
      } else if p < pattern.count && pattern[p] == "*" {
        star = p
        mark = t
        p += 1
      } else if let star {
        p = star + 1
        mark += 1
        t = mark
      } else {
        return false
      }
    }
    while p < pattern.count && pattern[p] == "*" { p += 1 }
    return p == pattern.count
  }
}

extension TreeReader {
  /// Reads `obligations: library` or `obligations: [glob, ...]`.
  mutating func readObligationSelection(_ map: MappingReader) -> ObligationSelection? {
    guard let node = map.value("obligations") else { return nil }
    if case .scalar(let scalar) = node.content {
      if scalar.text == "library" { return .library }
      error(
        .unknownKey(scalar.text, in: "obligations", suggestion: "library", known: ["library"]),
        at: node.location(ofTextOffset: 0))
      return nil
    }
    let globs = readTextList(map, "obligations")
    for (glob, item) in zip(globs, map.items("obligations", diagnostics: &diagnostics) ?? [])
    where !ObligationFile.isFileID(glob.replacingOccurrences(of: "*", with: "a"))
      && glob != "*"
    {
      problem(.badFileID(glob), at: item.location)
    }
    return .globs(globs)
  }
}
