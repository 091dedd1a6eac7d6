import Foundation
import IncidentLog
import RunbookCore
import TriageSession

extension OptionName {
  /// `--vendor VENDOR` of `triage run`.
  package static let vendor = OptionName("vendor")
}

/// What `run --vendor VENDOR [--inventory DIR]` starts from: the inventory's answers about the
/// vendor (see `InventoryAnswers`).
struct VendorAnswers {
  var answers: InventoryAnswers

  /// The inventory's answers for `--vendor`, or nil without it.
  ///
  /// - Throws: `CommandFailure` (66) for no inventory folder; `VendorLookupError` for no
  ///   matching vendor (66, with "did you mean") or several (65); `DiagnosticsError` (65) when
  ///   the inventory has errors, a secret value among them.
  static func load(_ invocation: Invocation, _ context: CommandContext) throws -> VendorAnswers? {
    guard let query = invocation.value(.vendor) else { return nil }
    let locator = InventoryLocator(context)
    let (inventory, match, sha256) = try locator.loadVendor(
      query, folder: locator.folder(invocation.value(.inventory)))
    return VendorAnswers(
      answers: InventoryAnswers(
        impact: inventory.impact(of: match), organisation: inventory.organisation,
        sha256: sha256))
  }

  /// `12 answers from the inventory (moveit-cloud): …`, for standard error.
  func summary(of session: Session) -> String {
    let answered = session.trail.filter { $0.source?.kind == .inventory }.map(\.question)
    let vendor = answers.impact.vendor.id
    guard !answered.isEmpty else { return "the inventory answers no question here (\(vendor))" }
    return "\(answered.count) answer\(answered.count == 1 ? "" : "s") from the inventory "
      + "(\(vendor)): \(answered.joined(separator: ", "))"
  }
}

extension VendorAnswers {
  /// The vendor's answers, loaded by whichever comes to them first: the thread of the run's
  /// ``PreparedAppend`` (while the run loads its runbook), or the run itself in ``take()``.
  ///
  /// A new thread can take half a millisecond to be given a core on a virtual machine, longer
  /// than loading the runbook: the run then loads the answers itself rather than wait. Either
  /// way ``take()`` throws what loading threw, where the run would have loaded them itself.
  final class Ahead: @unchecked Sendable {
    private enum State {
      case waiting
      case loading
      case loaded(Result<VendorAnswers?, any Error>)
    }

    private let invocation: Invocation
    /// Read only, on the other thread: its file system, environment and folders (what
    /// ``VendorAnswers/load(_:_:)`` reads), which the run's own thread only reads meanwhile.
    private let context: CommandContext
    /// Guards ``state``.
    private let condition = NSCondition()
    private var state = State.waiting

    /// One for `invocation`; nil when it names no vendor.
    init?(_ invocation: Invocation, _ context: CommandContext) {
      guard invocation.value(.vendor) != nil else { return nil }
      self.invocation = invocation
      self.context = context
    }

    /// Loads the answers unless they are being loaded or loaded already.
    func load() {
      let isMine = condition.withLock {
        guard case .waiting = state else { return false }
        state = .loading
        return true
      }
      guard isMine else { return }
      let loaded = Result { try VendorAnswers.load(invocation, context) }
      condition.withLock {
        state = .loaded(loaded)
        condition.broadcast()
      }
    }

    /// The answers: loaded here if nobody began, else waited for.
    func take() throws -> VendorAnswers? {
      load()
      let loaded = condition.withLock {
        while true {
          if case .loaded(let result) = state { return result }
          condition.wait()
        }
      }
      return try loaded.get()
    }
  }
}
