/// A package ecosystem, named as OSV names it (`npm`, `PyPI`, `crates.io`, ...).
package enum PackageEcosystem: String, Sendable, Hashable, CaseIterable {
  case npm = "npm"
  case pypi = "PyPI"
  case go = "Go"
  case crates = "crates.io"
  case rubyGems = "RubyGems"
  case swiftURL = "SwiftURL"
  case packagist = "Packagist"
  case githubActions = "GitHub Actions"

  /// The ecosystem OSV calls `name`, case-insensitively (`pypi`, `Go`, `github actions`); OSV's
  /// `Ecosystem:suffix` forms (`Debian:12`) are not ours and give nil.
  package init?(osvName name: String) {
    let lowered = name.lowercased()
    guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else {
      return nil
    }
    self = match
  }

  /// `name` as this ecosystem compares names: PyPI per PEP 503 (lower-case, runs of `-_.` as
  /// one `-`); npm, crates.io, RubyGems, Packagist, Actions lower-case (npm names are lower-case
  /// by rule, scopes kept: `@scope/name`); Go module paths and SwiftPM URLs as written, Swift
  /// URLs without a trailing `.git` or `/` and lower-cased.
  package func normalizedName(_ name: String) -> String {
    switch self {
    case .pypi:
      var result = ""
      var lastWasSeparator = false
      for character in name.lowercased() {
        if character == "-" || character == "_" || character == "." {
          if !lastWasSeparator { result.append("-") }
          lastWasSeparator = true
        } else {
          result.append(character)
          lastWasSeparator = false
        }
      }
      return result
    case .go:
      return name
    case .swiftURL:
      var text = name.lowercased()
      if let scheme = text.range(of: "://") { text = String(text[scheme.upperBound...]) }
      while text.hasSuffix("/") { text.removeLast() }
      if text.hasSuffix(".git") { text.removeLast(4) }
      return text
    case .npm, .crates, .rubyGems, .packagist, .githubActions:
      return name.lowercased()
    }
  }
}
