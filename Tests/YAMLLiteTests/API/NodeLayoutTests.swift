import Testing

@testable import YAMLLite

/// A big document holds millions of nodes, so their size is part of the design (see `Place`).
@Suite struct NodeLayoutTests {
  @Test("a place is 16 bytes: line, column and a shared reference to the file's name")
  func placeSize() {
    #expect(MemoryLayout<Place>.size == 16)
  }

  @Test("a scalar is 16 bytes, a node 24 and a mapping entry 40, as their doc comments say")
  func nodeSize() {
    #expect(MemoryLayout<Scalar>.size == 16)
    #expect(MemoryLayout<Node>.stride == 24)
    #expect(MemoryLayout<MappingEntry>.stride == 40)
  }

  @Test("nodes of one parse share one file name, and the location reads it back")
  func nodesShareTheFileName() throws {
    let root = try YAMLParser.parse(Array("a: 1\nb: [x]\n".utf8), file: "notes.yaml")
    guard case .mapping(let entries) = root.content else {
      Issue.record("expected a mapping")
      return
    }
    #expect(entries[0].value.place.file === root.place.file)
    #expect(entries[1].value.place.file === root.place.file)
    let items = try #require(entries[1].value.items)
    #expect(items[0].place.file === root.place.file)
    #expect(entries[1].keyLocation == SourceLocation(file: "notes.yaml", line: 2, column: 1))
    #expect(entries[1].value.location == SourceLocation(file: "notes.yaml", line: 2, column: 4))
  }

  @Test("a node keeps the file of its location, whatever scalar or collection it is given")
  func nodeKeepsItsFile() throws {
    let parsed = try YAMLParser.parse(
      Array("a: x\nb: \"y\\n\"\nc: |\n  z\n".utf8), file: "one.yaml")
    let here = SourceLocation(file: "two.yaml", line: 3, column: 4)
    for entry in try #require(parsed.entries) {
      var node = Node(entry.value.content, at: here)
      #expect(node.location == here)
      #expect(node.scalarText == entry.value.scalarText)
      #expect(node.content == entry.value.content)
      #expect(entry.value.location.file == "one.yaml")
      node.content = .scalar(Scalar("made", style: .singleQuoted))
      #expect(node.location == here)
      #expect(node.scalarText == "made")
      node.content = .sequence([entry.value])
      #expect(node.location == here)
      #expect(node.items?[0].location.file == "one.yaml")
      node.location = SourceLocation(file: "three.yaml", line: 1, column: 1)
      #expect(node.location.file == "three.yaml")
      #expect(node.items?[0] == entry.value)
    }
  }

  @Test("nodes are equal when their content, line, column and file name are")
  func nodeEquality() throws {
    let first = try YAMLParser.parse(Array("k: v\n".utf8), file: "a.yaml")
    let again = try YAMLParser.parse(Array("k: v\n".utf8), file: "a.yaml")
    let other = try YAMLParser.parse(Array("k: v\n".utf8), file: "b.yaml")
    let moved = try YAMLParser.parse(Array("\nk: v\n".utf8), file: "a.yaml")
    #expect(first == again)
    #expect(first != other)
    #expect(first != moved)
    #expect(first.content != moved.content)
    let made = Node(.scalar(Scalar("v")), at: SourceLocation(file: "a.yaml", line: 1, column: 4))
    #expect(made == first[key: "k"])
  }
}
