/// The optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions)
/// between two strings, counted in `Character`s.
///
/// `credentails` → `credentials` is 1 (one transposition), `exposre` → `exposure` is 1 (one
/// insertion). Used by `Suggestion` for "did you mean" hints.
package enum EditDistance {
  /// The number of single-character insertions, deletions, substitutions and adjacent
  /// transpositions that turn `source` into `target`.
  package static func between(_ source: String, _ target: String) -> Int {
    let a = Array(source)
    let b = Array(target)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // Three rows suffice: the transposition looks two rows back.
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          best = min(best, previousPrevious[j - 2] + 1)
        }
        current[j] = best
      }
      previousPrevious = previous
      previous = current
    }
    return previous[b.count]
  }
}
