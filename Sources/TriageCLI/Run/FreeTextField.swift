import RunbookCore

/// A free-text option or argument that goes into the archive as written: `--responder`, a note.
///
/// Answers are checked by `AnswerReader`; these fields have no question behind them, so each
/// command checks them here before anything is written.
enum FreeTextField {
  /// Refuses `text` when it looks like a live secret.
  ///
  /// - Parameter field: how the person gave it, as the message names it (`--responder`,
  ///   `--note`, `the note`).
  /// - Throws: `CommandFailure` (exit 65) naming the field and the kind of secret, never the
  ///   value.
  static func refuseSecret(in text: String?, field: String) throws(CommandFailure) {
    guard let text, let rule = SecretScanner.firstMatch(in: text) else { return }
    throw CommandFailure(message(field: field, kind: rule.name), exit: .dataError)
  }

  /// Refuses `text` longer than an answer may be (``AnswerLimit``, 64 KiB of UTF-8): a pasted
  /// log belongs in a file, not in the archive.
  ///
  /// - Throws: `CommandFailure` (exit 65) naming the field and the limit.
  static func refuseOverlong(_ text: String?, field: String) throws(CommandFailure) {
    guard let text, text.utf8.count > AnswerLimit.maximumBytes else { return }
    throw CommandFailure(
      "\(field) is \(text.utf8.count) bytes long; at most \(AnswerLimit.maximumBytes) are taken. "
        + "Nothing was written.", exit: .dataError)
  }

  /// `--note looks like a GitHub token; …`.
  static func message(field: String, kind: String) -> String {
    let advice =
      field == "--responder"
      ? "give a person's name" : "name the credential (for example 'the CI deploy key')"
    return "\(field) looks like \(kind); \(advice), never its value. Nothing was written."
  }
}
