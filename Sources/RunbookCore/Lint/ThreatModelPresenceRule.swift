import YAMLLite

/// A runbook should say whether an incident changes our threat model, and why: without
/// `threat-model` rules the report can only fall back to "severity above none".
///
/// Only `triage lint --strict` runs this rule, so that a runbook in progress (and every test
/// runbook) loads and lints without it; the bundled runbooks all state their rules.
package enum ThreatModelPresenceRule {
  /// A warning at `location` (the runbook's `runbook:` key) when `runbook` has no
  /// `threat-model` entries; nothing otherwise.
  package static func check(_ runbook: Runbook, at location: SourceLocation) -> [Diagnostic] {
    guard runbook.threatModelRules.isEmpty else { return [] }
    return [Diagnostic(.warning, LintProblem.noThreatModel, at: location)]
  }
}
