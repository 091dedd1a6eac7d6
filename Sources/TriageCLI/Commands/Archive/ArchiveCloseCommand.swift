import IncidentLog

extension Command {
  /// `triage archive close ID [--note TEXT]`.
  static let archiveClose = Command(
    "close",
    abstract: "Close a record: nothing is left to follow up.",
    discussion: """
      Writes a close amendment. A closed record's open actions and notifications leave \
      'triage archive follow-ups', and they can no longer be amended (notes still can). \
      Closing a closed record is refused (exit 65).
      """,
    arguments: [ArgumentSpec(.id, help: "The record's id, or a unique prefix of it.")],
    options: [
      .value(.note, valueName: "text", help: "Why it is closed."),
      .responder, .signKey, .archive,
    ],
    action: { invocation, context in
      try FreeTextField.refuseSecret(in: invocation.value(.note), field: "--note")
      return try ArchiveAmending.append(
        .close(note: invocation.value(.note)), summary: "closed.", invocation, context)
    })
}
