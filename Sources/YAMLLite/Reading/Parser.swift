/// The state of one parse: the input bytes and a cursor that knows its line.
///
/// A value type, as in Ink's `Reader`: lookahead saves `mark` and assigns it back to rewind, which
/// is how a plain scalar checks whether the next line continues it. The parser works on UTF-8
/// bytes; `Character` columns are computed only when a location is made (see `column(of:)`).
struct Parser {
  /// The deepest nesting of collections accepted, block and flow together.
  ///
  /// Deeper input is refused with `nestingTooDeep`, so a hostile file cannot exhaust the stack.
  static let maxDepth = 64
  /// The longest implicit key accepted, in Unicode characters, as YAML 1.2 caps it.
  static let maxKeyLength = 1024

  let bytes: UnsafeBufferPointer<UInt8>
  /// The array `bytes` points into and the file's name, shared with scalars that are slices of it.
  let source: SourceText
  /// The file's name, made once for this parse and shared by every node it makes. (The parser
  /// is copied by value in places, so it keeps few fields: an extra one made it slower.)
  let fileName: FileName
  /// The byte offset of the cursor.
  var pos: Int
  /// The cursor's line, from 1.
  var line: Int = 1
  /// The byte offset where the cursor's line starts.
  var lineStart: Int
  /// How many collections enclose the cursor.
  var depth = 0
  /// What `nextContentLine` last found: the content's offset, the line's indentation, and the
  /// offset of a tab in the leading whitespace (-1 for none), so asking again is cheap and exact.
  var contentLine = (pos: -1, indent: 0, tab: -1)
  /// Entries and items of the collections being read, innermost last (see `MoveStack`), so the
  /// tree carries no growth slack.
  let entryStack = MoveStack<MappingEntry>()
  let itemStack = MoveStack<Node>()
  /// Short keys already made into strings.
  let keyCache: KeyCache
  /// How far the line that starts at `lineStart` is known to hold only ASCII (see `column(of:)`).
  let asciiReach = ASCIIReach()

  init(bytes: UnsafeBufferPointer<UInt8>, source: [UInt8], file: String, start: Int) {
    self.bytes = bytes
    keyCache = KeyCache(forBytes: bytes.count)
    self.fileName = FileName(file)
    self.source = SourceText(source, file: fileName)
    self.pos = start
    self.lineStart = start
  }

  /// The cursor as a value that can be stored and assigned back.
  var mark: Mark {
    get { Mark(pos: pos, line: line, lineStart: lineStart) }
    set {
      pos = newValue.pos
      line = newValue.line
      lineStart = newValue.lineStart
    }
  }

  /// The byte `ahead` bytes after the cursor, or 0 past the end (NUL bytes are refused up front,
  /// so 0 means the end).
  @inline(__always)
  func peek(_ ahead: Int = 0) -> UInt8 {
    let index = pos &+ ahead
    return index < bytes.count ? bytes[index] : 0
  }

  var isAtEnd: Bool { pos >= bytes.count }

  /// Where `mark` is, as a person counts: line from 1 and column in `Character`s from 1.
  func location(of mark: Mark) -> SourceLocation {
    SourceLocation(file: fileName.name, line: mark.line, column: column(of: mark))
  }

  /// Where `mark` is, in the compact form nodes store.
  func place(of mark: Mark) -> Place {
    Place(line: mark.line, column: column(of: mark), file: fileName)
  }

