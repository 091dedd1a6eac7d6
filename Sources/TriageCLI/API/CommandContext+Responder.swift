extension CommandContext {
  /// Who is answering or making a change: the name given, else `$USER`, else `unknown`.
  ///
  /// The one place this default is decided, for `triage run` and the archive commands alike.
  func responder(named given: String?) -> String {
    given ?? environment[.user] ?? "unknown"
  }
}
