import RunbookCore

extension Command {
  /// A command that loads one runbook and prints a view of it: `RUNBOOK [--runbooks DIR]`.
  ///
  /// RUNBOOK is a path, or an id found in the runbook folders; `render` makes the text to print
  /// from the loaded runbook (and the context, for the output width). With `renderJSON`, the
  /// command also takes `--json` and prints what that makes instead.
  static func runbookView(
    _ name: String,
    abstract: String,
    discussion: String,
    render: @escaping @Sendable (Runbook, CommandContext) -> String,
    renderJSON: (@Sendable (Runbook) -> String)? = nil
  ) -> Command {
    Command(
      name,
      abstract: abstract,
      discussion: discussion,
      arguments: [ArgumentSpec(.runbook, help: "A runbook path or id.")],
      options: (renderJSON == nil ? [] : [.flag(.json, help: "Print it as JSON.")])
        + [RunbookLocator.option],
      action: { invocation, context in
        let locator = RunbookLocator(context, invocation)
        let loaded = try locator.load(invocation.argument(.runbook) ?? "")
        if let renderJSON, invocation.flag(.json) {
          context.standardOutput.write(renderJSON(loaded.runbook))
        } else {
          context.standardOutput.write(render(loaded.runbook, context))
        }
        return .success
      })
  }
}
