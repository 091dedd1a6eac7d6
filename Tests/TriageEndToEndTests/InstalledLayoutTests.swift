import Foundation
import Testing
import TriageTestSupport

/// An installed layout (binary in PREFIX/bin, runbooks in PREFIX/share/triage/Runbooks, as
/// `scripts/install` makes it) finds the bundled runbooks by id from any folder.
@Suite struct InstalledLayoutTests {
  @Test func findsTheInstalledRunbooksById() throws {
    let prefix = try TemporaryDirectory()
    let manager = FileManager.default
    let bin = prefix.url.appendingPathComponent("bin")
    let share = prefix.url.appendingPathComponent("share/triage")
    try manager.createDirectory(at: bin, withIntermediateDirectories: true)
    try manager.createDirectory(at: share, withIntermediateDirectories: true)
    try manager.copyItem(at: try TriageBinary.url(), to: bin.appendingPathComponent("triage"))
    try manager.copyItem(
      at: TriageBinary.packageRoot.appendingPathComponent("Runbooks"),
      to: share.appendingPathComponent("Runbooks"))
    let elsewhere = try TemporaryDirectory()
    let installed = bin.appendingPathComponent("triage")

    let list = try runTriage(["runbooks"], currentDirectory: elsewhere.url, executable: installed)
    #expect(list.status == 0, "\(list)")
    #expect(list.output.contains("ai-tool-source-leak"))
    #expect(list.output.contains(share.appendingPathComponent("Runbooks").path))

    let answers = share.appendingPathComponent("Runbooks/examples/ai-tool-source-leak.answers.yaml")
    let run = try runTriage(
      ["run", "ai-tool-source-leak", "--answers", answers.path, "--dry-run"],
      currentDirectory: elsewhere.url, executable: installed)
    #expect(run.status == 0, "\(run)")
    #expect(run.output.hasPrefix("**TLP:"))
  }
}
