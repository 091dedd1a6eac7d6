extension Command {
  /// `triage graph RUNBOOK [--format mermaid|dot] [--runbooks DIR]`: a runbook as a diagram.
  static let graph = Command(
    "graph",
    abstract: "Draw a runbook's questions, conditions and outcomes as a graph.",
    discussion: """
      Prints RUNBOOK as a Mermaid flowchart (the default) or a Graphviz DOT graph. Sections are \
      subgraphs (clusters) holding their questions in order; an edge leads from each question to \
      the next, labelled with the next one's condition when it has one, and a dashed 'skip' \
      edge goes past every conditional question or section. Derived values, severity and \
      decision rules, actions and notifications are nodes linked (dotted) from every answer or \
      derived value their condition reads; those without a condition are linked from 'done'.

      In DOT, the questions run down one column and the derived values and outcomes down a \
      second beside them, each just below the last answer it reads, so a graph stays a few \
      columns wide however many outcomes its runbook has.

      Render DOT with: triage graph RUNBOOK --format dot | dot -Tsvg > runbook.svg
      """,
    arguments: [ArgumentSpec(.runbook, help: "A runbook path or id.")],
    options: [
      .value(
        .format, valueName: "format", help: "mermaid (the default) or dot.",
        choices: ["mermaid", "dot"]),
      RunbookLocator.option,
    ],
    action: GraphCommand.run)
}

/// What `triage graph` does.
enum GraphCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let format = invocation.value(.format) ?? "mermaid"
    guard format == "mermaid" || format == "dot" else {
      throw CommandError.unknownValue(
        what: "graph format", value: format, allowed: ["mermaid", "dot"])
    }
    let loaded = try RunbookLocator(context, invocation).load(invocation.argument(.runbook) ?? "")
    let graph = RunbookGraph(loaded.runbook)
    let text =
      format == "dot" ? DotRenderer.rendered(graph) : MermaidRenderer.rendered(graph)
    context.standardOutput.write(text)
    return .success
  }
}
