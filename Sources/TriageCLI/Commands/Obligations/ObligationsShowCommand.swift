import RunbookCore

extension Command {
  /// `triage obligations show ID [--json]`: one duty or obligation file in full.
  static let obligationsShow = Command(
    "show",
    abstract: "Show one duty or obligation file of the library.",
    discussion: """
      ID is a duty id (us-tx-residents) or a file id (us-tx). A duty shows whom it notifies, \
      its citation, address and review date, when it is in force, its condition, due rule (or \
      the statute's words where it sets no fixed deadline), its not-required and undetermined \
      entries, thresholds, content rules, allowed delays and draft. A file shows its sources \
      and duties.

      Exit status: 0, 65 when the library does not load, 66 when ID names nothing (with the \
      nearest id).
      """,
    arguments: [ArgumentSpec(.id, help: "A duty id or an obligation file id.")],
    options: [.flag(.json, help: "Print it as JSON."), RunbookLocator.option],
    action: ObligationsShowCommand.run)
}

/// What `triage obligations show` does.
enum ObligationsShowCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let library = try ObligationsCommand.load(invocation, context)
    let id = invocation.argument(.id) ?? ""
    let json = invocation.flag(.json)
    if let duty = library.duty(id) {
      let view = ObligationDetail(duty: duty)
      context.standardOutput.write(json ? view.json : view.rendered())
    } else if let file = library.files.first(where: { $0.id == id }) {
      let view = ObligationFileDetail(file: file)
      context.standardOutput.write(json ? view.json : view.rendered())
    } else {
      let ids = library.files.map(\.id) + library.duties.map(\.id)
      throw CommandError.unknownObligation(id, suggestion: Suggestion.nearest(to: id, in: ids))
    }
    return .success
  }
}
