/// One node of a parsed YAMLLite document: a scalar, a sequence or a mapping, with where it starts.
///
/// There is no implicit typing: `no`, `1.0` and `2026-04-01` are all scalars holding that text.
/// An empty value (`key:` with nothing after it) is a plain scalar with empty text.
///
/// A node is 24 bytes (a 16-byte scalar or collection, and its line and column), since a big
/// runbook holds millions of nodes. Its file is kept with what it holds: a scalar knows its file
/// (see `Scalar`), and a collection keeps a reference to the parse's `FileName` beside its
/// array. The location is turned into a `SourceLocation` when asked for.
package struct Node: Sendable, Equatable {
  /// What the node holds.
  package enum Content: Sendable, Equatable {
    case scalar(Scalar)
    case sequence([Node])
    case mapping([MappingEntry])
  }

  /// What the node holds, with the file for a collection.
  private enum Storage: Sendable {
    case scalar(Scalar)
    case sequence([Node], FileName)
    case mapping([MappingEntry], FileName)
  }

  private var storage: Storage
  private var line: UInt32
  private var column: UInt32

  /// What the node holds.
  package var content: Content {
    get {
      switch storage {
      case .scalar(let scalar): return .scalar(scalar)
      case .sequence(let items, _): return .sequence(items)
      case .mapping(let entries, _): return .mapping(entries)
      }
    }
    set { storage = Node.storage(for: newValue, file: file) }
  }

  /// Where the node starts (for a block collection, its first key or dash).
  package var location: SourceLocation {
    get { place.location }
    set { place = Place(newValue) }
  }

  package init(_ content: Content, at location: SourceLocation) {
    self.init(content, place: Place(location))
  }

  init(_ content: Content, place: Place) {
    self.storage = Node.storage(for: content, file: place.file)
    self.line = place.line
    self.column = place.column
  }

  /// A scalar node, of the scalar's file.
  init(scalar: consuming Scalar, line: UInt32, column: UInt32) {
    self.storage = .scalar(scalar)
    self.line = line
    self.column = column
  }

  /// A sequence node of `file`.
  init(items: [Node], file: FileName, line: UInt32, column: UInt32) {
    self.storage = .sequence(items, file)
    self.line = line
    self.column = column
  }

  /// A mapping node of `file`.
  init(entries: [MappingEntry], file: FileName, line: UInt32, column: UInt32) {
    self.storage = .mapping(entries, file)
    self.line = line
    self.column = column
  }

  /// Where the node starts, in the compact form.
  var place: Place {
    get { Place(line: line, column: column, file: file) }
    set {
      line = newValue.line
      column = newValue.column
      if newValue.file !== file { storage = Node.storage(for: content, file: newValue.file) }
    }
  }

  /// The file the node was read from.
  var file: FileName {
    switch storage {
    case .scalar(let scalar): return scalar.file
    case .sequence(_, let file), .mapping(_, let file): return file
    }
  }

  /// `content` stored with `file` (a scalar of another file is placed in this one).
  private static func storage(for content: Content, file: FileName) -> Storage {
    switch content {
    case .scalar(let scalar): return .scalar(scalar.placed(in: file))
    case .sequence(let items): return .sequence(items, file)
    case .mapping(let entries): return .mapping(entries, file)
    }
  }

  package static func == (lhs: Node, rhs: Node) -> Bool {
    lhs.line == rhs.line && lhs.column == rhs.column && lhs.file == rhs.file
      && lhs.content == rhs.content
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
/// Keys are always scalars. An entry is 40 bytes: the key's text is shared (`KeyText`, one per
/// distinct short key of a parse), the key's line and column are stored, and its file is the
/// value's file (a key and its value are always in one file).
package struct MappingEntry: Sendable, Equatable {
  package var value: Node
  private(set) var keyText: KeyText
  private(set) var keyLine: UInt32
  private var keyColumn: UInt32

  /// The key's text.
  package var key: String {
    get { keyText.text }
    set { keyText = KeyText(newValue) }
  }

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
    self.keyText = KeyText(key)
    self.value = value
    self.keyLine = UInt32(clamping: keyLocation.line)
    self.keyColumn = UInt32(clamping: keyLocation.column)
  }

  init(key: KeyText, keyLine: UInt32, keyColumn: UInt32, value: consuming Node) {
    self.keyText = key
    self.value = value
    self.keyLine = keyLine
    self.keyColumn = keyColumn
  }

  init(key: KeyText, keyPlace: Place, value: Node) {
    self.keyText = key
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

  package static func == (lhs: MappingEntry, rhs: MappingEntry) -> Bool {
    lhs.keyLine == rhs.keyLine && lhs.keyColumn == rhs.keyColumn && lhs.keyText == rhs.keyText
      && lhs.value == rhs.value
  }
}

/// A mapping key's text, shared by the entries of one parse that have that key.
///
/// A class, so an entry holds 8 bytes for its key instead of a 16-byte `String`; immutable, so
/// sharing it across threads is safe. Two are equal when their text is. A short ASCII key made by
/// the key cache also keeps its bytes as two words, so that two such keys compare as words (for
/// ASCII, equal strings are equal bytes).
final class KeyText: Sendable, Equatable {
  let text: String
  /// Whether `words` holds the text: at most 15 ASCII bytes, zero-padded, with its length.
  private let isShortASCII: Bool
  private let words: (low: UInt64, high: UInt64, count: Int)

  init(_ text: String) {
    self.text = text
    self.isShortASCII = false
    self.words = (0, 0, 0)
  }

  /// A key of at most 15 bytes whose zero-padded little-endian words are `low` and `high`.
  init(_ text: String, low: UInt64, high: UInt64, count: Int) {
    self.text = text
    self.isShortASCII = (low | high) & 0x8080_8080_8080_8080 == 0
    self.words = (low, high, count)
  }

  static func == (lhs: KeyText, rhs: KeyText) -> Bool {
    if lhs === rhs { return true }
    if lhs.isShortASCII && rhs.isShortASCII {
      return lhs.words.low == rhs.words.low && lhs.words.high == rhs.words.high
        && lhs.words.count == rhs.words.count
    }
    return lhs.text == rhs.text
  }
}
