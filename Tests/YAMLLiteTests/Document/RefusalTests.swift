import Testing
import YAMLLite

@Suite("Refusals: exact kind, line and column")
struct RefusalTests {
  static let outsideSubset: [RefusalCase] = [
    RefusalCase("anchor", "a: &x 1\n", .anchorNotSupported, line: 1, column: 4),
    RefusalCase("alias", "a: 1\nb: *x\n", .aliasNotSupported, line: 2, column: 4),
    RefusalCase("tag", "a: !!str 1\n", .tagNotSupported, line: 1, column: 4),
    RefusalCase("tag in flow", "[a, !t b]\n", .tagNotSupported, line: 1, column: 5),
    RefusalCase("anchor on a key", "&k a: 1\n", .anchorNotSupported, line: 1, column: 1),
    RefusalCase("directive", "%YAML 1.2\n---\na: 1\n", .directiveNotSupported, line: 1, column: 1),
    RefusalCase("second document", "a: 1\n---\nb: 2\n", .multipleDocuments, line: 2, column: 1),
    RefusalCase(
      "content after end marker", "a: 1\n...\nb: 2\n", .multipleDocuments,
      line: 3, column: 1),
    RefusalCase("explicit key", "? a\n: b\n", .explicitKey, line: 1, column: 1),
    RefusalCase("explicit key in a sequence", "- ? a\n", .explicitKey, line: 1, column: 3),
    RefusalCase("empty key", "a: 1\n: b\n", .emptyKey, line: 2, column: 1),
    RefusalCase("flow sequence as key", "[a]: b\n", .complexKey, line: 1, column: 1),
    RefusalCase("flow mapping as key in flow", "{[a]: b}\n", .complexKey, line: 1, column: 2),
    RefusalCase(
      "duplicate key", "a: 1\nb: 2\na: 3\n", .duplicateKey("a", firstLine: 1),
      line: 3, column: 1),
    RefusalCase(
      "duplicate key spelled differently", "'a': 1\n\"\\x61\": 2\n",
      .duplicateKey("a", firstLine: 1), line: 2, column: 1),
    RefusalCase(
      "duplicate key in flow", "{a: 1, b: 2, a: 3}\n", .duplicateKey("a", firstLine: 1),
      line: 1, column: 14),
  ]

