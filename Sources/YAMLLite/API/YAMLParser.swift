/// Parses YAMLLite text into a `Node` tree.
///
/// YAMLLite is a strict subset of YAML 1.2: block mappings and sequences, plain, quoted and block
/// scalars, flow collections and comments, one document. Anything outside it (anchors, aliases,
/// tags, directives, several documents, complex or explicit keys, duplicate keys, tabs as
/// indentation) is refused with a `YAMLError` at its line and column, never guessed at. Every
/// scalar is a string: there is no implicit typing.
package enum YAMLParser {
  /// The deepest nesting of collections accepted; deeper input fails with `nestingTooDeep`.
  package static let maximumNestingDepth = Parser.maxDepth

  /// Parses one document.
  ///
  /// The tree shares `bytes` (scalars read in one piece are ranges of it, block scalars are
  /// folded when their text is read), so the bytes live as long as any node of the tree.
  ///
  /// - Parameters:
  ///   - bytes: the file's bytes, UTF-8 (a leading BOM is skipped).
  ///   - file: the name used in every `SourceLocation`.
  /// - Returns: the document's root node; an empty document is an empty plain scalar.
  /// - Throws: `YAMLError` at the first construct outside the subset or malformed.
  package static func parse(_ bytes: [UInt8], file: String) throws(YAMLError) -> Node {
    let result: Result<Node, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
      let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      var parser = Parser(bytes: buffer, source: bytes, file: file, start: start)
      if let problem = InputValidator.firstProblem(in: buffer, from: start) {
        let at = Mark(pos: problem.offset, line: problem.line, lineStart: problem.lineStart)
        return .failure(parser.error(problem.kind, at: at))
      }
      do throws(YAMLError) {
        return .success(try parser.parseDocument())
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  /// Parses one document from a string.
  package static func parse(_ text: String, file: String) throws(YAMLError) -> Node {
    try parse(Array(text.utf8), file: file)
  }
}
