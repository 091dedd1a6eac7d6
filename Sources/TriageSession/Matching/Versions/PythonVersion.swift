/// A PyPI version read by PEP 440 and ordered by its rules.
///
/// The order: epoch, release (trailing zeros do not
/// count), then a `.devN` alone < `aN` < `bN` < `rcN` < the release < `.postN`, with `.devN` of a
/// pre or post release just before it. Alternative spellings are normalised (`alpha`, `beta`,
/// `c`, `pre`, `preview`, `rev`, `r`, `-N` as post, `_`/`-` separators); the local label
/// (`+ubuntu1`) only breaks ties, as text.
package struct PythonVersion: Sendable, Hashable, Comparable {
  package var epoch: Int
  package var release: [Int]
  /// `0` alpha, `1` beta, `2` release candidate, with its number.
  package var pre: (phase: Int, number: Int)?
  package var post: Int?
  package var dev: Int?
  package var local: String

  /// Reads `text`; nil when it is not a PEP 440 version.
  package init?(_ text: String) {
    var rest = Substring(text.lowercased().trimmingPrefix("v"))
    rest = rest.drop { $0 == " " }
    local = ""
    if let plus = rest.firstIndex(of: "+") {
      local = String(rest[rest.index(after: plus)...])
      rest = rest[..<plus]
    }
    epoch = 0
    if let bang = rest.firstIndex(of: "!") {
      guard let value = Int(rest[..<bang]) else { return nil }
      epoch = value
      rest = rest[rest.index(after: bang)...]
    }
    // Release: digits and dots.
    var release: [Int] = []
    var number = ""
    while let character = rest.first, character.isASCIIDigitCharacter || character == "." {
      rest.removeFirst()
      if character == "." {
        guard let value = Int(number) else { return nil }
        release.append(value)
        number = ""
      } else {
        number.append(character)
      }
      if character == ".", let next = rest.first, !next.isASCIIDigitCharacter {
        break  // `1.0.post1`: the dot belongs to the suffix
      }
    }
    if let value = Int(number) { release.append(value) }
    guard !release.isEmpty else { return nil }
    self.release = release
    pre = nil
    post = nil
    dev = nil
    // Suffixes, in PEP 440's order: pre, post, dev.
    let phases: [(String, Int)] = [
      ("alpha", 0), ("beta", 1), ("preview", 2), ("pre", 2), ("rc", 2), ("a", 0), ("b", 1),
      ("c", 2),
    ]
    rest = rest.drop { $0 == "." || $0 == "-" || $0 == "_" }
    if let (word, phase) = phases.first(where: { rest.hasPrefix($0.0) }) {
      rest = rest.dropFirst(word.count).drop { $0 == "." || $0 == "-" || $0 == "_" }
      pre = (phase, Self.readNumber(&rest))
      rest = rest.drop { $0 == "." || $0 == "-" || $0 == "_" }
    }
    if let word = ["post", "rev", "r"].first(where: { rest.hasPrefix($0) }) {
      rest = rest.dropFirst(word.count).drop { $0 == "." || $0 == "-" || $0 == "_" }
      post = Self.readNumber(&rest)
      rest = rest.drop { $0 == "." || $0 == "-" || $0 == "_" }
    } else if text.contains("-"), let first = rest.first, first.isASCIIDigitCharacter {
      post = Self.readNumber(&rest)  // `1.0-1` is `1.0.post1`
      rest = rest.drop { $0 == "." || $0 == "-" || $0 == "_" }
    }
    if rest.hasPrefix("dev") {
      rest = rest.dropFirst(3).drop { $0 == "." || $0 == "-" || $0 == "_" }
      dev = Self.readNumber(&rest)
    }
    guard rest.isEmpty else { return nil }
  }

  private static func readNumber(_ rest: inout Substring) -> Int {
    let digits = rest.prefix(while: \.isASCIIDigitCharacter)
    rest = rest.dropFirst(digits.count)
    return Int(digits) ?? 0
  }

  /// The release without trailing zeros: `1.0.0` and `1` are the same release.
  private var trimmedRelease: [Int] {
    var numbers = release
    while numbers.count > 1, numbers.last == 0 { numbers.removeLast() }
    return numbers
  }

  /// The sort key after the release: pre, post, dev as numbers with sentinels for "none".
  private var suffixKey: [Int] {
    let preKey: [Int]
    if let pre {
      preKey = [pre.phase, pre.number]
    } else if post == nil, dev != nil {
      preKey = [-1, 0]  // `1.0.dev1` sorts before `1.0a1`
    } else {
      preKey = [3, 0]  // no pre-release: after every one
    }
    let postKey = post.map { [$0] } ?? [-1]
    let devKey = dev.map { [$0] } ?? [Int.max]
    return preKey + postKey + devKey
  }

  package static func == (left: PythonVersion, right: PythonVersion) -> Bool {
    left.epoch == right.epoch && left.trimmedRelease == right.trimmedRelease
      && left.suffixKey == right.suffixKey && left.local == right.local
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(epoch)
    hasher.combine(trimmedRelease)
    hasher.combine(suffixKey)
    hasher.combine(local)
  }

  package static func < (left: PythonVersion, right: PythonVersion) -> Bool {
    if left.epoch != right.epoch { return left.epoch < right.epoch }
    let (a, b) = (left.trimmedRelease, right.trimmedRelease)
    for index in 0..<max(a.count, b.count) {
      let (x, y) = (index < a.count ? a[index] : 0, index < b.count ? b[index] : 0)
      if x != y { return x < y }
    }
    if left.suffixKey != right.suffixKey {
      return left.suffixKey.lexicographicallyPrecedes(right.suffixKey)
    }
    return left.local < right.local
  }
}
