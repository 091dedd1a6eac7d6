import TriageTestSupport

/// The bundled runbook the view commands are tested on end to end, read from `Runbooks/`.
enum BundledRunbook {
  static let id = BundledRunbooks.sourceLeakID

  /// The folder that holds it.
  static let folder = BundledRunbooks.folder

  /// Its path.
  static var path: String { BundledRunbooks.path(of: id) }
}
