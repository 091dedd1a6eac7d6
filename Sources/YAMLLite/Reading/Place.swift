import Foundation

/// A `SourceLocation` in 12 bytes: line, column and the file's number in `FileTable`.
struct Place: Sendable, Hashable {
  var line: UInt32
  var column: UInt32
  var file: UInt32

  init(line: Int, column: Int, file: UInt32) {
    self.line = UInt32(clamping: line)
    self.column = UInt32(clamping: column)
    self.file = file
  }

  init(_ location: SourceLocation) {
    self.init(
      line: location.line, column: location.column,
      file: FileTable.shared.number(for: location.file))
  }

  var location: SourceLocation {
    SourceLocation(file: FileTable.shared.name(for: file), line: Int(line), column: Int(column))
  }
}

/// The file names nodes refer to, numbered, so a node holds 4 bytes instead of a `String`.
///
/// Process-wide and append-only: a name is registered once per distinct file name (a parse
/// registers its file once), which stays small for a command-line tool. A lock makes it safe to
/// use from several threads.
final class FileTable: @unchecked Sendable {
  static let shared = FileTable()

  private let lock = NSLock()
  private var names: [String] = []
  private var numbers: [String: UInt32] = [:]

  func number(for name: String) -> UInt32 {
    lock.lock()
    defer { lock.unlock() }
    if let number = numbers[name] { return number }
    let number = UInt32(names.count)
    names.append(name)
    numbers[name] = number
    return number
  }

  func name(for number: UInt32) -> String {
    lock.lock()
    defer { lock.unlock() }
    return Int(number) < names.count ? names[Int(number)] : ""
  }
}
