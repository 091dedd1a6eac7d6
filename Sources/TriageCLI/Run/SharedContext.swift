/// A command's context handed to the other thread of a run, which only reads it (its file
/// system, environment and folders) while the run's own thread reads it too.
struct SharedContext: @unchecked Sendable {
  let context: CommandContext
}
