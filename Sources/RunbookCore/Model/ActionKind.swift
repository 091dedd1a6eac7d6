/// What an action does, so that the record's answers come from kinds and never from ids.
///
/// "Do we rotate credentials?" lists the actions whose kind ``isCredentialChange``: a krbtgt reset
/// or a session revocation is a credential change even when its id does not start `rotate-`.
package enum ActionKind: String, Sendable, Equatable, CaseIterable {
  /// Replace a secret with a new one (API keys, deploy keys, certificates).
  case rotate
  /// End what a credential granted (sessions, tokens, OAuth grants).
  case revoke
  /// Set a credential anew, usually twice (krbtgt, passwords, MFA enrolment).
  case reset
  /// Cut off or isolate (block an integration, quarantine a host).
  case contain
  /// Look for what happened (logs, indicators, scope).
  case investigate
  /// Bring systems back (restore, rebuild, re-enable).
  case recover
  /// Tell people (internal notice, client update, status page).
  case communicate
  /// Read and decide (contracts, vendor assurance, runbook follow-up).
  case review

  /// Whether the action changes a credential: `rotate`, `revoke` or `reset`.
  package var isCredentialChange: Bool {
    switch self {
    case .rotate, .revoke, .reset: true
    case .contain, .investigate, .recover, .communicate, .review: false
    }
  }
}
