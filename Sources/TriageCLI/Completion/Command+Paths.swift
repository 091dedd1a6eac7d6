extension Command {
  /// Every command in the tree, each as its path from this one (itself first), depth first in
  /// the order help lists them: `[triage]`, `[triage, run]`, ..., `[triage, archive, list]`.
  var allPaths: [[Command]] {
    [[self]] + subcommands.flatMap { child in child.allPaths.map { [self] + $0 } }
  }

  /// What a shell offers for this command's next plain word: its subcommands, runbook ids, the
  /// shells, command names, or files.
  var positionalCompletion: PositionalCompletion {
    if !subcommands.isEmpty { return .words(subcommands.map(\.name)) }
    switch arguments.first?.name {
    case ArgumentName.runbook.rawValue?: return .runbookIDs
    case ArgumentName.shell.rawValue?: return .words(CompletionShell.allCases.map(\.rawValue))
    case ArgumentName.command.rawValue?:
      return .words(Command.root.subcommands.map(\.name))
    default: return .files
    }
  }
}

/// What a shell completes in place of a positional argument.
enum PositionalCompletion: Equatable {
  /// These words.
  case words([String])
  /// The ids `triage runbooks --ids` prints, and files (a runbook may be a path).
  case runbookIDs
  /// File names, the shell's default.
  case files
}

/// A shell `triage completion` writes a script for.
enum CompletionShell: String, CaseIterable {
  case bash
  case zsh
  case fish
}
