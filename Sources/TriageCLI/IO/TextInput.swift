/// Where a command reads typed or piped text from: standard input.
package protocol TextInput: AnyObject {
  /// Reads everything up to the end of the input.
  ///
  /// - Throws: `FileError.unreadable(path: "-", ...)` when reading fails.
  func readAll() throws(FileError) -> [UInt8]
  /// Reads up to `maxCount` bytes, or to the end of the input if it comes first; reading
  /// stops there, so a pipe from `/dev/zero` ends.
  func readAll(upTo maxCount: Int) throws(FileError) -> [UInt8]
  /// Reads one line without its line break, or nil at the end of the input.
  func readLine() -> String?
  /// Reads one line for an interactive question: the line, the end of the input, or an
  /// interruption (Ctrl-C, or the terminal hanging up) while waiting for it.
  func readAnswerLine() -> LineRead
}

/// What reading one typed line gave.
package enum LineRead: Sendable, Equatable {
  case line(String)
  case endOfInput
  case interrupted
}

extension TextInput {
  package func readAll(upTo maxCount: Int) throws(FileError) -> [UInt8] {
    Array(try readAll().prefix(maxCount))
  }

  package func readAnswerLine() -> LineRead {
    readLine().map(LineRead.line) ?? .endOfInput
  }
}
