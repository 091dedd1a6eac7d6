/// The name of an environment variable triage reads, as a value only this file makes, so a
/// misspelt variable fails to compile.
package struct EnvironmentKey: Sendable, Hashable {
  package let rawValue: String

  private init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  /// Columns of the terminal when the window size cannot be asked.
  package static let columns = EnvironmentKey("COLUMNS")
  /// Set to anything non-empty: no colour (no-color.org).
  package static let noColor = EnvironmentKey("NO_COLOR")
  /// `dumb`: no colour.
  package static let term = EnvironmentKey("TERM")
  /// Folders searched for programs (`ssh-keygen`), separated by `:`; a program found there is
  /// suggested by its name.
  package static let path = EnvironmentKey("PATH")
  /// The default SSH signing key.
  package static let triageSigningKey = EnvironmentKey("TRIAGE_SIGNING_KEY")
  /// The default archive folder.
  package static let triageArchive = EnvironmentKey("TRIAGE_ARCHIVE")
  /// The inventory folder (`triage inventory`, `triage affected`).
  package static let triageInventory = EnvironmentKey("TRIAGE_INVENTORY")
  /// Runbook folders, separated by `:`.
  package static let triageRunbooks = EnvironmentKey("TRIAGE_RUNBOOKS")
  /// The compiled cache folder (parsed obligation files); else `XDG_CACHE_HOME/triage`, else
  /// `HOME/.cache/triage`.
  package static let triageCacheDir = EnvironmentKey("TRIAGE_CACHE_DIR")
  /// The base folder of user caches (XDG Base Directory).
  package static let xdgCacheHome = EnvironmentKey("XDG_CACHE_HOME")
  /// The user's home folder.
  package static let home = EnvironmentKey("HOME")
  /// The local time zone shown beside UTC (`Europe/Paris`); else the system's.
  package static let timeZone = EnvironmentKey("TZ")
  /// The default responder.
  package static let user = EnvironmentKey("USER")
  /// The default responder when `USER` is not set.
  package static let logname = EnvironmentKey("LOGNAME")
}

/// The process environment a command sees, read by `EnvironmentKey`.
package struct Environment: Sendable, Equatable, ExpressibleByDictionaryLiteral {
  private var values: [String: String]

  package init(_ values: [String: String]) {
    self.values = values
  }

  package init(dictionaryLiteral elements: (String, String)...) {
    self.values = Dictionary(elements, uniquingKeysWith: { _, last in last })
  }

  /// The variable's value, or nil when it is not set.
  package subscript(key: EnvironmentKey) -> String? {
    values[key.rawValue]
  }
}
