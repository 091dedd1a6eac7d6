import YAMLLite

/// A `derive` entry: a named value computed from the answers, usable like an answer.
public struct Derivation: Sendable, Equatable {
  public var name: String
  public var expression: Condition
  public var location: SourceLocation
}

/// The severity levels, most severe first.
public enum SeverityLevel: String, Sendable, Equatable, CaseIterable, Comparable {
  case critical, high, medium, low, none

  public static func < (lhs: SeverityLevel, rhs: SeverityLevel) -> Bool {
    // Less severe sorts first, so `max()` is the most severe.
    (allCases.firstIndex(of: lhs) ?? 0) > (allCases.firstIndex(of: rhs) ?? 0)
  }
}

/// One `severity` entry: the first whose condition holds gives the level.
public struct SeverityRule: Sendable, Equatable {
  public var level: SeverityLevel
  public var when: Condition?
  public var location: SourceLocation
}

/// One `decision` entry: the first whose condition holds gives the record's headline.
public struct DecisionRule: Sendable, Equatable {
  public var say: TemplateText
  public var when: Condition?
  public var location: SourceLocation
}

/// An action the record assigns when its condition holds.
public struct ActionRule: Sendable, Equatable {
  public var id: String
  public var title: TemplateText
  public var when: Condition?
  public var owner: String?
  public var due: DueTime?
  public var details: TemplateText?
  public var location: SourceLocation
}

/// A notification the record requires when its condition holds: whom, by when, on what basis.
public struct NotificationRule: Sendable, Equatable {
  public var id: String
  public var to: String
  public var when: Condition?
  public var due: DueTime?
  public var basis: String?
  public var draft: TemplateText?
  public var location: SourceLocation
}
