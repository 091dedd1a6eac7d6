import YAMLLite

/// A parsed `when` (or `derive`) expression with its source text and where it was written.
package struct Condition: Sendable, Equatable {
  package var source: String
  package var expression: Expression
  /// Where the expression text was written.
  package var origin: TextOrigin

  /// Where the expression text starts.
  package var location: SourceLocation { origin.start }
}

/// A text that may hold `{{name}}` references, with where it was written.
package struct TemplateText: Sendable, Equatable {
  package var source: String
  package var template: Template
  package var origin: TextOrigin

  /// Where the text starts.
  package var location: SourceLocation { origin.start }

  /// The text with every reference replaced by its value.
  package func rendered(with values: [String: Value]) -> String {
    template.rendered(with: values)
  }

  /// The text for a person, with every reference replaced by its value, and a reference with
  /// no value yet by a readable placeholder, `‹tool›` (never the raw `{{tool}}`).
  package func shown(with values: [String: Value]) -> String {
    var values = values
    for (name, _) in template.references where values[name] == nil {
      values[name] = .string(Self.placeholder(name))
    }
    return template.rendered(with: values)
  }

  /// The text as a person reads it before any answer exists: `What can ‹tool› reach?`.
  package var readable: String { shown(with: [:]) }

  /// How a reference with no value is shown: `‹tool›`.
  package static func placeholder(_ name: String) -> String { "‹\(name)›" }
}

/// A parsed `due` phrase with its source text and where it was written.
package struct DueTime: Sendable, Equatable {
  package var source: String
  /// The parsed rule; for a template, parsed with a placeholder duration in place of each
  /// reference (its anchors are the real ones, for lint).
  package var rule: DueRule
  package var origin: TextOrigin
  /// For a due written with references (`{{item.notice_within}} after aware_at`), the
  /// template: expanded for each item, then parsed (see ``resolved(with:)``).
  package var template: Template? = nil

  /// What a template's references stand for when the loader checks that it can parse.
  package static let placeholderDuration = "1 hours"

  /// `template`'s text with every reference replaced by ``placeholderDuration``.
  package static func placeholderText(of template: Template?) -> String {
    guard let template else { return "" }
    return template.segments.map { segment in
      switch segment {
      case .text(let text): return text
      case .reference: return placeholderDuration
      }
    }.joined()
  }

  /// The rule for `values`: ``rule`` itself, or the template expanded and parsed; nil (with the
  /// expanded text) when a reference has no value or the expanded text does not parse.
  package func resolved(with values: [String: Value]) -> (rule: DueRule?, missing: [String]) {
    guard let template else { return (rule, []) }
    let missing = template.references.map(\.name).filter {
      (values[$0] ?? .unset).rendered.allSatisfy(\.isWhitespace)
    }
    guard missing.isEmpty else { return (nil, missing) }
    return (try? DueRule.parse(template.rendered(with: values)), [])
  }

  /// Where the phrase starts.
  package var location: SourceLocation { origin.start }
}

/// Where a text embedded in a scalar was written: character offsets in the text map column for
/// column onto the source line for one-line plain scalars and quoted ones without escapes; for
/// the others (block scalars, folded text) every offset maps to the scalar's start.
///
/// Read from YAML, keeps the scalar's node and works the position out only when a diagnostic
/// asks for one, so loading a clean runbook pays nothing for it. Read from a compiled cache, it
/// is the worked-out form: the scalar's place, and how many offsets map column for column.
package struct TextOrigin: Sendable, Equatable {
  /// Where the origin comes from.
  private enum Storage: Sendable, Equatable {
    case node(Node)
    /// `mapped` offsets from 0 map to `first`'s column plus the offset, on its line; every
    /// other offset maps to `scalar` (`mapped` is -1 when none does).
    case located(scalar: SourceLocation, first: SourceLocation, mapped: Int)
  }

  private let storage: Storage

  /// The origin of `node`'s text.
  package init(of node: Node) {
    storage = .node(node)
  }

  /// An origin worked out already: the scalar at `scalar`, whose offsets `0...mapped` start at
  /// `first` column for column (`mapped` -1: none does).
  package init(scalar: SourceLocation, first: SourceLocation, mapped: Int) {
    storage = .located(scalar: scalar, first: first, mapped: mapped)
  }

  /// The worked-out form of this origin (see ``init(scalar:first:mapped:)``).
  package var located: (scalar: SourceLocation, first: SourceLocation, mapped: Int) {
    switch storage {
    case .node(let node):
      let mapping = node.textColumnMapping
      return (node.location, mapping?.first ?? node.location, mapping?.count ?? -1)
    case .located(let scalar, let first, let mapped):
      return (scalar, first, mapped)
    }
  }

  /// Where the text starts.
  package var start: SourceLocation { location(at: 0) }

  /// The file position of the character at `offset` in the text.
  package func location(at offset: Int) -> SourceLocation {
    switch storage {
    case .node(let node):
      return node.location(ofTextOffset: offset)
    case .located(let scalar, var first, let mapped):
      guard offset >= 0, offset <= mapped else { return scalar }
      first.column += offset
      return first
    }
  }
}
