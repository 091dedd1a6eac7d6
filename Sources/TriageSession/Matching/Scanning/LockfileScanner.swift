import RunbookCore

/// Walks folders for lockfiles and manifests and reads what each resolves.
///
/// Folders named `.git`, `node_modules`, `.build` and `vendor/bundle` (a folder `bundle` inside
/// a folder `vendor`) are not entered, nor are symbolic links to folders. A file larger than
/// ``maximumFileSize`` or one that cannot be read is a problem, and the scan goes on.
package struct LockfileScanner<Files: FileReading> {
  /// 64 MiB: far above any real lockfile.
  package static var maximumFileSize: Int { 64 << 20 }

  /// The folder names never entered.
  package static var skippedFolders: [String] {
    [".git", "node_modules", ".build", "vendor/bundle"]
  }

  let files: Files

  package init(files: Files) {
    self.files = files
  }

  /// Scans each root: `displayed` is how paths are shown (`.` shows them relative), `absolute`
  /// where the root is on disk.
  package func scan(_ roots: [(displayed: String, absolute: String)]) -> LockfileScan {
    var scan = LockfileScan()
    for root in roots {
      walk(absolute: root.absolute, relative: "", displayedRoot: root.displayed, into: &scan)
    }
    return scan
  }

  private func walk(
    absolute: String, relative: String, displayedRoot: String, into scan: inout LockfileScan
  ) {
    let displayed = Self.join(displayedRoot, relative)
    let status: FileStatus?
    do {
      status = try files.status(at: absolute)
    } catch {
      scan.problems.append(
        LockfileProblem(path: displayed, line: 0, column: 0, message: "\(error)"))
      return
    }
    guard let status else {
      scan.problems.append(
        LockfileProblem(path: displayed, line: 0, column: 0, message: "no such file or folder"))
      return
    }
    switch status.kind {
    case .directory:
      let names: [String]
      do {
        names = try files.contentsOfDirectory(at: absolute)
      } catch {
        scan.problems.append(
          LockfileProblem(path: displayed, line: 0, column: 0, message: "cannot list: \(error)"))
        return
      }
      for name in names {
        let childRelative = relative.isEmpty ? name : relative + "/" + name
        let childAbsolute = absolute.hasSuffix("/") ? absolute + name : absolute + "/" + name
        if [".git", "node_modules", ".build"].contains(name)
          || (name == "bundle" && (relative == "vendor" || relative.hasSuffix("/vendor")))
        {
          continue
        }
        if files.isSymbolicLink(at: childAbsolute),
          (try? files.status(at: childAbsolute))??.kind == .directory
        {
          continue
        }
        walk(
          absolute: childAbsolute, relative: childRelative, displayedRoot: displayedRoot,
          into: &scan)
      }
    case .regular:
      // Overlapping roots (`--scan . --scan web`) read each file once.
      guard scan.readPaths.insert(files.standardizedPath(absolute)).inserted else { return }
      // The absolute path, so a scan rooted at `.github` still sees `.github/workflows/`.
      guard let format = LockfileFormat(path: absolute) else { return }
      read(absolute: absolute, displayed: displayed, format: format, into: &scan)
    case .other:
      return
    }
  }

  private func read(
    absolute: String, displayed: String, format: LockfileFormat, into scan: inout LockfileScan
  ) {
    let bytes: [UInt8]
    do {
      bytes = try files.readFile(at: absolute, upTo: Self.maximumFileSize + 1)
    } catch {
      scan.problems.append(
        LockfileProblem(path: displayed, line: 0, column: 0, message: "cannot read: \(error)"))
      return
    }
    guard bytes.count <= Self.maximumFileSize else {
      scan.problems.append(
        LockfileProblem(
          path: displayed, line: 0, column: 0, message: "larger than 64 MiB, not read"))
      return
    }
    do {
      var contents = try LockfileReader.read(bytes, format: format, path: displayed)
      if let manifestName = SiblingManifest.fileName(for: format),
        contents.packages.contains(where: { $0.isDirect == nil }),
        let slash = absolute.lastIndex(of: "/"),
        let manifest = try? files.readFile(
          at: absolute[...slash] + manifestName, upTo: Self.maximumFileSize)
      {
        contents.packages = SiblingManifest.settlingDirect(
          contents.packages, format: format, manifest: manifest)
      }
      scan.scanned.append(
        ScannedFile(path: displayed, format: format, packageCount: contents.packages.count))
      scan.resolved += contents.packages
      scan.unpinned += contents.unpinned
    } catch {
      scan.scanned.append(ScannedFile(path: displayed, format: format, packageCount: 0))
      scan.problems.append(error)
    }
  }

  /// `root/relative`, with `.` as the root giving `relative` alone.
  private static func join(_ root: String, _ relative: String) -> String {
    if relative.isEmpty { return root }
    if root == "." || root.isEmpty { return relative }
    return root.hasSuffix("/") ? root + relative : root + "/" + relative
  }
}

/// What a scan found: the files read, everything they resolve, and what it could not read.
package struct LockfileScan: Sendable, Equatable {
  package var scanned: [ScannedFile] = []
  package var resolved: [ResolvedPackage] = []
  package var unpinned: [UnpinnedRequirement] = []
  package var problems: [LockfileProblem] = []
  /// The standardized paths of the files read, so overlapping roots read each once.
  var readPaths: Set<String> = []

  package init() {}

  /// The resolutions `packages` affects, in scan order.
  package func hits(for packages: [AffectedPackage]) -> [ResolvedPackage] {
    resolved.filter { resolution in packages.contains { resolution.isAffected(by: $0) } }
  }

  /// The requirements left unpinned whose names `packages` affects.
  package func unpinnedMatches(for packages: [AffectedPackage]) -> [UnpinnedRequirement] {
    unpinned.filter { requirement in
      packages.contains {
        $0.ecosystem == requirement.ecosystem
          && $0.ecosystem.normalizedName($0.name)
            == requirement.ecosystem.normalizedName(requirement.name)
      }
    }
  }
}

/// One file a scan read, its format and how many package versions it resolves.
package struct ScannedFile: Sendable, Equatable {
  package var path: String
  package var format: LockfileFormat
  package var packageCount: Int
}

/// Reads one lockfile's bytes as its format.
package enum LockfileReader {
  /// What the file resolves; a malformed file throws its first problem, positioned.
  package static func read(_ bytes: [UInt8], format: LockfileFormat, path: String)
    throws(LockfileProblem) -> (packages: [ResolvedPackage], unpinned: [UnpinnedRequirement])
  {
    let text = String(decoding: bytes, as: UTF8.self)
    switch format {
    case .npmPackageLock, .pipfileLock, .packageResolved, .composerLock:
      return (try JSONLockfileReader.read(bytes, format: format, path: path), [])
    case .yarnLock: return (try YarnLockReader.read(text, path: path), [])
    case .pnpmLock: return (try PnpmLockReader.read(text, path: path), [])
    case .requirementsTxt: return LineLockfileReader.requirements(text, path: path)
    case .poetryLock, .uvLock, .cargoLock:
      return (try TOMLLockfileReader.read(text, format: format, path: path), [])
    case .goSum: return (try LineLockfileReader.goSum(text, path: path), [])
    case .gemfileLock: return (LineLockfileReader.gemfileLock(text, path: path), [])
    case .githubWorkflow: return (LineLockfileReader.workflow(text, path: path), [])
    }
  }
}
