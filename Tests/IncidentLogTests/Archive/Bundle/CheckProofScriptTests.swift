import Foundation
import IncidentLog
import Testing

/// The script the audit bundle carries is the one in `docs/`, byte for byte.
@Suite struct CheckProofScriptTests {
  @Test func theBundledScriptIsDocsCheckProof() throws {
    let docs = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/check-proof.py")
    #expect(try String(contentsOf: docs, encoding: .utf8) == CheckProofScript.text)
  }
}
