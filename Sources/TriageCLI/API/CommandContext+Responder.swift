extension CommandContext {
  /// Who is making a change: the name given, else `$USER`, else `$LOGNAME`, else `unknown`.
  ///
  /// For the archive commands; `triage run` uses ``loginName`` and asks (or refuses) instead of
  /// writing `unknown`.
  func responder(named given: String?) -> String {
    given ?? loginName ?? "unknown"
  }

  /// `$USER`, else `$LOGNAME`, when set and not empty.
  var loginName: String? {
    [environment[.user], environment[.logname]].compactMap { $0 }.first { !$0.isEmpty }
  }
}
