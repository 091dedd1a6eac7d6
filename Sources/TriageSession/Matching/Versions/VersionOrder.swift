/// How the versions of one ecosystem are compared, for OSV `ECOSYSTEM` and `SEMVER` ranges.
///
/// - npm, crates.io, Go (a leading `v`; pseudo-versions and `+incompatible` read as semver):
///   Semantic Versioning 2.0 precedence.
/// - PyPI: PEP 440 (``PythonVersion``).
/// - RubyGems: `Gem::Version` segments (``RubyGemsVersion``).
/// - Packagist, SwiftURL, GitHub Actions (the fallback): semver when both read as semver (a
///   leading `v` allowed, `1.2` as `1.2.0`), else dotted numbers compared one by one; versions
///   that are neither are not ordered, so only an exact `versions` entry or an
///   `introduced`/`fixed` equal to them can match.
package enum VersionOrder {
  /// `-1`, `0` or `1` as `left` sorts before, equal to or after `right`; nil when either cannot
  /// be read in this ecosystem.
  package static func compare(_ left: String, _ right: String, in ecosystem: PackageEcosystem)
    -> Int?
  {
    switch ecosystem {
    case .pypi:
      guard let a = PythonVersion(left), let b = PythonVersion(right) else { return nil }
      return order(a, b)
    case .rubyGems:
      guard let a = RubyGemsVersion(left), let b = RubyGemsVersion(right) else { return nil }
      return order(a, b)
    case .npm, .crates, .go:
      guard let a = SemanticVersion(left), let b = SemanticVersion(right) else { return nil }
      return order(a, b)
    case .packagist, .swiftURL, .githubActions:
      return semanticOrder(left, right)
    }
  }

  /// Semantic Versioning 2.0 precedence, for OSV `SEMVER` ranges in any ecosystem (and the
  /// fallback), else dotted numbers.
  package static func semanticOrder(_ left: String, _ right: String) -> Int? {
    if let a = SemanticVersion(left), let b = SemanticVersion(right) { return order(a, b) }
    guard let a = dottedNumbers(left), let b = dottedNumbers(right) else { return nil }
    for index in 0..<max(a.count, b.count) {
      let (x, y) = (index < a.count ? a[index] : 0, index < b.count ? b[index] : 0)
      if x != y { return x < y ? -1 : 1 }
    }
    return 0
  }

  private static func dottedNumbers(_ text: String) -> [Int]? {
    let trimmed = text.hasPrefix("v") ? String(text.dropFirst()) : text
    let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
    let numbers = parts.compactMap { Int($0) }
    return numbers.count == parts.count && !numbers.isEmpty ? numbers : nil
  }

  private static func order<Value: Comparable>(_ a: Value, _ b: Value) -> Int {
    a < b ? -1 : (b < a ? 1 : 0)
  }
}
