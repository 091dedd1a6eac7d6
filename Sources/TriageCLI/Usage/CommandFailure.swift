/// A one-off failure a command describes itself, with the exit status it calls for.
///
/// Only for mistakes that belong to one command and recur nowhere else; anything that recurs is
/// a case of `CommandError`, worded by `ErrorReport`.
///
///     throw CommandFailure("give --format jsonl, csv or md", exit: .usage)
package struct CommandFailure: Error, Equatable {
  package var message: String
  package var exit: TriageExit

  package init(_ message: String, exit: TriageExit = .failure) {
    self.message = message
    self.exit = exit
  }
}
