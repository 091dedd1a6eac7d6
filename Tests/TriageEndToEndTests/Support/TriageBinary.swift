import Foundation
import TriageTestSupport

/// Where the built `triage` executable is.
///
/// `swift test` builds it beside the test bundle (`.build/debug/triage` next to
/// `triagePackageTests.xctest`), because this target depends on the `triage` product.
/// `TRIAGE_BINARY` overrides the search (to test a release build, say).
enum TriageBinary {
  enum LookupError: Error, CustomStringConvertible {
    case notFound(searched: [String])
    var description: String {
      switch self {
      case .notFound(let searched):
        return "no triage executable in \(searched); run swift build, or set TRIAGE_BINARY"
      }
    }
  }

  /// The executable's URL.
  static func url() throws -> URL {
    if let path = ProcessInfo.processInfo.environment["TRIAGE_BINARY"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    let searched = productsDirectories().map { $0.appendingPathComponent("triage").path }
    guard let found = searched.first(where: FileManager.default.isExecutableFile(atPath:)) else {
      throw LookupError.notFound(searched: searched)
    }
    return URL(fileURLWithPath: found)
  }

  /// The directories a test bundle may run from (the "productsDirectory" trick, for Linux and
  /// macOS): the running executable's directory, and the parent of any `.xctest` bundle.
  private static func productsDirectories() -> [URL] {
    var directories: [URL] = []
    let running = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    if running.path != "/proc/self/exe" { directories.append(running.deletingLastPathComponent()) }
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      directories.append(bundle.bundleURL.deletingLastPathComponent())
    }
    directories.append(Bundle.main.bundleURL)
    directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
    return directories
  }

  /// The package's root directory (for files such as `Runbooks/`).
  static let packageRoot = URL(fileURLWithPath: BundledRunbooks.packageRoot)

  /// A small, predictable environment for a child: no `NO_COLOR`, `COLUMNS` or `TRIAGE_*` from
  /// the developer's shell, unless a test adds them.
  static func environment(adding extra: [String: String] = [:]) -> [String: String] {
    let inherited = ProcessInfo.processInfo.environment
    var environment = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "LANG": "C.UTF-8"]
    if let home = inherited["HOME"] { environment["HOME"] = home }
    // `triage run` needs to know who answers; tests about that pass their own USER or LOGNAME.
    if extra["USER"] == nil && extra["LOGNAME"] == nil { environment["USER"] = "tester" }
    // The compiled library cache goes to a folder of this test process, never ~/.cache.
    environment["TRIAGE_CACHE_DIR"] = cacheFolder
    return environment.merging(extra) { _, new in new }
  }

  /// The compiled cache folder the binary under test uses (one per test process).
  static let cacheFolder =
    FileManager.default.temporaryDirectory.path + "/triage-tests-cache-\(getpid())"
}
