import RunbookCore

extension Command {
  /// `triage completion bash|zsh|fish`: a shell completion script, generated from the commands.
  static let completion = Command(
    "completion",
    abstract: "Print a shell completion script (bash, zsh or fish).",
    discussion: """
      Completes commands, subcommands, options, the fixed values of options (graph --format \
      dot) and runbook ids (from triage runbooks --ids). Install it once:

        bash: triage completion bash > ~/.local/share/bash-completion/completions/triage
        zsh:  echo 'source <(triage completion zsh)' >> ~/.zshrc
        fish: triage completion fish > ~/.config/fish/completions/triage.fish
      """,
    arguments: [ArgumentSpec(.shell, help: "bash, zsh or fish.")],
    action: CompletionCommand.run)
}

/// What `triage completion` does.
enum CompletionCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let name = invocation.argument(.shell) ?? ""
    guard let shell = CompletionShell(rawValue: name) else {
      throw CommandError.unknownValue(
        what: "shell", value: name, allowed: CompletionShell.allCases.map(\.rawValue))
    }
    context.standardOutput.write(script(for: shell))
    return .success
  }

  /// The completion script for `shell`.
  static func script(for shell: CompletionShell) -> String {
    switch shell {
    case .bash: return BashCompletionGenerator(root: .root).rendered()
    case .zsh: return ZshCompletionGenerator(root: .root).rendered()
    case .fish: return FishCompletionGenerator(root: .root).rendered()
    }
  }
}
