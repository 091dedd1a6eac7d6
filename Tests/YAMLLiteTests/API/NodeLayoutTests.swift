import Testing

@testable import YAMLLite

/// A big document holds millions of nodes, so their size is part of the design (see `Place`).
@Suite struct NodeLayoutTests {
  @Test("a place is 16 bytes: line, column and a shared reference to the file's name")
  func placeSize() {
    #expect(MemoryLayout<Place>.size == 16)
  }

  @Test("a scalar is 16 bytes, a node 32 and a mapping entry 56, as their doc comments say")
  func nodeSize() {
    #expect(MemoryLayout<Scalar>.size == 16)
    #expect(MemoryLayout<Node>.stride == 32)
    #expect(MemoryLayout<MappingEntry>.stride == 56)
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
    #expect(entries[1].keyLocation == SourceLocation(file: "notes.yaml", line: 2, column: 1))
    #expect(entries[1].value.location == SourceLocation(file: "notes.yaml", line: 2, column: 4))
  }
}
