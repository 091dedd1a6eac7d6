extension Command {
  /// `triage show RUNBOOK [--json] [--runbooks DIR]`: a runbook's outline.
  static let show = Command.runbookView(
    "show",
    abstract: "Show a runbook's questions and rules.",
    discussion: """
      Prints a readable outline of RUNBOOK: its title, id, version and summary; each section \
      (with its condition) and each question, numbered in the order they are asked, with its \
      type, prompt, choices, default and condition; then the derived values, the severity and \
      decision rules, the actions (owner, due time, condition) and the notifications (to whom, \
      due time, legal basis, condition).

      RUNBOOK is a path, or an id found in the runbook folders (see 'triage runbooks'). \
      --json prints the same as triage-show/1 JSON (docs/json-output.md).
      """,
    render: { runbook, context in
      RunbookOutline(runbook: runbook).rendered(width: context.outputWidth)
    },
    renderJSON: { RunbookOutline(runbook: $0).json })
}
