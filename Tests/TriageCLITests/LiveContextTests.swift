import Foundation
import Testing
import TriageCLI

/// The live context reads the environment and the executable's path itself, more cheaply than
/// Foundation: the same values.
@Suite("Live context")
struct LiveContextTests {
  @Test("the environment is the one ProcessInfo gives")
  func environment() {
    #expect(CommandContext.processEnvironment() == ProcessInfo.processInfo.environment)
  }

  @Test("the executable's path is the one Bundle.main gives")
  func executablePath() {
    #expect(CommandContext.executablePath() == Bundle.main.executablePath)
  }
}
