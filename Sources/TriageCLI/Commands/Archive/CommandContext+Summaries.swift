import IncidentLog

extension CommandContext {
  /// The records of `store` as summaries, through its summary index (made by this build).
  func summaries(of store: ArchiveStore) -> ArchiveSummaries {
    ArchiveSummaries(store: store, build: Triage.cacheBuild(self))
  }
}
