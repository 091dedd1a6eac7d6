import Foundation
import IncidentLog
import Testing

/// `ArchiveStore.checkpoint(origin:)` and `compare(with:)`: the leaf list, linear growth, and
/// what is said when the list is altered.
@Suite struct ArchiveCheckpointTests {
  @Test func linearGrowthIsProvedAndTheLeafListKept() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    for minute in 0..<3 { try fixture.appendRecord(minutes: minute, seed: UInt64(minute)) }
    let checkpoint = try fixture.store.checkpoint(origin: fixture.store.defaultOrigin)
    #expect(checkpoint.origin == "triage/incident-log" && checkpoint.size == 3)
    let (list, state) = fixture.store.storedLeafList(for: checkpoint)
    #expect(state == .authenticated && list?.leaves.count == 3)
    try fixture.appendRecord(minutes: 10, seed: 10)
    let comparison = try fixture.store.compare(with: checkpoint)
    #expect(comparison.extends && comparison.currentSize == 4)
    #expect(comparison.consistency == .checked(proofLength: 3))
  }

  @Test func anAlteredLeafListFallsBackToThePrefix() throws {
    let fixture = try ArchiveFixture()
    defer { fixture.remove() }
    for minute in 0..<2 { try fixture.appendRecord(minutes: minute, seed: UInt64(minute)) }
    let checkpoint = try fixture.store.checkpoint(origin: "o")
    let path =
      fixture.root + "/checkpoints/"
      + LeafList.fileName(size: checkpoint.size, root: checkpoint.root)
    try FileManager.default.removeItem(atPath: path)
    try "20260401T093000Z-00000000 \(String(repeating: "0", count: 64))\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let comparison = try fixture.store.compare(with: checkpoint)
    #expect(comparison.leafList == .altered)
    #expect(comparison.extends && comparison.consistency == .checked(proofLength: 0))
    let other = Checkpoint(origin: "o", size: 2, root: MerkleTree.leafHash([9]))
    let refused = try fixture.store.compare(with: other)
    #expect(refused.leafList == .missing && !refused.extends)
  }
}
