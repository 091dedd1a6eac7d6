/// One node of a parsed YAMLLite document: a scalar, a sequence or a mapping, with where it starts.
///
/// There is no implicit typing: `no`, `1.0` and `2026-04-01` are all scalars holding that text.
/// An empty value (`key:` with nothing after it) is a plain scalar with empty text.
///
/// A node is 32 bytes (a 16-byte scalar or collection, and its place): its location is kept as a
/// compact `Place` (line, column and a reference to the parse's file name) and turned into a
/// `SourceLocation` when asked for, since a big runbook holds millions of nodes.
package struct Node: Sendable, Equatable {
  /// What the node holds.
  package enum Content: Sendable, Equatable {
    case scalar(Scalar)
    case sequence([Node])
    case mapping([MappingEntry])
  }

  package var content: Content
  var place: Place

  /// Where the node starts (for a block collection, its first key or dash).
  package var location: SourceLocation {
    get { place.location }
    set { place = Place(newValue) }
  }

  package init(_ content: Content, at location: SourceLocation) {
    self.content = content
    self.place = Place(location)
  }

  init(_ content: Content, place: Place) {
    self.content = content
    self.place = place
  }
}

/// How a scalar was written in the source.
package enum ScalarStyle: String, Sendable, Equatable {
  case plain
  case singleQuoted
  case doubleQuoted
  case literal
  case folded
}

/// One `key: value` pair of a mapping, in document order.
///
/// Keys are always scalars. An entry is 56 bytes: the key's line and column are stored, and its
/// file is the value's file (a key and its value are always in one file).
package struct MappingEntry: Sendable, Equatable {
  package var key: String
  package var value: Node
  private var keyLine: UInt32
  private var keyColumn: UInt32

  /// Where the key starts.
  ///
  /// Its `file` is the value's; setting it sets the line and column.
  package var keyLocation: SourceLocation {
    get { keyPlace.location }
    set {
      keyLine = UInt32(clamping: newValue.line)
      keyColumn = UInt32(clamping: newValue.column)
    }
  }

  package init(key: String, keyLocation: SourceLocation, value: Node) {
    self.key = key
    self.value = value
    self.keyLine = UInt32(clamping: keyLocation.line)
    self.keyColumn = UInt32(clamping: keyLocation.column)
  }

  init(key: String, keyPlace: Place, value: Node) {
    self.key = key
    self.value = value
    self.keyLine = keyPlace.line
    self.keyColumn = keyPlace.column
  }

  var keyPlace: Place {
    var place = value.place
    place.line = keyLine
    place.column = keyColumn
    return place
  }
}
