import Testing

@testable import YAMLLite

/// The parser's shortcuts (word-at-a-time scans, the short-key cache, counting Latin text from
/// its bytes, packed scalars) give what the plain way gives, wherever the word boundaries fall.
@Suite("Fast paths")
struct FastPathTests {
  @Test("a control character is found at its exact column after any run of plain text")
  func controlCharacterColumn() {
    for prefix in 0..<20 {
      let bytes =
        Array("k: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: prefix) + [0x01]
        + Array(" tail\n".utf8)
      expectRefusal(bytes, .controlCharacter(1), line: 1, column: 4 + prefix)
    }
  }

  @Test("a non-ASCII character is checked wherever it falls in a word")
  func nonASCIIInWords() throws {
    for prefix in 0..<17 {
      let text = String(repeating: "a", count: prefix) + "é" + String(repeating: "b", count: 9)
      let node = try YAMLParser.parse("k: \(text)\n", file: "t.yaml")
      #expect(node[key: "k"]?.scalarText == text)
      expectRefusal(
        Array("k: \(String(repeating: "a", count: prefix))".utf8) + [0xFF, 0x0A],
        .invalidUTF8, line: 1, column: 4 + prefix)
    }
  }

  @Test("comments and block scalar lines end at \\n, \\r\\n or \\r, whatever their length")
  func lineEnds() throws {
    for length in 0..<20 {
      let words = String(repeating: "w", count: length)
      for lineBreak in ["\n", "\r\n", "\r"] {
        let yaml =
          "a: 1 # \(words)\(lineBreak)b: |\(lineBreak)  x\(words)\(lineBreak)c: 2\(lineBreak)"
        let node = try YAMLParser.parse(yaml, file: "t.yaml")
        #expect(node[key: "b"]?.scalarText == "x\(words)\n")
        #expect(node.entry(forKey: "c")?.keyLocation.line == 4)
      }
    }
  }

  @Test("short keys come back right from the cache, however alike, long or near the end")
  func keyCache() throws {
    let keys = [
      "a", "b", "ab", "ba", "id", "id2", "seven77", "eight888", "nine99999", "fifteen-chars15",
      "sixteen-chars-16", "ключ", "clé", "a b", "x", "y",
    ]
    var yaml = ""
    for round in 0..<3 {
      yaml += "- \(round):\n"
      for key in keys { yaml += "  \(key): \(round)\n" }
    }
    let rounds = try #require(try YAMLParser.parse(yaml, file: "t.yaml").items)
    for (round, item) in rounds.enumerated() {
      let entries = try #require(item.entries)
      #expect(entries.map(\.key) == ["\(round)"] + keys)
    }
    var many = ""
    for index in 0..<600 { many += "k\(index % 300)x\(index / 300): \(index)\n" }
    let mapping = try #require(try YAMLParser.parse(many, file: "t.yaml").entries)
    #expect(mapping.count == 600)
    for (index, entry) in mapping.enumerated() {
      #expect(entry.key == "k\(index % 300)x\(index / 300)")
    }
    let atEnd = try YAMLParser.parse("long-key-one: 1\nk: 2", file: "t.yaml")
    #expect(atEnd.entries?.map(\.key) == ["long-key-one", "k"])
  }

  @Test("columns on Latin, combining and other lines count characters as String does")
  func characterColumns() throws {
    let lines = [
      "clé: [données, système, x]", "ŝŷ: [ǅ, ɐ, x]", "e\u{301}: [e\u{301}e\u{301}, x]",
      "©\u{FE0F}: [a, x]", "ĥ\u{200D}ĥ: [a, x]", "日本: [語, x]",
    ]
    for line in lines {
      let node = try YAMLParser.parse(line + "\n", file: "t.yaml")
      let list = try #require(node.entries?.first?.value)
      let last = try #require(list.items?.last)
      let prefix = line[..<(line.lastIndex(of: "x") ?? line.endIndex)]
      #expect(last.location.column == prefix.count + 1, "\(line)")
    }
  }

  @Test("a scalar keeps its style through changes of text, and text through changes of style")
  func scalarStyle() {
    for style in [ScalarStyle.plain, .singleQuoted, .doubleQuoted, .literal, .folded] {
      var scalar = Scalar("text", style: style)
      #expect(scalar.style == style && scalar.text == "text")
      scalar.text = ""
      #expect(scalar.style == style && scalar.text == "")
      scalar.text = "more"
      #expect(scalar.style == style && scalar.text == "more")
      scalar.style = .folded
      #expect(scalar.style == .folded && scalar.text == "more")
    }
  }

  @Test("parsed scalars of every style keep it, and setting the style keeps the text")
  func parsedScalarStyles() throws {
    let yaml = "p: plain\ns: 'single'\nd: \"double\"\nl: |\n  lit\nf: >\n  fold\ne:\n"
    let node = try YAMLParser.parse(yaml, file: "t.yaml")
    let styles = try #require(node.entries).map { entry -> (ScalarStyle?, String?) in
      guard case .scalar(let scalar) = entry.value.content else { return (nil, nil) }
      return (scalar.style, scalar.text)
    }
    #expect(styles.map(\.0) == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded, .plain])
    #expect(styles.map(\.1) == ["plain", "single", "double", "lit\n", "fold\n", ""])
    for entry in try #require(node.entries) {
      guard case .scalar(var scalar) = entry.value.content else { continue }
      let text = scalar.text
      scalar.style = .doubleQuoted
      #expect(scalar.text == text && scalar.style == .doubleQuoted)
    }
  }

  @Test("a plain scalar ending its line is the same text as one ending at a comment")
  func plainScalarAtLineEnd() throws {
    let node = try YAMLParser.parse("a: one two  \nb: one two # c\nc: x\n", file: "t.yaml")
    #expect(node[key: "a"]?.scalarText == "one two")
    #expect(node[key: "b"]?.scalarText == "one two")
    #expect(node[key: "a"]?.content == node[key: "b"]?.content)
  }

  @Test("a block mapping's keys and the mapping sit at its column, compact or not, after any text")
  func blockMappingKeyColumns() throws {
    let yaml = "é: 1\nlist:\n  - ü: x\n    ключ: y\n  - - k: 'é'\n      l: z\nlast: 2\n"
    let node = try YAMLParser.parse(yaml, file: "t.yaml")
    #expect(node.location.column == 1)
    #expect(
      node.entry(forKey: "last")?.keyLocation == SourceLocation(file: "t.yaml", line: 7, column: 1))
    let items = try #require(node[key: "list"]?.items)
    #expect(items[0].location == SourceLocation(file: "t.yaml", line: 3, column: 5))
    #expect(items[0].entry(forKey: "ключ")?.keyLocation.column == 5)
    #expect(items[0][key: "ключ"]?.location.column == 11)
    let inner = try #require(items[1].items?[0])
    #expect(inner.location == SourceLocation(file: "t.yaml", line: 5, column: 7))
    #expect(
      inner.entry(forKey: "l")?.keyLocation == SourceLocation(file: "t.yaml", line: 6, column: 7))
    #expect(inner[key: "k"]?.location.column == 10)
  }

  @Test("collections are built whole, from one item to many")
  func collectionSizes() throws {
    for count in [1, 2, 7, 8, 9, 64, 65, 200] {
      let yaml = (0..<count).map { "k\($0): [\($0), x]\n" }.joined()
      let node = try YAMLParser.parse(yaml, file: "t.yaml")
      let entries = try #require(node.entries)
      #expect(entries.count == count)
      #expect(entries.map(\.key) == (0..<count).map { "k\($0)" })
      #expect(entries.last?.value.items?.map(\.scalarText) == ["\(count - 1)", "x"])
    }
  }

  @Test("a plain scalar stops at `: `, ` #` and a line end wherever they fall in a word")
  func plainScalarStopsAtEveryOffset() throws {
    for length in 0..<20 {
      let word = String(repeating: "w", count: length)
      for lineBreak in ["\n", "\r\n", "\r"] {
        let yaml =
          "a: x\(word) # c\(lineBreak)b: x\(word)#k:v\(lineBreak)c: x\(word)\(lineBreak)d: 1\(lineBreak)"
        let node = try YAMLParser.parse(yaml, file: "t.yaml")
        #expect(node[key: "a"]?.scalarText == "x\(word)")
        #expect(node[key: "b"]?.scalarText == "x\(word)#k:v")
        #expect(node[key: "c"]?.scalarText == "x\(word)")
        #expect(node.entry(forKey: "d")?.keyLocation.line == 4)
      }
      expectRefusal("a: x\(word): y\n", .mappingNotAllowedHere, line: 1, column: 5 + length)
    }
  }

  @Test("indentation of any width is counted exactly")
  func indentationWidths() throws {
    for width in 1..<20 {
      let spaces = String(repeating: " ", count: width)
      let yaml = "a:\n\(spaces)b: |\n\(spaces)  text\n\(spaces)c: 2\n"
      let node = try YAMLParser.parse(yaml, file: "t.yaml")
      let inner = try #require(node[key: "a"])
      #expect(inner.location.column == width + 1)
      #expect(inner[key: "b"]?.scalarText == "text\n")
      #expect(inner.entry(forKey: "c")?.keyLocation.column == width + 1)
      expectRefusal(
        "a:\n\(spaces)b: 1\n\(spaces) c: 2\n", .badIndentation, line: 3, column: width + 2)
    }
  }

  @Test("entries of one parse share a key's text, in block and flow mappings and quoted")
  func sharedKeyText() throws {
    let yaml = "- id: 1\n  when: {id: 2, \"id\": 3}\n- 'id': 4\n"
    let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(yaml, file: "t.yaml") }
    #expect(error?.kind == .duplicateKey("id", firstLine: 2))
    let node = try YAMLParser.parse("- id: 1\n  w: {id: 2}\n- 'id': 4\n", file: "t.yaml")
    let items = try #require(node.items)
    let first = try #require(items[0].entries?[0])
    let flow = try #require(items[0][key: "w"]?.entries?[0])
    let quoted = try #require(items[1].entries?[0])
    #expect(first.keyText === flow.keyText && first.keyText === quoted.keyText)
    var renamed = first
    renamed.key = "other"
    #expect(renamed.key == "other" && first.key == "id" && renamed != first)
    renamed.key = "id"
    #expect(renamed == first)
  }

  @Test("keys equal as strings are duplicates, whatever their bytes")
  func canonicallyEqualKeys() {
    expectRefusal(
      "é: 1\ne\u{301}: 2\n", .duplicateKey("e\u{301}", firstLine: 1), line: 2, column: 1)
    expectRefusal(
      "{é: 1, e\u{301}: 2}\n", .duplicateKey("e\u{301}", firstLine: 1), line: 1, column: 8)
  }

  @Test("a duplicate key is found whichever way its text was kept: cached, crowded out or long")
  func duplicatesOfEveryKind() throws {
    var yaml = ""
    for index in 0..<600 { yaml += "k\(index): \(index)\n" }
    // (key, line of the first, line of the duplicate)
    let cases = [
      ("k3", 4, 601), ("k599", 600, 601), ("a-key-of-more-than-fifteen-bytes", 601, 603),
    ]
    for (key, first, line) in cases {
      let text = yaml + "\(key): 1\nx: 2\n\(key): 3\n"
      expectRefusal(text, .duplicateKey(key, firstLine: first), line: line, column: 1)
    }
    let parsed = try #require(try YAMLParser.parse("k5: v\n", file: "t.yaml").entries?[0])
    let made = MappingEntry(
      key: "k5", keyLocation: SourceLocation(file: "t.yaml", line: 1, column: 1),
      value: Node(.scalar(Scalar("v")), at: SourceLocation(file: "t.yaml", line: 1, column: 5)))
    #expect(parsed == made)
  }
}
