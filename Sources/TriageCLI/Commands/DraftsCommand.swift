import Foundation
import IncidentLog
import RunbookCore

extension Command {
  /// `triage drafts list|show|delete`: the interrupted sessions kept in the archive's `drafts/`.
  static let drafts = Command(
    "drafts",
    abstract: "List, show or delete the drafts of interrupted sessions.",
    discussion: """
      An interrupted 'triage run' (Ctrl-C) saves its answers so far as a draft in the \
      archive's drafts/ folder (--archive DIR, else TRIAGE_ARCHIVE, else ./incident-log); \
      'triage run RUNBOOK --resume DRAFT' continues it and deletes it once the record is \
      written. Drafts are not records: they are outside the hash chain and out of git.

      ID is a draft's id (its file name without .json), a unique prefix of it, or a unique \
      prefix of at least 4 digits of its hex part, as for records. A prefix that names several \
      drafts lists them (exit 65); none is exit 66.
      """,
    subcommands: [.draftsList, .draftsShow, .draftsDelete])

  /// `triage drafts list [--json]`.
  static let draftsList = Command(
    "list",
    abstract: "List the drafts, oldest first.",
    discussion: """
      One line per draft: its short id (as 'archive list' shows records), when it was saved \
      (UTC), the runbook, how many answers it holds and who was answering. A file in drafts/ \
      that is not a readable draft is listed as unreadable, with why. No drafts is not an \
      error: the list is empty, and standard error says where triage looked.
      """,
    options: [.json, .archive],
    action: DraftsCommand.list)

  /// `triage drafts show ID [--json]`.
  static let draftsShow = Command(
    "show",
    abstract: "Show a draft's answers and the command that resumes it.",
    arguments: [ArgumentSpec(.id, help: "The draft's id, or a unique prefix of it.")],
    options: [.json, .archive],
    action: DraftsCommand.show)

  /// `triage drafts delete ID`.
  static let draftsDelete = Command(
    "delete",
    abstract: "Delete a draft (its answers are lost).",
    arguments: [ArgumentSpec(.id, help: "The draft's id, or a unique prefix of it.")],
    options: [.archive],
    action: DraftsCommand.delete)
}

/// What `triage drafts` does.
enum DraftsCommand {
  /// A draft file and, when it reads, its document.
  struct Entry {
    var id: String
    var path: String
    var document: Result<DraftDocument, CommandFailure>
  }

  static func list(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let folder = try draftsFolder(invocation, context)
    let entries = try drafts(in: folder, context)
    if invocation.flag(.json) {
      context.standardOutput.write(
        JSONPrettyPrinter.string(
          of: JSONValue.object([.init("drafts", .array(entries.map(json)))]).stamped(.drafts)))
    } else {
      let short = ShortRecordIDs(ids: entries.map(\.id))
      context.standardOutput.write(entries.map { line($0, short: short) + "\n" }.joined())
    }
    if entries.isEmpty && !invocation.flag(.json) {
      context.standardError.write("No drafts in \(VisibleText.line(folder)).\n")
    }
    return .success
  }

  static func show(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let folder = try draftsFolder(invocation, context)
    let entry = try locate(invocation.argument(.id) ?? "", in: folder, context)
    let draft = try entry.document.get()
    if invocation.flag(.json) {
      context.standardOutput.write(JSONPrettyPrinter.string(of: draft.jsonValue))
      return .success
    }
    var lines = [
      "Draft \(entry.id)", "Path: \(entry.path)", "Runbook: \(draft.runbookID)",
      "Saved: \(UTCTimestamp.string(from: draft.savedAt))",
      "Responder: \(draft.responder ?? "(not given)")", "", "Answers (\(draft.answers.count)):",
    ]
    for answer in draft.answers {
      lines.append("  \(answer.question): \(ReportGenerator.display(answer.answer))")
    }
    var resume = "triage run \(RunCommand.shellQuoted(draft.runbookID)) --resume "
    resume += RunCommand.shellQuoted(entry.path)
    if invocation.value(.archive) != nil {
      resume += " --archive " + RunCommand.shellQuoted(try context.archivePath(invocation))
    }
    lines += ["", "Resume with: \(resume)"]
    context.standardOutput.write(lines.map { VisibleText.line($0) + "\n" }.joined())
    return .success
  }

