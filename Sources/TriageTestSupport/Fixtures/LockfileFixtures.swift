import Foundation

/// The lockfile tree (`Tests/TriageSessionTests/Fixtures/lockfiles/`: one small lockfile of
/// every format `triage affected` reads, axios 1.14.1 and 0.30.4 in some, other versions in
/// others) and the OSV advisories beside it.
package enum LockfileFixtures {
  /// The folder holding `lockfiles/` and `advisories/`.
  package static let folder = BundledRunbooks.packageRoot + "/Tests/TriageSessionTests/Fixtures"

  /// The lockfile tree as the scanner meets it: a copy under the temporary folder (one per test
  /// process), with each `NAME.fixture` renamed `NAME`.
  ///
  /// The repository keeps SwiftPM's `Package.resolved` fixtures as `Package.resolved.fixture`,
  /// since a file of that name is ignored (and never tracked) in a Swift package's repository.
  package static let lockfiles: String = {
    let source = folder + "/lockfiles"
    let copy = FileManager.default.temporaryDirectory.path + "/triage-lockfiles-\(getpid())"
    let files = FileManager.default
    try? files.removeItem(atPath: copy)
    do {
      try files.copyItem(atPath: source, toPath: copy)
      let walker = files.enumerator(atPath: copy)
      while let relative = walker?.nextObject() as? String {
        guard relative.hasSuffix(".fixture") else { continue }
        let path = copy + "/" + relative
        try files.moveItem(atPath: path, toPath: String(path.dropLast(".fixture".count)))
      }
    } catch {
      return source
    }
    return copy
  }()

  /// The path of the advisory `name` (`axios-versions.osv.json`).
  package static func advisory(_ name: String) -> String { folder + "/advisories/" + name }

  /// Every file under the lockfile tree, by its path relative to it (hidden folders included),
  /// with its text: to put in an in-memory tree.
  package static func lockfileTexts() -> [String: String] {
    var texts: [String: String] = [:]
    let root = URL(fileURLWithPath: lockfiles)
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    else { return [:] }
    for case let url as URL in walker {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        !isDirectory.boolValue, let text = try? String(contentsOf: url, encoding: .utf8)
      else { continue }
      let relative = String(url.path.dropFirst(root.path.count + 1))
      texts[relative] = text
    }
    return texts
  }

  /// The text of the file at `relative` in the lockfile tree.
  package static func text(_ relative: String) -> String {
    (try? String(contentsOfFile: lockfiles + "/" + relative, encoding: .utf8)) ?? ""
  }
}
