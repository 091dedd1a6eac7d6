import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// A folder's names come back in `String` order, whether they are compared on their bytes (all
/// ASCII) or as `String`s (any other name).
@Suite("Directory listing order")
struct DirectoryOrderTests {
  let directory: TemporaryDirectory

  init() throws { directory = try TemporaryDirectory() }

  @Test(
    "contentsOfDirectory is sorted as String sorts",
    arguments: [
      [
        "us--ca.yaml", "US--NY.yaml", "eu--gdpr.yaml", "a.yaml", "a-b.yaml", "a_b.yaml", "a.b",
        "10.yaml", "9.yaml", "Z", "z", "~x", ".hidden",
      ],
      ["é.yaml", "e\u{301}x.yaml", "f.yaml", "E.yaml", "ü", "u", "日本.yaml", "a.yaml"],
    ])
  func sorted(names: [String]) throws {
    let fileSystem = SystemFileSystem()
    for name in names {
      try fileSystem.writeNewFile([1], at: directory.path + "/" + name, durability: .rebuildable)
    }
    let listed = try fileSystem.contentsOfDirectory(at: directory.path)
    #expect(listed == listed.sorted())
    #expect(listed.count == names.count)
  }
}
