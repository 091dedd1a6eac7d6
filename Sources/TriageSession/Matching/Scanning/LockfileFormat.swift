/// The lockfile and manifest formats a scan reads, named as `--json` prints them.
package enum LockfileFormat: String, Sendable, Hashable, CaseIterable {
  case npmPackageLock = "package-lock.json"
  case yarnLock = "yarn.lock"
  case pnpmLock = "pnpm-lock.yaml"
  case requirementsTxt = "requirements.txt"
  case poetryLock = "poetry.lock"
  case uvLock = "uv.lock"
  case pipfileLock = "Pipfile.lock"
  case goSum = "go.sum"
  case cargoLock = "Cargo.lock"
  case gemfileLock = "Gemfile.lock"
  case packageResolved = "Package.resolved"
  case composerLock = "composer.lock"
  case githubWorkflow = "github-actions-workflow"

  /// The format of the file at `path`, by its name; nil for any other file.
  ///
  /// `package-lock.json` and `npm-shrinkwrap.json`; `requirements*.txt`; `*.yml`/`*.yaml`
  /// directly under `.github/workflows/`; the others by their exact names. Nil for any other.
  package init?(path: String) {
    let parts = path.split(separator: "/")
    guard let name = parts.last.map(String.init) else { return nil }
    if name == "npm-shrinkwrap.json" {
      self = .npmPackageLock
      return
    }
    if name.hasPrefix("requirements"), name.hasSuffix(".txt") {
      self = .requirementsTxt
      return
    }
    if name.hasSuffix(".yml") || name.hasSuffix(".yaml"), parts.count >= 3,
      parts[parts.count - 2] == "workflows", parts[parts.count - 3] == ".github"
    {
      self = .githubWorkflow
      return
    }
    guard let format = Self.allCases.first(where: { $0.rawValue == name }),
      format != .githubWorkflow
    else { return nil }
    self = format
  }

  /// The ecosystem the format resolves packages of.
  package var ecosystem: PackageEcosystem {
    switch self {
    case .npmPackageLock, .yarnLock, .pnpmLock: return .npm
    case .requirementsTxt, .poetryLock, .uvLock, .pipfileLock: return .pypi
    case .goSum: return .go
    case .cargoLock: return .crates
    case .gemfileLock: return .rubyGems
    case .packageResolved: return .swiftURL
    case .composerLock: return .packagist
    case .githubWorkflow: return .githubActions
    }
  }
}
