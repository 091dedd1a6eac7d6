import Foundation
import IncidentLog
import TriageTestSupport

/// An archive in a temporary directory, with helpers to append sample records.
struct ArchiveFixture {
  let directory: TemporaryDirectory
  let store: ArchiveStore
  var root: String { store.root }

  init(fileSystem: any FileSystem = SystemFileSystem()) throws {
    directory = try TemporaryDirectory()
    store = ArchiveStore(root: directory.path + "/incident-log", fileSystem: fileSystem)
  }

  func remove() { directory.remove() }

  /// 2026-04-01T09:30:00Z plus `minutes`.
  static func date(minutes: Int) -> Date {
    Date(timeIntervalSince1970: 1_775_035_800 + Double(minutes) * 60)
  }

  /// A record-shaped document with a `created_at` that matches `date`.
  static func record(id: String, at date: Date, vendor: String = "Example AI") -> JSONValue {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return [
      "format": "triage-record/1",
      "id": .string(id),
      "created_at": .string(formatter.string(from: date)),
      "answers": ["vendor": .string(vendor), "our_data_exposed": false, "count": 3],
      "severity": "high",
    ]
  }

  /// Appends a record created `minutes` after the base date, with an id from `seed`.
  @discardableResult
  func appendRecord(
    minutes: Int, seed: UInt64, kind: DocumentKind = .record, vendor: String = "Example AI"
  ) throws -> StoredDocument {
    let date = Self.date(minutes: minutes)
    var generator = SeededGenerator(seed: seed)
    let id = DocumentID.generate(at: date, using: &generator)
    return try store.append(
      document: Self.record(id: id, at: date, vendor: vendor), kind: kind, id: id, createdAt: date)
  }

  func path(_ document: StoredDocument) -> String { store.absolute(document.location.path) }

  /// Waits until the file system's clock has moved on (one tick: nanoseconds on most file
  /// systems, a second or two on coarse ones), so that everything changed before the call is
  /// older than anything after it, as between two incidents.
  func waitForTheFileSystemClockToMoveOn() throws {
    let probe = directory.path + "/clock-probe"
    if try !FileManager.default.fileExists(atPath: probe) {
      try SystemFileSystem().writeNewFile([], at: probe)
    }
    let start = try SystemFileSystem().currentTime(touching: probe)
    while try SystemFileSystem().currentTime(touching: probe) <= start { usleep(1_000) }
  }

  /// Whether this file system gives a folder changed again, after its status was read, a
  /// later change time at once (Linux 6.13 and later on ext4, XFS, btrfs, tmpfs: "multigrain"
  /// times), rather than the time of the clock's last tick: three tries, all later.
  func folderTimesAreFine() throws -> Bool {
    let folder = directory.path + "/clock-folder"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let files = SystemFileSystem()
    for index in 0..<3 {
      try files.writeNewFile([], at: folder + "/a\(index)", durability: .rebuildable)
      let before = try files.status(at: folder)?.changed
      try files.writeNewFile([], at: folder + "/b\(index)", durability: .rebuildable)
      guard try files.status(at: folder)?.changed != before else { return false }
    }
    return true
  }
}
