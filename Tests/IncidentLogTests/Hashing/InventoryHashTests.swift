import IncidentLog
import RunbookCore
import Testing

@Suite struct InventoryHashTests {
  @Test func theInventoryHashIsSHA256OverPathsAndBytes() {
    let inventory = Inventory(
      folder: "inventory",
      files: [
        .init(relativePath: "vendors/b.yaml", bytes: Array("b: 1\n".utf8)),
        .init(relativePath: "a.yaml", bytes: Array("a: 1\n".utf8)),
      ])
    #expect(
      inventory.sha256 == SHA256.hexHash(Array("a.yaml\0a: 1\n\0vendors/b.yaml\0b: 1\n\0".utf8)))
    #expect(inventory.sha256.count == 64)
  }
}
