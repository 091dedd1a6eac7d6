/// One package version a lockfile or manifest resolves, and where it says so.
package struct ResolvedPackage: Sendable, Equatable {
  package var ecosystem: PackageEcosystem
  /// The name as the file writes it (`axios`, `@scope/pkg`, `tj-actions/changed-files`).
  package var name: String
  /// The resolved version, or the ref (a tag, branch or commit) of a workflow's `uses:`.
  package var version: String
  /// The commit it resolves to, when the file says (SwiftPM `revision`, a 40-hex `uses:` ref).
  package var commit: String?
  /// The file's path as scanned (the scan root joined with the path under it).
  package var path: String
  /// The 1-based line where the version is written.
  package var line: Int
  package var format: LockfileFormat
  /// Whether the project depends on it directly (true), only through another package (false),
  /// or the file cannot tell (nil).
  package var isDirect: Bool?

  package init(
    ecosystem: PackageEcosystem, name: String, version: String, commit: String? = nil,
    path: String, line: Int, format: LockfileFormat, isDirect: Bool?
  ) {
    self.ecosystem = ecosystem
    self.name = name
    self.version = version
    self.commit = commit
    self.path = path
    self.line = line
    self.format = format
    self.isDirect = isDirect
  }

  /// Whether `package` affects this resolution (its version, or its commit).
  package func isAffected(by package: AffectedPackage) -> Bool {
    if package.includes(ecosystem: ecosystem, name: name, version: version) { return true }
    if let commit, commit != version {
      return package.includes(ecosystem: ecosystem, name: name, version: commit)
    }
    return false
  }
}

/// A requirement a manifest states without pinning one version (`requests>=2.0` in a
/// `requirements.txt`): reported, never matched, since what it resolves to is not in the file.
package struct UnpinnedRequirement: Sendable, Equatable {
  package var ecosystem: PackageEcosystem
  package var name: String
  /// The requirement as written (`requests>=2.0`).
  package var text: String
  package var path: String
  package var line: Int
}

/// A lockfile that cannot be read: where, and what was expected.
package struct LockfileProblem: Error, Sendable, Equatable, CustomStringConvertible {
  package var path: String
  package var line: Int
  package var column: Int
  package var message: String

  package init(path: String, line: Int, column: Int, message: String) {
    self.path = path
    self.line = line
    self.column = column
    self.message = message
  }

  package var description: String { "\(path):\(line):\(column): \(message)" }
}
