extension Command {
  /// The `triage` command itself: the registry of every command, in the order help lists them.
  ///
  /// To add a command, declare `static let name = Command(...)` in `Commands/` and list it here.
  package static let root = Command(
    "triage",
    abstract: "Walk through a runbook for a third-party security incident and keep the record.",
    discussion: """
      A vendor, SaaS, AI tool or dependency you rely on has a security incident. triage asks \
      the runbook's questions and answers three: does this change our threat model, which \
      credentials must be rotated by when, and whom must we notify by when, with what words.

      Limits: a runbook, answers file, draft or scenario may be 4 MiB, a record 16 MiB, one \
      answer 64 KiB; past them triage exits 65 (see README.md, Limits).
      """,
    options: [.flag(.version, help: "Show the version.")],
    subcommands: [
      .run, .lint, .test, .replay, .archive, .drafts, .show, .graph, .answersTemplate,
      .answersSchema, .runbooks, .obligations, .inventory, .affected, .parse, .completion, .help,
    ])
}
