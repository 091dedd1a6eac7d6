import Foundation
import IncidentLog
import Testing
import TriageCLI

/// What the responder reviewed is what is written: the outcomes are evaluated once, at the
/// review, and the record uses them even when the clock has moved on by the time it is written.
@Suite("Run: the review is what is written")
struct RunReviewTests {
  /// A clock that moves on by one hour each time it is read.
  final class MovingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var reads = 0
    let start = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z

    func now() -> Date {
      lock.lock()
      defer { lock.unlock() }
      reads += 1
      return start + Double(reads - 1) * 3600
    }
  }

  @Test("due times and creation time are the review's, though the clock moved before writing")
  func reviewedOutcomesAreWritten() throws {
    let archive = FileManager.default.temporaryDirectory.path + "/triage-review-\(UUID())"
    defer { try? FileManager.default.removeItem(atPath: archive) }
    let clock = MovingClock()
    var context = CommandContext.testing(
      standardInput: "Acme\nsaas\nyes\n20\ny\n",
      files: ["/w/mini.yaml": SampleRunbooks.mini],
      terminal: TerminalTraits(
        isInputTerminal: true, isOutputTerminal: false, isErrorTerminal: false))
    context.now = { clock.now() }
    let exit = Triage.main(
      ["run", "mini.yaml", "--archive", archive, "--responder", "Dana", "--json"],
      context: context)
    #expect(exit == .success, "\(context.capturedError)")

    // Four answers read the clock at 08:00 to 11:00; the review reads it at 12:00.
    let review = context.capturedError
    #expect(review.contains("    - Rotate keys (security lead, due 2027-01-16T12:00:00Z)\n"))
    #expect(review.contains("    - clients (due 2027-01-18T12:00:00Z)\n"))

    let record = try IncidentRecord(json: JSONValue.parse(context.capturedOutput))
    #expect(record.createdAt == clock.start + 4 * 3600)  // 2027-01-15T12:00:00Z
    #expect(record.id.hasPrefix("20270115T120000Z-"))
    #expect(record.actions?.map(\.due) == [.at(clock.start + 28 * 3600)])
    #expect(record.notifications?.map(\.due) == [.at(clock.start + 76 * 3600)])
    #expect(record.responder == "Dana")
    #expect(record.mode == .interactive)
  }
}
