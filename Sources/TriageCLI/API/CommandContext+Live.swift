import Foundation
import IncidentLog

extension CommandContext {
  /// The real process: file descriptors 0, 1 and 2, the local file system, the process
  /// environment and working directory, the system clock and the real terminal.
  package static func live() -> CommandContext {
    // Read once: each `ProcessInfo.environment` builds the whole dictionary again.
    let environment = ProcessInfo.processInfo.environment
    return CommandContext(
      standardInput: FileDescriptorInput(descriptor: 0),
      standardOutput: FileDescriptorOutput(descriptor: 1),
      standardError: FileDescriptorOutput(descriptor: 2),
      fileSystem: SystemFileSystem(),
      environment: environment,
      currentDirectory: SystemFileSystem.currentDirectory(),
      now: { Date() },
      terminal: LiveTerminal.traits(environment: Environment(environment)),
      executablePath: Bundle.main.executablePath)
  }
}
