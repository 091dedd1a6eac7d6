/// One OSV `affected[].ranges[]` entry: a kind and its events.
///
/// OSV's rule: sort the events by version; a version is affected when it is at or after an
/// `introduced` and before the next `fixed` (or at or before the next `last_affected`); `limit`
/// events cap every range (only versions below a limit are affected). `introduced: "0"` is
/// before every version.
package struct AffectedRange: Sendable, Equatable {
  /// How the events' versions are compared.
  package enum Kind: String, Sendable, Equatable {
    /// Semantic Versioning 2.0 precedence, whatever the ecosystem.
    case semver = "SEMVER"
    /// The ecosystem's own order (``VersionOrder``).
    case ecosystem = "ECOSYSTEM"
    /// Commit hashes. Deciding whether a commit lies between two others needs the repository's
    /// history, which a scan does not have: only a resolved commit equal to an `introduced` or
    /// `last_affected` commit matches (one equal to a `fixed` commit does not).
    case git = "GIT"
  }

  /// One event.
  package enum Event: Sendable, Equatable {
    case introduced(String)
    case fixed(String)
    case lastAffected(String)
    case limit(String)

    var version: String {
      switch self {
      case .introduced(let v), .fixed(let v), .lastAffected(let v), .limit(let v): return v
      }
    }
  }

  package var kind: Kind
  package var events: [Event]

  package init(kind: Kind, events: [Event]) {
    self.kind = kind
    self.events = events
  }

  /// Whether `version` falls in the range, compared as `kind` says in `ecosystem`; a version the
  /// order cannot read is not in it.
  package func includes(_ version: String, in ecosystem: PackageEcosystem) -> Bool {
    if kind == .git {
      return events.contains { event in
        switch event {
        case .introduced(let commit), .lastAffected(let commit):
          return commit != "0" && Self.isSameCommit(commit, version)
        case .fixed, .limit: return false
        }
      }
    }
    let compare: (String, String) -> Int? = { left, right in
      if left == "0" { return right == "0" ? 0 : -1 }
      if right == "0" { return 1 }
      return kind == .semver
        ? VersionOrder.semanticOrder(left, right)
        : VersionOrder.compare(left, right, in: ecosystem)
    }
    guard compare(version, version) == 0 else { return false }
    let limits = events.compactMap { event -> String? in
      if case .limit(let value) = event, value != "*" { return value }
      return nil
    }
    if !limits.isEmpty, !limits.contains(where: { (compare(version, $0) ?? 0) < 0 }) {
      return false
    }
    let ordered = events.filter { if case .limit = $0 { return false } else { return true } }
      .sorted { (compare($0.version, $1.version) ?? 0) < 0 }
    var isAffected = false
    for event in ordered {
      guard let order = compare(version, event.version) else { continue }
      switch event {
      case .introduced: if order >= 0 { isAffected = true }
      case .fixed: if order >= 0 { isAffected = false }
      case .lastAffected: if order > 0 { isAffected = false }
      case .limit: break
      }
    }
    return isAffected
  }

  /// Full hashes compare case-insensitively; a short one (7 or more hex digits) matches as a
  /// prefix of a full one.
  static func isSameCommit(_ left: String, _ right: String) -> Bool {
    let (a, b) = (left.lowercased(), right.lowercased())
    guard a.count >= 7, b.count >= 7, a.allSatisfy(\.isHexDigit), b.allSatisfy(\.isHexDigit)
    else { return false }
    return a.hasPrefix(b) || b.hasPrefix(a)
  }
}
