/// "Did you mean …?" hints: the known name nearest to a misspelt one.
package enum Suggestion {
  /// The candidate nearest to `word` by `EditDistance`, or nil when none is close enough.
  ///
  /// Close enough means a distance of at most a quarter of the longer of the two words (rounded
  /// down, at least 1), and never the whole word: `credentails` finds `credentials` (1 edit),
  /// `exposre` finds `exposure`, but `x` finds nothing among `vendor`, `exposure`, and `deploy`
  /// does not find `replay` (2 edits in 6 letters is another word, not a typo). Letter case is
  /// ignored while measuring, so `Vendor` finds `vendor`. Ties go to the candidate listed first,
  /// so callers should pass candidates in a stable order (for example the order of definition).
  ///
  /// - Parameters:
  ///   - word: what the user wrote.
  ///   - candidates: the names that exist.
  /// - Returns: the nearest candidate, or nil (also when `word` itself is a candidate).
  package static func nearest(to word: String, in candidates: [String]) -> String? {
    guard !word.isEmpty, !candidates.contains(word) else { return nil }
    let lowered = word.lowercased()
    var best: (name: String, distance: Int)?
    for candidate in candidates where !candidate.isEmpty {
      let distance = EditDistance.between(lowered, candidate.lowercased())
      let longer = max(word.count, candidate.count)
      let limit = max(1, longer / 4)
      guard distance <= limit, distance < longer else { continue }
      if best.map({ distance < $0.distance }) ?? true {
        best = (candidate, distance)
      }
    }
    return best?.name
  }

  /// `; did you mean 'x'?` for a suggestion, or nothing for nil: the one place a suggestion is
  /// put into words, appended to the message it belongs to.
  ///
  ///     "unknown key 'titel'" + Suggestion.didYouMean("title")
  ///     // unknown key 'titel'; did you mean 'title'?
  package static func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }
}
