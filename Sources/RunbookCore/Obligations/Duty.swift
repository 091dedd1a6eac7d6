import YAMLLite

/// One duty of an obligation file: a notification rule of the shared library, with the law it
/// rests on.
///
/// `rule` is read exactly as a runbook notification (`when`, `due`, `not-required`,
/// `undetermined`, `draft`, `to`); its `basis` is the citation.
package struct Duty: Sendable, Equatable {
  package var rule: NotificationRule
  package var title: String
  /// The primary citation (`Tex. Bus. & Com. Code § 521.053(b)`).
  package var citation: String
  package var url: String
  /// The file's `reviewed` date (`2026-12-04`).
  package var reviewed: String
  /// The duty's jurisdiction code: its file's (`US-TX`).
  package var jurisdiction: String
  /// The file id (`us-tx`).
  package var fileID: String
  /// The first and last day the duty is in force; nil when unbounded.
  package var inForceFrom: CalendarDay?
  package var inForceUntil: CalendarDay?
  /// A quote of the statute where it sets no fixed deadline.
  package var noFixedDeadline: String?
  /// Documentation of the numeric tests used in `when`.
  package var thresholds: [String] = []
  /// What the notice must contain, and must not.
  package var contentRequires: [String] = []
  package var contentForbids: [String] = []
  /// An allowed delay (law enforcement), in words.
  package var delay: String?

  package var id: String { rule.id }

  /// What the record keeps of the law behind the duty.
  package var reference: ObligationReference {
    ObligationReference(
      libraryID: id, citation: citation, url: url, reviewed: reviewed, jurisdiction: jurisdiction)
  }

  /// Whether the duty is in force on `day`.
  package func isInForce(on day: CalendarDay) -> Bool {
    Self.isInForce(on: day, from: inForceFrom, until: inForceUntil)
  }

  /// Whether `day` lies between `from` and `until` (each included; nil is unbounded).
  static func isInForce(on day: CalendarDay, from: CalendarDay?, until: CalendarDay?) -> Bool {
    if let from, day < from { return false }
    if let until, day > until { return false }
    return true
  }
}

/// The law behind an outcome, as the record keeps it.
package struct ObligationReference: Sendable, Equatable, Hashable {
  /// The duty's id in the library.
  package var libraryID: String
  package var citation: String
  package var url: String
  package var reviewed: String
  package var jurisdiction: String

  package init(
    libraryID: String, citation: String, url: String, reviewed: String, jurisdiction: String
  ) {
    self.libraryID = libraryID
    self.citation = citation
    self.url = url
    self.reviewed = reviewed
    self.jurisdiction = jurisdiction
  }
}

/// One obligation file: the duties of one regime or jurisdiction.
package struct ObligationFile: Sendable, Equatable {
  /// The file id (`us-tx`, `eu--gdpr`), kebab, equal to the file name.
  package var id: String
  /// The jurisdiction code (`US-TX`, `EU`, `ANY`).
  package var jurisdiction: String
  package var title: String
  package var reviewed: String
  package var sources: [Reference]
  package var duties: [Duty]
  /// The holiday calendar its `business days` skip (`holidays:`); nil: the runbook's (the
  /// `us-federal` calendar in library scenarios); `none`: weekends only.
  package var holidays: String? = nil
  /// The file it came from, as given.
  package var file: String
  /// Where `obligations:` and `jurisdiction:` were written, for lint.
  package var idLocation: SourceLocation
  package var jurisdictionLocation: SourceLocation
}
