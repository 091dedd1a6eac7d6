import Foundation

/// A due time worked out from the anchors known so far (`DueRule.resolved(calendar:time:)`).
package struct DueResolution: Sendable, Equatable {
  /// The earliest due time of the clauses whose anchors are known; nil when none is.
  package var due: Date?
  /// The anchors not known yet, in the rule's order, without repeats.
  ///
  /// While `due` is set, a pending anchor can only move it earlier.
  package var pendingAnchors: [DueAnchor]
}
