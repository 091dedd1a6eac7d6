/// `triage affected VENDOR`: the blast radius of one vendor's incident, from the inventory.
///
/// A stub on this branch: the inventory helper writes the real one, which replaces this file at
/// merge.
enum AffectedVendorCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    throw CommandFailure(
      "affected VENDOR: not built yet (use --package or --advisory)", exit: .usage)
  }
}