  /// The `Character` column of `mark`: a byte count when the line up to it is ASCII, otherwise the
  /// characters of the decoded prefix.
  ///
  /// How far the current line is known to be ASCII is remembered (``ASCIIReach``), so the many
  /// locations made along one long line (a one-line flow collection of 40,000 items) cost time
  /// in proportion to the line once, not once per location.
  func column(of mark: Mark) -> Int {
    let end = min(mark.pos, bytes.count)
    var index = mark.lineStart
    if asciiReach.lineStart == mark.lineStart { index = max(index, asciiReach.end) }
    if index >= end { return mark.pos - mark.lineStart + 1 }
    defer {
      if index == end {
        asciiReach.lineStart = mark.lineStart
        asciiReach.end = end
      }
    }
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= end {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 { break }
        index += 8
      }
    }
    while index < end {
      if bytes[index] >= 0x80 { return nonASCIIColumn(lineStart: mark.lineStart, end: end) }
      index += 1
    }
    return mark.pos - mark.lineStart + 1
  }

  /// The `Character` column of `end` on a line that holds non-ASCII text before it.
  ///
  /// Counting starts from the last place counted on this line when there is one before `end`:
  /// such a place lies between two ASCII bytes, where Unicode always breaks characters (no
  /// combining mark, joiner or prefix is ASCII, and a CR ends the line), so the two counts add.
  private func nonASCIIColumn(lineStart: Int, end: Int) -> Int {
    var start = lineStart
    var counted = 0
    if asciiReach.countedLineStart == lineStart, asciiReach.countedEnd <= end {
      start = asciiReach.countedEnd
      counted = asciiReach.countedCharacters
    }
    // The place to remember: the last one between two ASCII bytes, close before `end`.
    // `end` may be the end of the input, where there is no byte to look at.
    var place = min(end, bytes.count - 1)
    while place > start + 1, place > end - 64, bytes[place - 1] >= 0x80 || bytes[place] >= 0x80 {
      place -= 1
    }
    func characters(_ range: Range<Int>) -> Int {
      Parser.characterCount(of: UnsafeBufferPointer(rebasing: bytes[range]))
    }
    guard place > start + 1, place < bytes.count, bytes[place - 1] < 0x80, bytes[place] < 0x80
    else { return counted + characters(start..<end) + 1 }
    let upToPlace = counted + characters(start..<place)
    asciiReach.countedLineStart = lineStart
    asciiReach.countedEnd = place
    asciiReach.countedCharacters = upToPlace
    return upToPlace + characters(place..<end) + 1
  }

  /// The `Character`s in `text` (valid UTF-8 without line breaks).
  ///
  /// Text of ASCII and U+0080–U+02FF only (lead bytes up to 0xCB: Latin letters with accents) is
  /// one character per code point, since none of those join a neighbour (no combining mark,
  /// joiner, prefix or variation selector is among them, and anything that would join them is
  /// outside); it is counted from the bytes. Other text is counted by `String`.
  static func characterCount(of text: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in text {
      if byte < 0x80 || (byte >= 0xC2 && byte <= 0xCB) {
        count += 1
      } else if byte & 0xC0 != 0x80 {
        return String(decoding: text, as: UTF8.self).count
      }
    }
    return count
  }

  /// An error of `kind` at `mark`.
  func error(_ kind: YAMLError.Kind, at mark: Mark) -> YAMLError {
    YAMLError(kind, at: location(of: mark))
  }

  /// An error of `kind` at the cursor.
  func error(_ kind: YAMLError.Kind) -> YAMLError {
    error(kind, at: mark)
  }

  /// The text of `bytes[start..<end]`.
  func text(from start: Int, to end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// A scalar node of this parse (the scalar is of this parse's file) at `mark`.
  func node(_ scalar: consuming Scalar, at mark: Mark) -> Node {
    Node(
      scalar: scalar, line: UInt32(clamping: mark.line),
      column: UInt32(clamping: column(of: mark)))
  }

  /// A mapping at `mark` of the entries pushed since `base`, taken off the stack.
  func mappingNode(from base: Int, at mark: Mark) -> Node {
    Node(
      entries: entryStack.popAll(from: base), file: fileName,
      line: UInt32(clamping: mark.line), column: UInt32(clamping: column(of: mark)))
  }

  /// A sequence at `mark` of the items pushed since `base`, taken off the stack.
  func sequenceNode(from base: Int, at mark: Mark) -> Node {
    Node(
      items: itemStack.popAll(from: base), file: fileName,
      line: UInt32(clamping: mark.line), column: UInt32(clamping: column(of: mark)))
  }

  /// Whether `bytes[start..<end]` holds more than `maxKeyLength` Unicode scalars.
  func isTooLongForKey(from start: Int, to end: Int) -> Bool {
    guard end - start > Parser.maxKeyLength else { return false }
    var scalars = 0
    for index in start..<end where bytes[index] & 0xC0 != 0x80 { scalars += 1 }
    return scalars > Parser.maxKeyLength
  }

  /// Counts one more enclosing collection, refusing nesting deeper than `maxDepth`.
  mutating func enterCollection(at mark: Mark) throws(YAMLError) {
    depth += 1
    if depth > Parser.maxDepth {
      throw error(.nestingTooDeep(limit: Parser.maxDepth), at: mark)
    }
  }
}

/// A saved cursor position.
struct Mark {
  var pos: Int
  var line: Int
  var lineStart: Int
}

/// What `Parser.column(of:)` learnt about the line it was last asked about: how far it is
/// ASCII, and a count of characters up to a place; the question is read-only and asked of
/// copies of the parser.
///
/// A class, so that the copies a rewind makes share what was learnt; it holds facts about the
/// input bytes, which never change during a parse, so sharing it cannot change a result.
final class ASCIIReach {
  var lineStart = -1
  var end = -1
  /// On a line with non-ASCII text: a place between two ASCII bytes, and the `Character`s
  /// from the line's start up to it.
  var countedLineStart = -1
  var countedEnd = -1
  var countedCharacters = 0
}
