/// The one-line synopsis of a command, shown in its help and under every usage error.
///
///     triage parse <file> [--json | --quiet]
///     triage archive <command>
struct UsageGenerator {
  /// The command and its ancestors, from the root.
  let path: [Command]

  /// The synopsis without the `Usage:` label, on one line.
  var synopsis: String { parts.joined(separator: " ") }

  /// The synopsis in pieces that a line break must not split: the command names, then each
  /// argument and each bracketed option group.
  var parts: [String] {
    let parts = path.map(\.name)
    guard let command = path.last else { return parts }
    if !command.subcommands.isEmpty && command.action == nil { return parts + ["<command>"] }
    return parts + command.arguments.map(\.synopsis) + optionGroups(of: command)
  }

  /// The options in declaration order, each `[--name <value>]`; options that exclude each other
  /// share one bracket, `[--json | --quiet]`, at the place of the first.
  private func optionGroups(of command: Command) -> [String] {
    var shown: Set<String> = []
    var groups: [String] = []
    for option in command.options where !shown.contains(option.name) {
      let group = command.exclusiveOptions.first { $0.contains(option.name) } ?? [option.name]
      let members = command.options.filter { group.contains($0.name) }
      shown.formUnion(members.map(\.name))
      let repeated = option.kind == .repeatedValue(valueName: option.valueName ?? "") ? " ..." : ""
      groups.append("[\(members.map(\.synopsis).joined(separator: " | "))]\(repeated)")
    }
    return groups
  }
}
