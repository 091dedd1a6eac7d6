import YAMLLite

/// What a node is, for messages that say what was found instead.
package enum NodeShape: String, Sendable, Equatable, CustomStringConvertible {
  case text
  case list = "a list"
  case mapping = "a mapping"

  package var description: String { rawValue }
}

extension Node {
  /// What this node is: text, a list or a mapping.
  package var shape: NodeShape {
    switch content {
    case .scalar: return .text
    case .sequence: return .list
    case .mapping: return .mapping
    }
  }
}
