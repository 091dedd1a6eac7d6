import YAMLLite

/// A runbook as loaded and checked: the questions to ask, in order, and the rules that turn
/// answers into outcomes (derived values, a severity, a decision, actions and notifications).
///
/// Every text that may hold `{{name}}` is a `TemplateText`; every condition is a `Condition`; both
/// keep where they were written so that later checks and errors can point at them.
package struct Runbook: Sendable, Equatable {
  /// The runbook's id, lower-case kebab (`ai-tool-source-leak`).
  package var id: String
  package var title: String
  /// A semantic version string (`1.2.0`).
  package var version: String
  package var summary: String?
  package var appliesTo: [String]
  package var references: [Reference]
  package var sections: [Section]
  /// The name of the holiday calendar that `business days` due times skip.
  package var holidays: String?
  /// The default TLP marking of records made with this runbook.
  package var tlp: TLP
  package var derivations: [Derivation]
  package var severityRules: [SeverityRule]
  package var decisionRules: [DecisionRule]
  /// The `threat-model` entries; empty when the runbook states none.
  package var threatModelRules: [ThreatModelRule] = []
  package var actions: [ActionRule]
  package var notifications: [NotificationRule]
  /// The file the runbook came from, as given.
  package var file: String
  /// Which obligation files the runbook uses (`obligations:`), and where that is written.
  package var obligations: ObligationSelection? = nil
  package var obligationsLocation: SourceLocation? = nil
  /// The obligations library, attached by the caller that found it (nil: none used).
  package var obligationLibrary: ObligationLibrary? = nil
  /// Per-item fields attached by the caller, from the inventory of `run --vendor`.
  ///
  /// By list question id, then by item text, the values `{{item.NAME}}` reads (see
  /// `RepeatedItem.fieldNames`). Empty: items carry no fields.
  package var itemFields: [String: [String: [String: String]]] = [:]

  /// Every question of every section, in the order they are asked.
  package var questions: [Question] { sections.flatMap(\.questions) }

  /// The question with `id`, if any.
  package func question(_ id: String) -> Question? {
    for section in sections {
      if let question = section.questions.first(where: { $0.id == id }) { return question }
    }
    return nil
  }

  /// The section that holds the question with `id`.
  package func section(holding questionID: String) -> Section? {
    sections.first { $0.questions.contains { $0.id == questionID } }
  }
}

/// A source a runbook cites.
package struct Reference: Sendable, Equatable {
  package var title: String
  package var url: String
}

/// A Traffic Light Protocol 2.0 marking.
package enum TLP: String, Sendable, Equatable, CaseIterable {
  case red = "TLP:RED"
  case amberStrict = "TLP:AMBER+STRICT"
  case amber = "TLP:AMBER"
  case green = "TLP:GREEN"
  case clear = "TLP:CLEAR"

  /// The marking as a person writes it: `TLP:RED`, `red`, `tlp:amber+strict`, in any case.
  package init?(written: String) {
    var text = written.uppercased()
    if !text.hasPrefix("TLP:") { text = "TLP:" + text }
    self.init(rawValue: text)
  }
}
