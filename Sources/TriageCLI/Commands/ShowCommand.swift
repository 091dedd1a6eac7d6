extension Command {
  /// `triage show RUNBOOK [--runbooks DIR]`: a runbook's outline.
  static let show = Command(
    "show",
    abstract: "Show a runbook's questions and rules.",
    discussion: """
      Prints a readable outline of RUNBOOK: its title, id, version and summary; each section \
      (with its condition) and each question, numbered in the order they are asked, with its \
      type, prompt, choices, default and condition; then the derived values, the severity and \
      decision rules, the actions (owner, due time, condition) and the notifications (to whom, \
      due time, legal basis, condition).

      RUNBOOK is a path, or an id found in the runbook folders (see 'triage runbooks').
      """,
    arguments: [ArgumentSpec(.runbook, help: "A runbook path or id.")],
    options: [RunbookLocator.option],
    action: ShowCommand.run)
}

/// What `triage show` does.
enum ShowCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let loaded = try RunbookLocator(context, invocation).load(invocation.argument(.runbook) ?? "")
    let outline = RunbookOutline(runbook: loaded.runbook)
    context.standardOutput.write(outline.rendered(width: context.outputWidth))
    return .success
  }
}
