import RunbookCore

/// The due rule one action or notification (or one item of a `for-each` rule) counts by: its
/// `due`, a template expanded for the item; else, when the item cannot fill it, the rule's
/// `default-due`, with a note saying why.
package struct DueClock: Sendable, Equatable {
  /// The rule; nil for an item without a due time.
  package var rule: DueRule?
  /// The due phrase: `due` as the runbook wrote it (a template expanded for the item), or
  /// `default-due` when that was used.
  package var source: String?
  /// Why the default was used: `no notice clause for acme in the inventory: default 72 hours
  /// after discovered_at`; nil when `due` was.
  package var note: String?

  /// Why an item's due could not be worked out and it had no default: it is undetermined.
  package struct Unfilled: Error, Equatable {
    package var because: String
  }

  /// The clock of `due` for the item (or rule) `who`, with `values` bound: the due expanded,
  /// else `fallback` with a note, else the reason it is undetermined.
  package static func choose(
    _ due: DueTime?, default fallback: DueTime?, for who: String, values: [String: Value]
  ) -> Result<DueClock, Unfilled> {
    guard let due else { return .success(DueClock(rule: nil, source: nil, note: nil)) }
    guard let template = due.template else {
      return .success(DueClock(rule: due.rule, source: due.source, note: nil))
    }
    // `DueTime.resolved(with:)`, with the template expanded once for both the rule and the
    // source: a reference without a value is missing; else the expanded text is parsed.
    let missing = template.references.map(\.name).filter {
      (values[$0] ?? .unset).rendered.allSatisfy(\.isWhitespace)
    }
    if missing.isEmpty {
      let expanded = template.rendered(with: values)
      if let resolved = try? DueRule.parse(expanded) {
        // A template is recorded as expanded for the item (`24 hours after discovered_at`), so
        // that the record, the report and follow-ups read a due rule, not a reference.
        return .success(DueClock(rule: resolved, source: expanded.trimmed, note: nil))
      }
    }
    let because =
      missing.contains { RepeatedItem.field(of: $0) != nil }
      ? "no notice clause for \(who) in the inventory"
      : "the due time \"\(due.source)\" does not give a due rule for \(who)"
    guard let fallback else { return .failure(Unfilled(because: because)) }
    return .success(
      DueClock(
        rule: fallback.rule, source: fallback.source,
        note: "\(because): default \(fallback.source)"))
  }
}
