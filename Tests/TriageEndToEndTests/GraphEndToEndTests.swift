import Foundation
import Testing
import TriageTestSupport

/// `triage graph` on the real binary and the bundled runbook: DOT that Graphviz renders, and
/// Mermaid whose structure holds together.
@Suite struct GraphEndToEndTests {
  /// Graphviz's `dot`, when installed (Debian: `apt-get install -y graphviz`).
  static let dot: String? = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"]
    .first(where: FileManager.default.isExecutableFile(atPath:))

  @Test(
    .enabled(
      if: dot != nil,
      "Graphviz 'dot' is not installed (apt-get install -y graphviz); DOT output not rendered"))
  func rendersTheBundledRunbookWithGraphviz() throws {
    let graph = try runTriage(["graph", BundledRunbook.path, "--format", "dot"])
    #expect(graph.status == 0, "\(graph)")
    let directory = try TemporaryDirectory()
    let input = try directory.write(graph.output, to: "runbook.dot")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.dot))
    process.arguments = [
      "-Tsvg", "-o", directory.url.appendingPathComponent("runbook.svg").path, input.path,
    ]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let warnings = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0, "\(warnings)")
    #expect(warnings == "", "dot warned")
    let svg = try String(
      contentsOf: directory.url.appendingPathComponent("runbook.svg"), encoding: .utf8)
    #expect(svg.contains("<svg"))
    #expect(svg.contains("cluster_section_threat_model"))
  }

  @Test func drawsMermaidWithBalancedSubgraphsAndKnownNodes() throws {
    let result = try runTriage(
      ["graph", BundledRunbook.id, "--runbooks", BundledRunbook.folder])
    #expect(result.status == 0, "\(result)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.first == "flowchart TD")
    let opened = lines.filter { $0.hasPrefix("  subgraph ") }.count
    #expect(opened == 11, "6 sections, the derived values and 4 kinds of outcome")
    #expect(lines.filter { $0 == "  end" }.count == opened)
    let declared = Set(
      lines.compactMap { line -> String? in
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.hasPrefix("subgraph"), !trimmed.contains("-->"), !trimmed.contains("-.->")
        else { return nil }
        return trimmed.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" }).description
      })
    for line in lines where line.contains("-->") || line.contains("-.->") {
      let words = line.split(separator: " ")
      #expect(declared.contains(String(words[0])), "\(line)")
      #expect(declared.contains(String(words[words.count - 1])), "\(line)")
    }
    #expect(result.output.contains("q_tool_in_use -->|\"section when: tool_in_use\"| "))
    #expect(!result.output.contains("\"\"]"))
  }
}
