import Foundation
import RunbookCore

extension Command {
  /// `triage obligations [--jurisdiction CODE] [--json]`: the duties of the obligations library.
  static let obligations = Command(
    "obligations",
    abstract: "List the duties of the obligations library.",
    discussion: """
      Lists every duty of the obligations library (obligations/ in the runbook folders: \
      --runbooks DIR, TRIAGE_RUNBOOKS, ./Runbooks, the installed runbooks): its id, \
      jurisdiction, the date its law was reviewed, its citation and title. --jurisdiction CODE \
      keeps the duties of that jurisdiction and those under it (US lists US and US-TX).

      'triage obligations show ID' prints one duty, or one obligation file, in full.

      Exit status: 0, 65 when the library does not load, 66 when there is none.
      """,
    options: [
      .value(
        .jurisdiction, valueName: "code",
        help: "Only this jurisdiction and those under it (US-TX, US, EU, ANY)."),
      .flag(.json, help: "Print the list as JSON."),
      RunbookLocator.option,
    ],
    subcommands: [.obligationsShow],
    action: ObligationsCommand.run)
}

/// What `triage obligations` does.
enum ObligationsCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let library = try load(invocation, context)
    var duties = library.duties
    if let code = invocation.value(.jurisdiction) {
      let code = code.uppercased()
      guard ResidentCounts.isJurisdictionCode(code) else {
        throw CommandError.unknownValue(
          what: "jurisdiction", value: code, allowed: ["an ISO 3166 code (US-TX, DE)", "EU", "ANY"])
      }
      duties = duties.filter { ResidentCounts.code($0.jurisdiction, isWithin: code) }
    }
    let list = ObligationList(duties: duties)
    context.standardOutput.write(invocation.flag(.json) ? list.json : list.rendered())
    return .success
  }

  /// The whole library, from the first runbook folder that has one.
  ///
  /// - Throws: `CommandError.noObligationsLibrary`, or `DiagnosticsError` when it does not load.
  static func load(_ invocation: Invocation, _ context: CommandContext) throws
    -> ObligationLibrary
  {
    let locator = RunbookLocator(context, invocation)
    guard let folder = locator.obligationsFolder(near: nil) else {
      throw CommandError.noObligationsLibrary(
        searched: locator.library.folders.map {
          ($0 as NSString).appendingPathComponent(ObligationLibrary.folderName)
        })
    }
    let (library, diagnostics) = ObligationLibrary.load(
      folder: folder, fileSystem: context.fileSystem)
    guard let library else { throw DiagnosticsError(diagnostics.filter { $0.severity == .error }) }
    return library
  }
}