  static func delete(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let folder = try draftsFolder(invocation, context)
    let entry = try locate(invocation.argument(.id) ?? "", in: folder, context)
    try context.fileSystem.removeFile(at: entry.path)
    context.standardOutput.write("Deleted draft \(VisibleText.line(entry.id)).\n")
    return .success
  }

  /// `ARCHIVE/drafts`, refused when it is a symbolic link (it could lead anywhere).
  private static func draftsFolder(_ invocation: Invocation, _ context: CommandContext) throws
    -> String
  {
    let folder = try context.archivePath(invocation) + "/drafts"
    try context.fileSystem.refuseSymbolicLink(at: folder)
    return folder
  }

  /// Every `*.json` file of `folder`, sorted by name (oldest first); none when it is missing.
  static func drafts(in folder: String, _ context: CommandContext) throws -> [Entry] {
    guard context.isDirectory(folder) else { return [] }
    let names = try context.fileSystem.contentsOfDirectory(at: folder)
      .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    return names.map { name in
      let path = folder + "/" + name
      let document: Result<DraftDocument, CommandFailure>
      do {
        let bytes = try context.readInput(path, as: .draft)
        document = .success(try DraftDocument(json: JSONValue.parse(bytes)))
      } catch {
        document = .failure(
          CommandFailure(
            "\(path): not a readable draft: \(ErrorReport(for: error).message)", exit: .dataError))
      }
      return Entry(id: String(name.dropLast(".json".count)), path: path, document: document)
    }
  }

  /// The draft `prefix` names: its whole id, a prefix of it, or a prefix of at least 4 digits
  /// of its hex part.
  ///
  /// - Throws: `CommandFailure` (exit 66) for none, (exit 65) for several, listing them.
  static func locate(_ prefix: String, in folder: String, _ context: CommandContext) throws
    -> Entry
  {
    let entries = try drafts(in: folder, context)
    if let exact = entries.first(where: { $0.id == prefix }) { return exact }
    let byHex = prefix.count >= ArchiveReader.shortHexLength
    let matches = entries.filter { entry in
      !prefix.isEmpty
        && (entry.id.hasPrefix(prefix)
          || (byHex && ArchiveReader.hexPart(of: entry.id).hasPrefix(prefix)))
    }
    let shown = VisibleText.line(prefix)
    guard let only = matches.first else {
      throw CommandFailure(
        "no draft with an id starting '\(shown)' in \(VisibleText.line(folder))", exit: .noInput)
    }
    guard matches.count == 1 else {
      throw CommandFailure(
        "'\(shown)' names several drafts: \(matches.map(\.id).joined(separator: ", ")); "
          + "give more of the id", exit: .dataError)
    }
    return only
  }

  /// `SHORT  SAVED  RUNBOOK  N answers  responder`, or `SHORT  unreadable: why`.
  static func line(_ entry: Entry, short: ShortRecordIDs) -> String {
    let id = short.name(of: entry.id)
    switch entry.document {
    case .success(let draft):
      let count = draft.answers.count
      return VisibleText.line(
        "\(id)  \(UTCTimestamp.string(from: draft.savedAt))  \(draft.runbookID)  "
          + "\(count) answer\(count == 1 ? "" : "s")  \(draft.responder ?? "-")")
    case .failure(let failure):
      return VisibleText.line("\(id)  unreadable: \(failure.message)")
    }
  }

  /// `{"id", "path", "runbook", "saved_at", "responder", "answers"}`, or `{"id", "path",
  /// "error"}` for a file that is not a readable draft.
  static func json(_ entry: Entry) -> JSONValue {
    switch entry.document {
    case .success(let draft):
      return [
        "id": .string(entry.id), "path": .string(entry.path), "runbook": .string(draft.runbookID),
        "saved_at": .string(UTCTimestamp.string(from: draft.savedAt)),
        "responder": draft.responder.map(JSONValue.string) ?? .null,
        "answers": .number(Double(draft.answers.count)),
      ]
    case .failure(let failure):
      return [
        "id": .string(entry.id), "path": .string(entry.path), "error": .string(failure.message),
      ]
    }
  }
}
