import IncidentLog

extension Command {
  /// `triage archive attach ID FILE [--note TEXT]`.
  static let archiveAttach = Command(
    "attach",
    abstract: "Keep a file (a vendor's notice, a log export) as evidence of a record.",
    discussion: """
      Copies FILE into the archive under its SHA-256, evidence/sha256/XX/HASH (owner-only, \
      written whole or not at all, never overwritten; the same bytes are kept once however \
      often they are attached), then writes an amendment of type evidence naming the hash, the \
      size, the file's base name, its media type (by extension) and the note. The amendment is \
      hash-chained like every other, so 'triage archive verify' finds a kept file that was \
      changed or deleted. 'triage archive show' lists the evidence.

      Files over 25 MiB are refused. A text file (valid UTF-8) holding something that looks \
      like a live secret is refused with the line and column (the value is never shown): \
      redact it first. Other files (PDF, images) are not scanned, and the output says so. \
      Control, bidi and zero-width characters in the name are replaced by _. Evidence may be \
      attached to a closed record.
      """,
    arguments: [
      ArgumentSpec(.id, help: "The record's id, or a unique prefix of it."),
      ArgumentSpec(.file, help: "The file to keep."),
    ],
    options: [
      .value(.note, valueName: "text", help: "What the file is (where it came from, when)."),
      .responder, .signKey, .archive,
    ],
    action: ArchiveAttachCommand.run)
}

/// What `triage archive attach` does.
enum ArchiveAttachCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let note = invocation.value(.note)
    try FreeTextField.refuseSecret(in: note, field: "--note")
    try FreeTextField.refuseOverlong(note, field: "--note")
    let responder = invocation.value(.responder)
    try FreeTextField.refuseSecret(in: responder, field: "--responder")
    let store = try context.existingArchive(invocation)
    let path = invocation.argument(.file) ?? ""
    let bytes = try context.readInput(path, as: .evidence)
    let result = try EvidenceAttacher(store: store).attach(
      bytes, name: path == "-" ? "standard-input" : path, note: note,
      record: invocation.argument(.id) ?? "", responder: context.responder(named: responder),
      now: context.now())
    let file = result.file
    let kept = result.isNewFile ? "Kept" : "Already kept (the same bytes; not copied again)"
    context.standardOutput.write(
      "Record \(result.amendment.record): evidence \(file.name) attached "
        + "(\(file.size) bytes, \(file.mediaType), sha256 \(file.shortSHA256)).\n"
        + "\(kept): \(store.absolute(result.path))\n"
        + "Wrote \(store.absolute(result.stored.location.path))\n")
    if String(validating: bytes, as: UTF8.self) == nil {
      context.standardOutput.write(
        "Not scanned for secrets: not UTF-8 text (a PDF or an image); check it by hand.\n")
    }
    // The amendment is signed like any other; the evidence file is covered by its SHA-256 there.
    return context.signIfConfigured(result.stored.location, in: store, invocation)
      ? .success : .failure
  }
}
