extension Command {
  /// `triage answers-template RUNBOOK [--runbooks DIR]`: an answers file to fill in.
  static let answersTemplate = Command.runbookView(
    "answers-template",
    abstract: "Print an answers file to fill in for a runbook.",
    discussion: """
      Prints an answers file for RUNBOOK with every question, in the order asked, as 'id: ' \
      (empty, or its default), each preceded by comments: its prompt, type, whether it is \
      required, its choices (id — label), bounds or pattern, and when it is asked. Sections are \
      comment headers.

      Fill it in and give it to 'triage run RUNBOOK --answers FILE'. An empty answer takes the \
      question's default, or is skipped when the question is optional.
      """,
    render: { runbook, context in
      AnswersTemplate(runbook: runbook, program: context.programName).rendered()
    })
}
