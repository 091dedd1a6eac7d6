import IncidentLog

/// The name to print in a command the user is told to type (`Resume with: …`, `See '… --help'`):
/// the one that works in the shell the program was started from.
///
/// - A binary under a `.build/` folder was started by `swift run` (or by its path there):
///   `swift run triage`.
/// - A bare name, or a path to a folder on `PATH`: `triage`.
/// - Otherwise the path as typed (`./triage`, `/opt/triage/bin/triage`).
package enum ProgramName {
  /// The name used when nothing is known (tests in-process, no `argv[0]`).
  package static let plain = "triage"

  /// The name to show for a program started as `argumentZero`, with `path` the `PATH` variable.
  package static func shown(argumentZero: String, path: String?) -> String {
    guard !argumentZero.isEmpty else { return plain }
    let components = argumentZero.split(separator: "/", omittingEmptySubsequences: false)
    if components.dropLast().contains(".build") { return "swift run triage" }
    guard argumentZero.contains("/") else { return argumentZero }
    let folder = components.dropLast().joined(separator: "/")
    let name = String(components.last ?? "")
    let folders = (path ?? "").split(separator: ":").map { entry in
      entry.hasSuffix("/") && entry.count > 1 ? String(entry.dropLast()) : String(entry)
    }
    if !name.isEmpty && folders.contains(folder) { return name }
    return shellQuoted(argumentZero)
  }

  /// `word` as one shell word: as is when it is safe, else in single quotes.
  package static func shellQuoted(_ word: String) -> String {
    let safe =
      !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "/._-:+=@".contains($0) }
    return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

extension CommandContext {
  /// How times are shown to the person.
  ///
  /// UTC with the local time (`TZ`, else the system zone) beside it. Records and JSON stay UTC.
  package var localTime: LocalTime { LocalTime.from(tz: environment[.timeZone]) }

  /// A command to suggest, with the program's name as it was started: `command("run x")` is
  /// `swift run triage run x` under `swift run`, `triage run x` once installed.
  package func command(_ words: String) -> String {
    words.isEmpty ? programName : programName + " " + words
  }
}
