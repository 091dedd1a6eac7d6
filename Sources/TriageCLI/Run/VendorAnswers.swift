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
  /// `--vendor`'s answers as a ``FirstComer``, loaded ahead while the run loads its runbook.
  ///
  /// Its value is what ``load(_:_:)`` returns or throws. Nil when `invocation` names no vendor.
  static func ahead(
    _ invocation: Invocation, _ context: CommandContext
  ) -> FirstComer<Result<VendorAnswers?, any Error>>? {
    guard invocation.value(.vendor) != nil else { return nil }
    let shared = SharedContext(context: context)
    return FirstComer { Result { try VendorAnswers.load(invocation, shared.context) } }
  }
}
