import Foundation
import IncidentLog
import Testing

/// Two writers amending one record at the same moment: the check of the record's state and
/// the append happen under one hold of the archive's lock, so the second sees the first.
///
/// The race is forced, not hoped for: the file system lets the second writer run to the end
/// just before the first one takes the lock.
@Suite("Amendments racing") struct AmendmentRaceTests {
  struct Race {
    let fixture: ArchiveFixture
    let fileSystem = LockHookFileSystem()
    let record: StoredDocument

    init() throws {
      fixture = try ArchiveFixture(fileSystem: fileSystem)
      record = try fixture.store.append(
        document: ArchiveTestRecords.record(), kind: .record, id: "20260401T093000Z-00000001",
        createdAt: ArchiveTestRecords.createdAt)
    }

    /// The first writer's `change`, with a second writer making `other` just before the first
    /// takes the lock; returns the first writer's error, if any, and the second's.
    func run(
      _ change: AmendmentChange, against other: AmendmentChange
    ) -> (first: (any Error)?, second: (any Error)?) {
      let writer = AmendmentWriter(store: fixture.store)
      var second: (any Error)?
      fileSystem.beforeNextLock {
        do {
          _ = try writer.amend(
            record: "20260401T093000Z", with: other, responder: "Sam",
            now: ArchiveFixture.date(minutes: 5))
        } catch {
          second = error
        }
      }
      do {
        _ = try writer.amend(
          record: "20260401T093000Z", with: change, responder: "Kim",
          now: ArchiveFixture.date(minutes: 5))
        return (nil, second)
      } catch {
        return (error, second)
      }
    }

    func amendments() throws -> [Amendment] {
      try ArchiveReader(store: fixture.store).state(ofRecord: "20260401T093000Z").amendments
    }
  }

  static let sentAt = Date(timeIntervalSince1970: 1_775_124_000)

  @Test("of two writers marking one notification sent, the one that comes second is refused")
  func notificationSentTwice() throws {
    let race = try Race()
    defer { race.fixture.remove() }
    let sent = AmendmentChange.notificationSent(notification: "authority", sentAt: Self.sentAt)
    let (first, second) = race.run(sent, against: sent)
    #expect(second == nil)
    #expect(
      first as? AmendmentError
        == .notificationAlreadySent(
          record: "20260401T093000Z-00000001", notification: "authority", sentAt: Self.sentAt))
    #expect(try race.amendments().map(\.change) == [sent])
    let report = try race.fixture.store.verify()
    #expect(report.isIntact, "\(report.issues)")
    #expect(report.documentCount == 2)
  }

  @Test("an action settled by a writer that closed the record first is refused")
  func changeAfterClose() throws {
    let race = try Race()
    defer { race.fixture.remove() }
    let done = AmendmentChange.actionStatus(action: "rotate-keys", status: .done, note: nil)
    let (first, second) = race.run(done, against: .close(note: "Nothing left."))
    #expect(second == nil)
    #expect(
      first as? AmendmentError
        == .recordClosed(
          record: "20260401T093000Z-00000001", closedAt: ArchiveFixture.date(minutes: 5)))
    #expect(try race.amendments().map(\.change) == [.close(note: "Nothing left.")])
    #expect(try race.fixture.store.verify().isIntact)
  }

  @Test("two writers closing one record: one closure is written")
  func closedTwice() throws {
    let race = try Race()
    defer { race.fixture.remove() }
    let (first, second) = race.run(.close(note: "A"), against: .close(note: "B"))
    #expect(second == nil)
    #expect(first is AmendmentError)
    #expect(try race.amendments().map(\.change) == [.close(note: "B")])
  }

  @Test("notes never conflict: both are written, one after the other in the chain")
  func notesBothLand() throws {
    let race = try Race()
    defer { race.fixture.remove() }
    let (first, second) = race.run(.note(text: "first"), against: .note(text: "second"))
    #expect(first == nil && second == nil)
    let report = try race.fixture.store.verify()
    #expect(report.isIntact)
    #expect(report.documentCount == 3)
    #expect(report.heads.count == 1)
  }
}
