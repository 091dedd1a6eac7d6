extension Command {
  /// `triage answers-schema RUNBOOK [--runbooks DIR]`: a JSON Schema of its answers files.
  static let answersSchema = Command.runbookView(
    "answers-schema",
    abstract: "Print a JSON Schema of a runbook's answers files.",
    discussion: """
      Prints a JSON Schema (draft 2020-12) that an editor or CI can use to complete and check \
      answers files for RUNBOOK: the runbook's id, the responder, and one property per question \
      (notes excepted) with its prompt as the description and the values it accepts. Unknown \
      question ids are refused.

      Save it beside your answers files, e.g. triage answers-schema RUNBOOK > answers.schema.json
      """,
    render: { runbook, _ in AnswersSchema(runbook: runbook).rendered() })
}
