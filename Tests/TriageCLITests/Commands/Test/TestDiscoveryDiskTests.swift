import Foundation
import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `triage test DIR` on the real disk, for what only a disk has: symbolic links.
@Suite struct TestDiscoveryDiskTests {
  @Test func aLinkBackUpTheTreeIsNotFollowed() throws {
    let directory = try TemporaryDirectory()
    for (path, text) in TestCommandTests.passing { try directory.write(text, to: path) }
    let tests = directory.path + "/Runbooks/tests"
    #expect(symlink(tests, tests + "/mini/loop") == 0)
    let context = CommandContext(
      standardInput: ScriptedInput(""), standardOutput: CapturedOutput(),
      standardError: CapturedOutput(), fileSystem: SystemFileSystem(), environment: [:],
      currentDirectory: directory.path, now: { Date(timeIntervalSince1970: 1_800_000_000) },
      terminal: .none)
    let exit = Triage.main(["test", "Runbooks"], context: context)
    #expect(exit == .success)
    #expect(context.capturedOutput == "PASS keys-left\nPASS nothing-left\n2 passed, 0 failed\n")
    #expect(context.capturedError == "")
  }
}
