import TriageCLI

/// A `TextInput` with fixed contents, for tests.
package final class ScriptedInput: TextInput {
  private var remaining: [UInt8]

  package init(_ text: String) {
    remaining = Array(text.utf8)
  }

  package func readAll() throws(FileError) -> [UInt8] {
    defer { remaining = [] }
    return remaining
  }

  /// A line holding only Ctrl-C (`\u{3}`) stands for an interruption, so that in-process tests
  /// can interrupt a session the way a person does.
  package func readAnswerLine() -> LineRead {
    guard let line = readLine() else { return .endOfInput }
    return line == "\u{3}" ? .interrupted : .line(line)
  }

  package func readLine() -> String? {
    guard !remaining.isEmpty else { return nil }
    let end = remaining.firstIndex(of: UInt8(ascii: "\n")) ?? remaining.endIndex
    let line = String(decoding: remaining[..<end], as: UTF8.self)
    remaining = Array(remaining[min(end + 1, remaining.endIndex)...])
    return line
  }
}
