import Foundation
import IncidentLog

/// The runbooks shipped in the package's `Runbooks/` folder, for tests that check the real
/// ones: read from the checkout, never from a copy that could drift.
package enum BundledRunbooks {
  /// The package's root folder (this file is `Sources/TriageTestSupport/Fixtures/...`).
  package static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The `Runbooks/` folder.
  package static let folder = packageRoot + "/Runbooks"

  /// The runbook the view commands are tested on.
  package static let sourceLeakID = "ai-tool-source-leak"

  /// The path of the bundled runbook `id`.
  package static func path(of id: String) -> String { folder + "/" + id + ".yaml" }

  /// Every file of `Runbooks/` (runbooks, calendars, examples, scenarios), read from the
  /// checkout and placed under `folder`, as the starting files of a tree in memory.
  ///
  /// - Throws: `ArchiveError` when a file cannot be read.
  package static func files(placedIn folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for relative in TemporaryDirectory.files(under: self.folder) {
      files[folder + "/" + relative] = try text(at: relative)
    }
    return files
  }

  /// The text of the file at `relativePath` inside `Runbooks/` (`"calendars/us-federal.yaml"`).
  ///
  /// - Throws: `ArchiveError` when it cannot be read.
  package static func text(at relativePath: String) throws -> String {
    String(
      decoding: try SystemFileSystem().readFile(at: folder + "/" + relativePath), as: UTF8.self)
  }
}
