import Foundation
import Testing
import TriageCLI
import TriageTestSupport

/// `run` from an answers file loads the vendor's answers and reads the archive on another
/// thread while it loads the runbook (`PreparedAppend`, `VendorAnswers.Ahead`): what it says
/// and exits with is what the same run says without that (`--dry-run` takes no thread).
@Suite struct RunAheadTests {
  static let inventory = "/w/Runbooks/examples/inventory"
  static let answers =
    "/w/Runbooks/examples/saas-vendor-data-breach.moveit-cloud.vendor-answers.yaml"

  /// The bundled runbooks, with the example inventory, in a tree in memory.
  static func tree() throws -> InMemoryFileSystem {
    InMemoryFileSystem(try BundledRunbooks.files(placedIn: "/w/Runbooks"))
  }

  /// `run RUNBOOK --vendor VENDOR` from the answers file, into `/w/log` (or `--dry-run`).
  static func run(
    _ runbook: String, vendor: String, dryRun: Bool, tree: InMemoryFileSystem
  ) -> InProcessRun {
    InProcessRun(
      [
        "run", runbook, "--vendor", vendor, "--inventory", inventory, "--answers", answers,
        "--archive", "/w/log",
      ] + (dryRun ? ["--dry-run"] : []), fileSystem: tree)
  }

  /// Runs `runbook` with `vendor` ahead and inline, expects the same refusal from both and no
  /// record written, and returns what the run ahead said.
  static func refusal(
    _ runbook: String, vendor: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let tree = try Self.tree()
    let ahead = Self.run(runbook, vendor: vendor, dryRun: false, tree: tree)
    let inline = Self.run(runbook, vendor: vendor, dryRun: true, tree: tree)
    #expect(ahead.exit != .success, sourceLocation: sourceLocation)
    #expect(
      ahead.exit == inline.exit && ahead.error == inline.error, sourceLocation: sourceLocation)
    #expect(
      tree.allFiles(under: "/w/log").filter { $0.hasPrefix("records/") }.isEmpty,
      sourceLocation: sourceLocation)
    return ahead.error
  }

  @Test("a runbook that cannot be read is named before an unknown vendor")
  func runbookErrorFirst() throws {
    let error = try Self.refusal("/w/Runbooks/missing.yaml", vendor: "no-such")
    #expect(error.contains("missing.yaml"))
    #expect(!error.contains("no-such"))
  }

  @Test("an unknown vendor is refused as without the thread, and nothing is written")
  func unknownVendor() throws {
    let error = try Self.refusal("/w/Runbooks/saas-vendor-data-breach.yaml", vendor: "moveit-clod")
    #expect(error.contains("moveit-clod"))
  }

  @Test("a vendor's answers loaded on the other thread make the record they make inline")
  func vendorAnswersAhead() throws {
    let tree = try Self.tree()
    let runbook = "/w/Runbooks/saas-vendor-data-breach.yaml"
    let ahead = Self.run(runbook, vendor: "moveit-cloud", dryRun: false, tree: tree)
    #expect(ahead.exit == .success)
    #expect(ahead.error.contains("from the inventory (moveit-cloud)"))
    let inline = Self.run(runbook, vendor: "moveit-cloud", dryRun: true, tree: tree)
    #expect(inline.error == ahead.error)
    let records = tree.allFiles(under: "/w/log").filter { $0.hasSuffix(".json") }
    #expect(records.count == 1)
  }

  /// `run RUNBOOK --answers ANSWERS` into `/w/log` (or `--dry-run`): the exit and what it said.
  static func answering(
    _ answers: String, dryRun: Bool, tree: InMemoryFileSystem
  ) -> (exit: TriageExit, error: String) {
    let run = InProcessRun(
      ["run", "/w/Runbooks/ai-tool-source-leak.yaml", "--answers", answers, "--archive", "/w/log"]
        + (dryRun ? ["--dry-run"] : []), fileSystem: tree)
    return (run.exit, run.error)
  }

  @Test(
    "an answers file read ahead that is missing or wrong is refused as without the thread",
    arguments: ["/w/missing.yaml", "/w/broken.yaml", "/w/unknown-question.yaml"])
  func answersFileAhead(answers: String) throws {
    let tree = try Self.tree()
    try tree.writeNewFile(Array("answers: [unclosed\n".utf8), at: "/w/broken.yaml")
    try tree.writeNewFile(
      Array("answers:\n  no_such_question: yes\n".utf8), at: "/w/unknown-question.yaml")
    let ahead = Self.answering(answers, dryRun: false, tree: tree)
    let inline = Self.answering(answers, dryRun: true, tree: tree)
    #expect(ahead.exit != .success)
    #expect(ahead.error.contains(String(answers.dropFirst(3))))
    #expect(ahead.exit == inline.exit && ahead.error == inline.error)
    #expect(tree.allFiles(under: "/w/log").filter { $0.hasPrefix("records/") }.isEmpty)
  }
}
