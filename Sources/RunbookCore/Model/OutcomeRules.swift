import YAMLLite

/// A `derive` entry: a named value computed from the answers, usable like an answer.
package struct Derivation: Sendable, Equatable {
  package var name: String
  package var expression: Condition
  package var location: SourceLocation
}

/// The severity levels, most severe first.
package enum SeverityLevel: String, Sendable, Equatable, CaseIterable, Comparable {
  case critical, high, medium, low, none

  package static func < (lhs: SeverityLevel, rhs: SeverityLevel) -> Bool {
    // Less severe sorts first, so `max()` is the most severe.
    (allCases.firstIndex(of: lhs) ?? 0) > (allCases.firstIndex(of: rhs) ?? 0)
  }
}

/// One `severity` entry: the first whose condition holds gives the level.
package struct SeverityRule: Sendable, Equatable {
  package var level: SeverityLevel
  package var when: Condition?
  package var location: SourceLocation
}

/// One `decision` entry: the first whose condition holds gives the record's headline.
package struct DecisionRule: Sendable, Equatable {
  package var say: TemplateText
  package var when: Condition?
  package var location: SourceLocation
}

/// One `threat-model` entry: the first whose condition holds says whether the incident changes
/// our threat model, and why.
package struct ThreatModelRule: Sendable, Equatable {
  /// `changed: yes` or `changed: no`.
  package var changed: Bool
  package var because: TemplateText
  package var when: Condition?
  package var location: SourceLocation
}

/// One entry of an action's or notification's `not-required` or `undetermined` list: when it
/// matches (always, without `when`), the item is not required, or not yet determined, because of
/// `because`.
package struct OutcomeReason: Sendable, Equatable {
  package var when: Condition?
  package var because: TemplateText
  package var location: SourceLocation
}

/// An action the record assigns when its condition holds.
package struct ActionRule: Sendable, Equatable {
  package var id: String
  /// What the action does (`kind:`), required.
  package var kind: ActionKind
  package var title: TemplateText
  package var when: Condition?
  package var owner: String?
  package var due: DueTime?
  /// The due rule an item falls back to when its `due` has a reference the item cannot fill
  /// (`default-due:`, for a client with no notice clause in the inventory), or nil.
  package var defaultDue: DueTime? = nil
  package var details: TemplateText?
  /// The role whose approval marking it done needs (`approver: counsel`), or nil.
  package var approver: String? = nil
  /// When the action is not required, and why (checked after `undetermined`).
  package var notRequired: [OutcomeReason] = []
  /// When whether the action is required is not known yet, and what is missing.
  package var undetermined: [OutcomeReason] = []
  package var location: SourceLocation
  /// The list question this action repeats over (`for-each:`), or nil.
  package var forEach: String?
  /// Where the `for-each` value was written.
  package var forEachLocation: SourceLocation?
}

/// A notification the record requires when its condition holds: whom, by when, on what basis.
package struct NotificationRule: Sendable, Equatable {
  package var id: String
  /// Whom to notify; a template, so a `for-each` notification can name its item.
  package var to: TemplateText
  package var when: Condition?
  package var due: DueTime?
  /// The due rule an item falls back to when its `due` has a reference the item cannot fill
  /// (`default-due:`), or nil.
  package var defaultDue: DueTime? = nil
  package var basis: String?
  package var draft: TemplateText?
  /// The role whose approval sending it needs (`approver: counsel`), or nil.
  package var approver: String? = nil
  /// When the notification is not required, and why (checked after `undetermined`).
  package var notRequired: [OutcomeReason] = []
  /// When whether the notification is required is not known yet, and what is missing.
  package var undetermined: [OutcomeReason] = []
  package var location: SourceLocation
  /// The list question this notification repeats over (`for-each:`), or nil.
  package var forEach: String?
  /// Where the `for-each` value was written.
  package var forEachLocation: SourceLocation?
}
