extension OptionSpec {
  /// `--archive DIR`: the incident log archive, for `run`, `replay` and every `archive`
  /// subcommand.
  static let archive = OptionSpec.value(
    .archive, valueName: "dir", help: "The incident log archive (default ./incident-log).")

  /// `--json`, for the archive subcommands that print JSON.
  static let json = OptionSpec.flag(.json, help: "Print JSON.")

  /// `--responder NAME`, for the archive subcommands that amend a record.
  static let responder = OptionSpec.value(
    .responder, valueName: "name", help: "Who makes the change (default $USER).")
}

extension OptionSpec {
  /// `--sign-key PATH`, for the commands that write a document or a checkpoint.
  static let signKey = OptionSpec.value(
    .signKey, valueName: "key",
    help: "Sign with this SSH private key (default TRIAGE_SIGNING_KEY, else config.yaml).")
}
