/// One package and which of its versions are affected: from `--package` (a list of versions) or
/// from one `affected[]` entry of an OSV advisory (versions and ranges).
package struct AffectedPackage: Sendable, Equatable {
  package var ecosystem: PackageEcosystem
  /// The name as given; compared after ``PackageEcosystem/normalizedName(_:)``.
  package var name: String
  /// Versions affected exactly (OSV `versions`, or the `--package` list).
  package var versions: [String]
  /// OSV `ranges`.
  package var ranges: [AffectedRange]

  package init(
    ecosystem: PackageEcosystem, name: String, versions: [String], ranges: [AffectedRange] = []
  ) {
    self.ecosystem = ecosystem
    self.name = name
    self.versions = versions
    self.ranges = ranges
  }

  /// Whether a resolved `name` at `version` of `ecosystem` is affected: the same package, and the
  /// version equal to a listed one (as text, or equal by the ecosystem's order: `v1.2.3` is
  /// `1.2.3`) or inside a range.
  package func includes(ecosystem: PackageEcosystem, name: String, version: String) -> Bool {
    guard ecosystem == self.ecosystem,
      ecosystem.normalizedName(name) == ecosystem.normalizedName(self.name)
    else { return false }
    for listed in versions
    where listed == version || VersionOrder.compare(listed, version, in: ecosystem) == 0 {
      return true
    }
    return ranges.contains { $0.includes(version, in: ecosystem) }
  }

  /// Reads `--package` text.
  ///
  /// The text is `ECOSYSTEM:NAME@VERSION[,VERSION...]` (`npm:axios@1.14.1,0.30.4`,
  /// `npm:@scope/pkg@1.0.0`, `GitHub Actions:tj-actions/changed-files@v35`). The ecosystem is
  /// OSV's name, case-insensitively, or an alias: `pip`/`python` (PyPI), `golang`, `cargo`/
  /// `crates`/`rust`, `gem`/`ruby`, `composer`/`php`, `swift`/`swiftpm`, `actions`/`gha`.
  package init(parsing text: String) throws(PackageSpecError) {
    guard let colon = text.firstIndex(of: ":") else {
      throw PackageSpecError(text: text, reason: "expected ECOSYSTEM:NAME@VERSION")
    }
    let ecosystemName = String(text[..<colon])
    guard let ecosystem = Self.ecosystem(named: ecosystemName) else {
      throw PackageSpecError(
        text: text,
        reason: "unknown ecosystem '\(ecosystemName)' (expected one of "
          + PackageEcosystem.allCases.map(\.rawValue).joined(separator: ", ") + ")")
    }
    let rest = text[text.index(after: colon)...]
    guard let at = rest.lastIndex(of: "@"), at != rest.startIndex else {
      throw PackageSpecError(text: text, reason: "expected NAME@VERSION after the ecosystem")
    }
    let name = String(rest[..<at])
    let versions = rest[rest.index(after: at)...].split(separator: ",").map {
      String($0).trimmed
    }.filter { !$0.isEmpty }
    guard !versions.isEmpty else {
      throw PackageSpecError(text: text, reason: "expected at least one version after '@'")
    }
    self.init(ecosystem: ecosystem, name: name.trimmed, versions: versions)
  }

  private static func ecosystem(named name: String) -> PackageEcosystem? {
    if let ecosystem = PackageEcosystem(osvName: name.trimmed) { return ecosystem }
    let aliases: [String: PackageEcosystem] = [
      "pip": .pypi, "python": .pypi, "golang": .go, "cargo": .crates, "crates": .crates,
      "rust": .crates, "gem": .rubyGems, "ruby": .rubyGems, "rubygems": .rubyGems,
      "composer": .packagist, "php": .packagist, "swift": .swiftURL, "swiftpm": .swiftURL,
      "actions": .githubActions, "gha": .githubActions, "github-actions": .githubActions,
    ]
    return aliases[name.trimmed.lowercased()]
  }
}

/// A `--package` value that cannot be read, with why.
package struct PackageSpecError: Error, Sendable, Equatable, CustomStringConvertible {
  package var text: String
  package var reason: String

  package var description: String { "--package '\(text)': \(reason)" }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  var trimmed: String { String(self[...].strippedOfSpaces) }
}
