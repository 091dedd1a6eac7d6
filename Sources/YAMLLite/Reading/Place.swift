/// A `SourceLocation` in 16 bytes: line, column and a shared reference to the file's name.
///
/// A `SourceLocation` holds its file name as a `String` (16 bytes) and its line and column as
/// `Int`s. The name is made once per parse (`FileName`) and shared, so the file travels with the
/// nodes and no process-wide table is needed. A node does not store a `Place`: it keeps its line
/// and column, and finds the file through what it holds (a scalar's `SourceText` or box, a
/// collection's reference beside its array), which makes a node 24 bytes instead of 32 and
/// spares a retain per scalar node.
struct Place: Sendable, Hashable {
  var line: UInt32
  var column: UInt32
  var file: FileName

  init(line: UInt32, column: UInt32, file: FileName) {
    self.line = line
    self.column = column
    self.file = file
  }

  init(line: Int, column: Int, file: FileName) {
    self.line = UInt32(clamping: line)
    self.column = UInt32(clamping: column)
    self.file = file
  }

  init(_ location: SourceLocation) {
    self.init(line: location.line, column: location.column, file: FileName(location.file))
  }

  var location: SourceLocation {
    SourceLocation(file: file.name, line: Int(line), column: Int(column))
  }
}

/// The name of the file one parse reads, shared by reference by every node of that parse.
///
/// A class so a node holds 8 bytes instead of a 16-byte `String`; immutable, so sharing it across
/// threads is safe. Two names are equal when their text is, whichever parse made them.
final class FileName: Sendable, Hashable {
  let name: String

  init(_ name: String) {
    self.name = name
  }

  static func == (lhs: FileName, rhs: FileName) -> Bool {
    lhs === rhs || lhs.name == rhs.name
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(name)
  }
}

/// The bytes one parse read and the name of their file, shared by reference by the scalars of that
/// parse: a scalar that is a range of the input keeps the input alive through it, and a scalar
/// node finds its file through it.
///
/// Immutable, so sharing it across threads is safe.
final class SourceText: Sendable {
  let bytes: [UInt8]
  let file: FileName

  init(_ bytes: [UInt8], file: FileName) {
    self.bytes = bytes
    self.file = file
  }

  /// No bytes and the empty file name: the source of scalars made alone, not read from a file.
  static let unnamed = SourceText([], file: FileName(""))
}
