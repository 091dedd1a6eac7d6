import YAMLLite

/// A runbook as loaded and checked: the questions to ask, in order, and the rules that turn
/// answers into outcomes (derived values, a severity, a decision, actions and notifications).
///
/// Every text that may hold `{{name}}` is a `TemplateText`; every condition is a `Condition`; both
/// keep where they were written so that later checks and errors can point at them.
public struct Runbook: Sendable, Equatable {
  /// The runbook's id, lower-case kebab (`ai-tool-source-leak`).
  public var id: String
  public var title: String
  /// A semantic version string (`1.2.0`).
  public var version: String
  public var summary: String?
  public var appliesTo: [String]
  public var references: [Reference]
  public var sections: [Section]
  /// The name of the holiday calendar that `business days` due times skip.
  public var holidays: String?
  /// The default TLP marking of records made with this runbook.
  public var tlp: TLP
  public var derivations: [Derivation]
  public var severityRules: [SeverityRule]
  public var decisionRules: [DecisionRule]
  public var actions: [ActionRule]
  public var notifications: [NotificationRule]
  /// The file the runbook came from, as given.
  public var file: String

  /// Every question of every section, in the order they are asked.
  public var questions: [Question] { sections.flatMap(\.questions) }

  /// The question with `id`, if any.
  public func question(_ id: String) -> Question? {
    for section in sections {
      if let question = section.questions.first(where: { $0.id == id }) { return question }
    }
    return nil
  }

  /// The section that holds the question with `id`.
  public func section(holding questionID: String) -> Section? {
    sections.first { $0.questions.contains { $0.id == questionID } }
  }
}

/// A source a runbook cites.
public struct Reference: Sendable, Equatable {
  public var title: String
  public var url: String
}

/// A Traffic Light Protocol 2.0 marking.
public enum TLP: String, Sendable, Equatable, CaseIterable {
  case red = "TLP:RED"
  case amberStrict = "TLP:AMBER+STRICT"
  case amber = "TLP:AMBER"
  case green = "TLP:GREEN"
  case clear = "TLP:CLEAR"
}
