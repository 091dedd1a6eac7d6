import Foundation

/// The bundled runbook the view commands are tested on end to end: `Runbooks/` when this
/// checkout has it, else the copy in `Fixtures/Runbooks`.
enum BundledRunbook {
  static let id = "ai-tool-source-leak"

  /// The folder that holds it.
  static let folder: String = {
    let root = TriageBinary.packageRoot
    let bundled = root.appendingPathComponent("Runbooks")
    if FileManager.default.fileExists(atPath: bundled.appendingPathComponent(id + ".yaml").path) {
      return bundled.path
    }
    return root.appendingPathComponent("Tests/TriageEndToEndTests/Fixtures/Runbooks").path
  }()

  /// Its path.
  static var path: String { folder + "/" + id + ".yaml" }
}
