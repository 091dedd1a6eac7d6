extension RunbookLibrary {
  /// Whether a runbook reference is a path rather than an id.
  ///
  /// A path has a slash, or ends in `.yaml` or `.yml`; ids match `IDPattern`, which allows
  /// neither. `triage run`, `show`, `graph`, `replay` and the answers commands all ask this.
  package static func isPath(_ reference: String) -> Bool {
    // A byte search: `contains("/")` is Foundation's substring search, whose first use in a
    // process costs a run about 0.05 ms.
    reference.utf8.contains(UInt8(ascii: "/")) || isYAMLFileName(reference)
  }

  /// Whether a file name ends in `.yaml` or `.yml`.
  ///
  /// Runbooks, calendars, scenarios and answers files have such names.
  package static func isYAMLFileName(_ name: String) -> Bool {
    name.hasSuffix(".yaml") || name.hasSuffix(".yml")
  }
}
