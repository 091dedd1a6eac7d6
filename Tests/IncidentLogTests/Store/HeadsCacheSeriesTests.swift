import Foundation
import IncidentLog
import Testing
import TriageTestSupport

/// A long, seeded mix of appends and outside changes (pulls from a clone, deletions, renames)
/// at full speed, so that many changes fall within one tick of the file system's clock: every
/// append must name exactly the heads found by reading every file.
@Suite("Heads cache: a series of changes")
struct HeadsCacheSeriesTests {
  /// Days before 2026-04-01 of the four months used: January to April.
  static let monthOffsets = [-80, -45, -20, 0]

  @Test(
    "every append names the heads read from the files", arguments: [1, 2, 3] as [UInt64])
  func seededSeries(seed: UInt64) throws {
    let ours = try ArchiveFixture()
    defer { ours.remove() }
    try ours.appendRecord(minutes: 0, seed: seed)
    let theirs = try ArchiveFixture()
    defer { theirs.remove() }
    try FileManager.default.copyItem(atPath: ours.root, toPath: theirs.root)
    var generator = SeededGenerator(seed: seed)
    var appends = 0
    for step in 0..<80 {
      let minutes =
        Self.monthOffsets[Int(generator.next() % 4)] * 24 * 60 + step
      let kind: DocumentKind = generator.next() % 3 == 0 ? .amendment : .record
      switch generator.next() % 7 {
      case 0, 1, 2:
        let heads = try ours.store.heads().map(\.sha256)
        let stored = try ours.appendRecord(
          minutes: minutes, seed: seed * 100_000 + UInt64(step), kind: kind)
        #expect(stored.parents == heads, "step \(step)")
        appends += 1
      case 3:
        try theirs.appendRecord(minutes: minutes, seed: seed * 200_000 + UInt64(step), kind: kind)
      case 4:
        // A pull: one document theirs has and ours lacks.
        let missing = try theirs.store.locations().filter {
          !FileManager.default.fileExists(atPath: ours.store.absolute($0.path))
        }
        if let location = missing.randomElement(using: &generator) {
          try copy(location.path, from: theirs, to: ours)
        }
      case 5:
        let documents = try ours.store.locations()
        if documents.count > 4, let location = documents.randomElement(using: &generator) {
          try FileManager.default.removeItem(atPath: ours.store.absolute(location.path))
        }
      default:
        let documents = try ours.store.locations()
        if documents.count > 4, let location = documents.randomElement(using: &generator) {
          let path = ours.store.absolute(location.path)
          try FileManager.default.moveItem(atPath: path, toPath: path + ".orig-\(step)")
        }
      }
    }
    #expect(appends > 20)
    let heads = try ours.store.heads().map(\.sha256)
    let last = try ours.appendRecord(minutes: 10, seed: seed * 300_000)
    #expect(last.parents == heads)
  }

  private func copy(_ path: String, from source: ArchiveFixture, to target: ArchiveFixture)
    throws
  {
    let destination = target.store.absolute(path)
    try FileManager.default.createDirectory(
      atPath: (destination as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: source.store.absolute(path), toPath: destination)
  }
}
