/// The long name of an option (`json` for `--json`), as a value only this file makes.
///
/// Commands declare their options (`OptionSpec.flag(.json, ...)`) and read them back
/// (`invocation.flag(.json)`) by these static members, so a misspelt name fails to compile
/// instead of reading an option that never exists.
package struct OptionName: Sendable, Hashable, CustomStringConvertible {
  /// The name without dashes, as typed after `--`.
  package let rawValue: String

  /// A name for an option declared outside the list below (tests declare their own).
  package init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  package var description: String { rawValue }
}

extension OptionName {
  package static let action = OptionName("action")
  package static let answers = OptionName("answers")
  package static let approvedBy = OptionName("approved-by")
  package static let archive = OptionName("archive")
  package static let because = OptionName("because")
  package static let checkpoint = OptionName("checkpoint")
  package static let coverage = OptionName("coverage")
  package static let dryRun = OptionName("dry-run")
  package static let dueBefore = OptionName("due-before")
  package static let format = OptionName("format")
  package static let help = OptionName("help")
  package static let ids = OptionName("ids")
  package static let includeRed = OptionName("include-red")
  package static let json = OptionName("json")
  package static let jurisdiction = OptionName("jurisdiction")
  package static let kind = OptionName("kind")
  package static let man = OptionName("man")
  package static let noColor = OptionName("no-color")
  package static let notRequired = OptionName("not-required")
  package static let note = OptionName("note")
  package static let notification = OptionName("notification")
  package static let output = OptionName("output")
  package static let overdue = OptionName("overdue")
  package static let owner = OptionName("owner")
  package static let quiet = OptionName("quiet")
  package static let recheck = OptionName("recheck")
  package static let record = OptionName("record")
  package static let requireSignatures = OptionName("require-signatures")
  package static let responder = OptionName("responder")
  package static let resume = OptionName("resume")
  package static let revises = OptionName("revises")
  package static let rows = OptionName("rows")
  package static let runbook = OptionName("runbook")
  package static let runbooks = OptionName("runbooks")
  package static let sent = OptionName("sent")
  package static let severity = OptionName("severity")
  package static let signKey = OptionName("sign-key")
  package static let since = OptionName("since")
  package static let status = OptionName("status")
  package static let skipUnreadable = OptionName("skip-unreadable")
  package static let strict = OptionName("strict")
  package static let strictCoverage = OptionName("strict-coverage")
  package static let tlp = OptionName("tlp")
  package static let until = OptionName("until")
  package static let version = OptionName("version")
  package static let within = OptionName("within")
}
