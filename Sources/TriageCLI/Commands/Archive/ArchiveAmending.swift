import IncidentLog

/// Appends one amendment for `archive amend`, `archive note` and `archive close`, and says
/// what was written.
///
/// `--responder` is refused here (exit 65) when it looks like a secret; each command checks its
/// own note before calling.
enum ArchiveAmending {
  /// Appends `change` to the record named by the `id` argument, as the `--responder` (else
  /// `$USER`), and prints `summary` with the amendment's path.
  ///
  /// `approvedBy` (`archive amend --approved-by`) is kept as the amendment's `approved_by`.
  static func append(
    _ change: AmendmentChange, summary: String, _ invocation: Invocation,
    _ context: CommandContext, approvedBy: String? = nil
  ) throws -> TriageExit {
    let responder = invocation.value(.responder)
    try FreeTextField.refuseSecret(in: responder, field: "--responder")
    try FreeTextField.refuseSecret(in: approvedBy, field: "--approved-by")
    try FreeTextField.refuseOverlong(approvedBy, field: "--approved-by")
    let store = try context.existingArchive(invocation)
    let result = try AmendmentWriter(store: store).amend(
      record: invocation.argument(.id) ?? "", with: change,
      responder: context.responder(named: responder), now: context.now(),
      approvedBy: approvedBy)
    let approval = approvedBy.map { " Approved by \($0)." } ?? ""
    context.standardOutput.write(
      "Record \(result.amendment.record): \(summary)\(approval)\n"
        + "Wrote \(store.absolute(result.stored.location.path))\n")
    return context.signIfConfigured(result.stored.location, in: store, invocation)
      ? .success : .failure
  }
}
