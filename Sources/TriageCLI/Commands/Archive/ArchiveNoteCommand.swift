import Foundation
import IncidentLog

extension Command {
  /// `triage archive note ID TEXT`.
  static let archiveNote = Command(
    "note",
    abstract: "Add a note to a record.",
    discussion: "Writes an amendment holding TEXT. Notes are allowed on closed records too.",
    arguments: [
      ArgumentSpec(.id, help: "The record's id, or a unique prefix of it."),
      ArgumentSpec(.text, help: "The note."),
    ],
    options: [.responder, .signKey, .archive],
    action: { invocation, context in
      let text = invocation.argument(.text) ?? ""
      guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw CommandError.emptyArgument(what: "note")
      }
      try FreeTextField.refuseSecret(in: text, field: "the note")
      return try ArchiveAmending.append(
        .note(text: text), summary: "note added.", invocation, context)
    })
}
