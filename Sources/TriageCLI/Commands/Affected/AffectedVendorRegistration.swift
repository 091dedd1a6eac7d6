extension Command {
  /// `triage affected VENDOR [--inventory DIR] [--json]`: the vendor form only.
  ///
  /// A stand-in registration for this branch: the full `affected` command (with `--package`,
  /// `--advisory` and `--scan`) replaces it and calls `AffectedVendorCommand.run`.
  static let affected = Command(
    "affected",
    abstract: "Show what an incident at a vendor touches: credentials, data, clients, runbooks.",
    discussion: """
      VENDOR is an id, name, alias or product of the inventory (--inventory DIR, else \
      TRIAGE_INVENTORY, else ./inventory), in any letter case. Prints the credentials to \
      rotate (owner, how, last rotated), the data sets with their elements and residents by \
      jurisdiction, our role, the clients whose data it touches with their contract notice \
      clocks, the sub-processor chains and the runbooks to run; each item with the FILE:LINE \
      of the inventory it comes from. --json prints the same as triage-affected/1 JSON \
      (docs/inventory-format.md).

      Exit status: 0; 65 when the inventory has errors (a secret value among them); 66 when \
      there is no inventory or no vendor matches (with the nearest name).
      """,
    arguments: [ArgumentSpec(.vendor, help: "A vendor id, name, alias or product.")],
    options: [InventoryLocator.option, .flag(.json, help: "Print JSON (triage-affected/1).")],
    action: { invocation, context in try AffectedVendorCommand.run(invocation, context: context) })
}
