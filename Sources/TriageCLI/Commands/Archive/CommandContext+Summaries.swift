import IncidentLog

extension CommandContext {
  /// The records of `store` as summaries, through its summary index (made by this build);
  /// every document stat'ed when `invocation` has `--recheck`.
  func summaries(of store: ArchiveStore, _ invocation: Invocation) -> ArchiveSummaries {
    ArchiveSummaries(
      store: store, build: Triage.cacheBuild(self), recheck: invocation.flag(.recheck))
  }
}

extension OptionSpec {
  /// `--recheck`, for the archive subcommands that read the summary index (`list`,
  /// `follow-ups`, `due`, `stats`, `calendar`).
  static let recheck = OptionSpec.flag(
    .recheck,
    help: "Stat every record and amendment file, not only the folders changed since the "
      + "index was made: also sees a file rewritten in place (which 'archive verify' reports).")
}

extension Command {
  /// What the archive subcommands that read the summary index say about it.
  static let summaryIndexDiscussion = """
    Records are read through a summary index in .cache/summaries (rebuilt when missing or \
    damaged, never committed): a folder of records or amendments unchanged since the index \
    was made is not listed again, so files added, removed, renamed or replaced (a git pull, an \
    editor saving by rename) are seen, but a file rewritten in place in an otherwise unchanged \
    folder is not: records are append-only, and 'triage archive verify' reports such a file. \
    --recheck looks at every file, as verify does.
    """
}