  static let malformed: [RefusalCase] = [
    RefusalCase("tab as indentation", "a:\n\tb: 1\n", .tabIndentation, line: 2, column: 1),
    RefusalCase(
      "tab before a sequence entry", "a:\n  - x\n\t- y\n", .tabIndentation,
      line: 3, column: 1),
    RefusalCase(
      "tab between dash and compact mapping", "-\ta: 1\n", .tabIndentation,
      line: 1, column: 2),
    RefusalCase(
      "tab-only line in a block scalar", "a: |\n\t\nb: 1\n", .tabIndentation,
      line: 2, column: 1),
    RefusalCase("over-indented key", "a: 1\n  b: 2\n", .badIndentation, line: 2, column: 3),
    RefusalCase(
      "under-indented key", "a:\n    b: 1\n  c: 2\n", .badIndentation,
      line: 3, column: 3),
    RefusalCase(
      "quoted continuation not indented", "a: \"x\ny\"\n", .continuationNotIndented,
      line: 2, column: 1),
    RefusalCase(
      "value where a key must be", "a: 1\njust text\n", .expectedKey,
      line: 2, column: 1),
    RefusalCase(
      "sequence entry where a key must be", "a: 1\n- b\n", .expectedKey,
      line: 2, column: 1),
    RefusalCase(
      "key where an entry must be", "- a\nb: c\n", .expectedSequenceEntry,
      line: 2, column: 1),
    RefusalCase(
      "mapping on a key's line", "a: b: c\n", .mappingNotAllowedHere,
      line: 1, column: 5),
    RefusalCase(
      "sequence on a key's line", "a: - b\n", .sequenceNotAllowedHere,
      line: 1, column: 4),
    RefusalCase("multi-line plain key", "a\nb: c\n", .multilineKey, line: 1, column: 1),
    RefusalCase(
      "text after a quoted value", "a: \"b\" c\n", .trailingContent("c"),
      line: 1, column: 8),
    RefusalCase(
      "comment without space after a quote", "a: 'b'#c\n", .trailingContent("#"),
      line: 1, column: 7),
    RefusalCase(
      "unterminated double quote", "a: \"b\nc: d\n", .unterminatedQuote,
      line: 1, column: 4),
    RefusalCase("unterminated single quote", "a: 'b", .unterminatedQuote, line: 1, column: 4),
    RefusalCase("bad escape", #"a: "x\qy""# + "\n", .invalidEscape, line: 1, column: 6),
    RefusalCase("short hex escape", #"a: "\x4""# + "\n", .invalidEscape, line: 1, column: 5),
    RefusalCase("surrogate escape", #"a: "\uD800""# + "\n", .invalidEscape, line: 1, column: 5),
    RefusalCase(
      "document marker in quotes", "\"a\n---\nb\"\n", .documentMarkerInScalar,
      line: 2, column: 1),
    RefusalCase(
      "bad block scalar header", "a: |x\n  y\n", .invalidBlockScalarHeader,
      line: 1, column: 5),
    RefusalCase(
      "zero indentation indicator", "a: |0\n  y\n", .invalidBlockScalarHeader,
      line: 1, column: 5),
    RefusalCase(
      "over-indented leading empty line", "a: |\n     \n  x\n",
      .blockScalarLeadingSpaces, line: 2, column: 6),
    RefusalCase(
      "block scalar text at the end without a line break", "a: |\n  x\n  y",
      .blockScalarWithoutFinalLineBreak, line: 3, column: 4),
    RefusalCase(
      "indicator at the root", "--- |1\n x\n", .blockScalarIndicatorAtRoot,
      line: 2, column: 1),
    RefusalCase(
      "unterminated flow", "a: [b, c\n", .unterminatedFlowCollection,
      line: 1, column: 4),
    RefusalCase("missing comma", "[\"a\" b]\n", .expectedFlowSeparator("]"), line: 1, column: 6),
    RefusalCase(
      "closing bracket not indented", "a: [b,\n  c\n]\n", .continuationNotIndented,
      line: 3, column: 1),
    RefusalCase("double comma", "[a, , b]\n", .emptyFlowEntry, line: 1, column: 5),
    RefusalCase("block entry in flow", "[- a]\n", .blockCollectionInFlow, line: 1, column: 2),
    RefusalCase(
      "flow line not indented", "a: [b,\nc]\n", .continuationNotIndented, line: 2, column: 1),
    RefusalCase("reserved indicator", "a: @b\n", .unexpectedCharacter("@"), line: 1, column: 4),
    RefusalCase(
      "key too long", String(repeating: "k", count: 1025) + ": v\n",
      .keyTooLong(limit: 1024), line: 1, column: 1),
  ]

  @Test(arguments: outsideSubset)
  func refusesOutsideSubset(_ row: RefusalCase) {
    expectRefusal(row.yaml, row.kind, line: row.line, column: row.column)
  }

  @Test(arguments: malformed)
  func refusesMalformed(_ row: RefusalCase) {
    expectRefusal(row.yaml, row.kind, line: row.line, column: row.column)
  }

  @Test func keyLengthCountsCharactersNotBytes() throws {
    let key = String(repeating: "ж", count: 1024)
    let node = try YAMLParser.parse(key + ": v\n", file: "t.yaml")
    #expect(node.entries?.first?.key == key)
    expectRefusal(key + "ж: v\n", .keyTooLong(limit: 1024), line: 1, column: 1)
  }

  @Test func refusesNestingDeeperThanTheLimit() {
    let depth = YAMLParser.maximumNestingDepth
    expectRefusal(
      String(repeating: "- ", count: depth + 1) + "x\n", .nestingTooDeep(limit: depth),
      line: 1, column: 2 * depth + 1)
    expectRefusal(
      String(repeating: "[", count: depth + 1), .nestingTooDeep(limit: depth),
      line: 1, column: depth + 1)
  }

  @Test func refusesBadBytes() {
    expectRefusal([0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A], .invalidUTF8, line: 1, column: 4)
    expectRefusal(Array("a: 1\nb: x".utf8) + [0] + [0x0A], .nulByte, line: 2, column: 5)
    expectRefusal(Array("a: \u{7}\n".utf8), .controlCharacter(7), line: 1, column: 4)
    expectRefusal(Array("a: é".utf8) + [0xED, 0xA0, 0x80], .invalidUTF8, line: 1, column: 5)
    expectRefusal(Array("a: x\u{FEFF}\n".utf8), .byteOrderMarkInside, line: 1, column: 5)
    expectRefusal(Array("# ü\na: x\u{2028}y\n".utf8), .unicodeLineBreak(0x2028), line: 2, column: 5)
    expectRefusal(Array("a: \"\u{85}\"\n".utf8), .unicodeLineBreak(0x85), line: 1, column: 5)
  }

  @Test func duplicateKeyMessageNamesBothLines() throws {
    let error = try #require(throws: YAMLError.self) {
      try YAMLParser.parse("a: 1\nb: 2\na: 3\n", file: "runbook.yaml")
    }
    #expect(
      error.description
        == "runbook.yaml:3:1: duplicate key \"a\": first defined on line 1; keys must be unique")
  }
}
