import Foundation
import IncidentLog

extension Command {
  /// `triage archive assign ID ITEM PERSON`.
  static let archiveAssign = Command(
    "assign",
    abstract: "Make a person the owner of an action or notification of a record.",
    discussion: """
      Writes an amendment (type assign) naming the record, the item and its new owner. \
      'triage archive follow-ups' and 'triage archive show' then show that owner. An item the \
      record does not have is refused with the nearest id (exit 65).
      """,
    arguments: [
      ArgumentSpec(.id, help: "The record's id, or a unique prefix of it."),
      ArgumentSpec(.item, help: "The action or notification."),
      ArgumentSpec(.person, help: "Who owns it from now on."),
    ],
    options: [.responder, .signKey, .archive],
    action: { invocation, context in
      let item = invocation.argument(.item) ?? ""
      let person = invocation.argument(.person) ?? ""
      guard !person.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw CommandError.emptyArgument(what: "person")
      }
      try FreeTextField.refuseSecret(in: person, field: "the person")
      try FreeTextField.refuseOverlong(person, field: "the person")
      return try ArchiveAmending.append(
        .assign(item: item, owner: person), summary: "\(item) assigned to \(person).",
        invocation, context)
    })
}
