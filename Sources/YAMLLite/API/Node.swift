/// One node of a parsed YAMLLite document: a scalar, a sequence or a mapping, with where it starts.
///
/// There is no implicit typing: `no`, `1.0` and `2026-04-01` are all scalars holding that text.
/// An empty value (`key:` with nothing after it) is a plain scalar with empty text.
public struct Node: Sendable, Equatable {
  /// What the node holds.
  public enum Content: Sendable, Equatable {
    case scalar(Scalar)
    case sequence([Node])
    case mapping([MappingEntry])
  }

  public var content: Content
  /// Where the node starts (for a block collection, its first key or dash).
  public var location: SourceLocation

  public init(_ content: Content, at location: SourceLocation) {
    self.content = content
    self.location = location
  }
}

/// The text of a scalar and how it was written.
public struct Scalar: Sendable, Equatable {
  public var text: String
  public var style: ScalarStyle

  public init(_ text: String, style: ScalarStyle = .plain) {
    self.text = text
    self.style = style
  }
}

/// How a scalar was written in the source.
public enum ScalarStyle: String, Sendable, Equatable {
  case plain
  case singleQuoted
  case doubleQuoted
  case literal
  case folded
}

/// One `key: value` pair of a mapping, in document order. Keys are always scalars.
public struct MappingEntry: Sendable, Equatable {
  public var key: String
  public var keyLocation: SourceLocation
  public var value: Node

  public init(key: String, keyLocation: SourceLocation, value: Node) {
    self.key = key
    self.keyLocation = keyLocation
    self.value = value
  }
}
