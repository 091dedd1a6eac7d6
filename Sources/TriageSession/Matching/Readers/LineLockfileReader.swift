import Foundation

/// The line-based manifests: `requirements*.txt`, `go.sum`, `Gemfile.lock` and GitHub Actions
/// workflows.
enum LineLockfileReader {
  /// The pins of a `requirements*.txt`.
  ///
  /// `name==1.2.3` and `name===1.2.3` pins (extras and environment markers
  /// allowed) resolve; any other specifier (`>=`, `~=`, none) is unpinned and reported; options
  /// (`-r`, `-e`, `--hash`), URLs and comments are skipped. A requirements file says nothing of
  /// direct or transitive (`pip-compile` output lists both), so ``ResolvedPackage/isDirect`` is nil.
  static func requirements(_ text: String, path: String)
    -> (packages: [ResolvedPackage], unpinned: [UnpinnedRequirement])
  {
    var packages: [ResolvedPackage] = []
    var unpinned: [UnpinnedRequirement] = []
    for (number, rawLine) in NumberedLines(text: text) {
      var line = rawLine
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      line = line.strippedOfSpaces
      if line.last == "\\" { line = line.dropLast().strippedOfSpaces }
      guard let first = line.first, first.isLetter || first.isNumber, !line.contains("://")
      else { continue }
      let requirement = line.split(separator: ";", maxSplits: 1).first?.strippedOfSpaces ?? line
      let nameEnd =
        requirement.firstIndex { !($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        ?? requirement.endIndex
      let name = String(requirement[..<nameEnd])
      var rest = requirement[nameEnd...].strippedOfSpaces
      if rest.first == "[", let close = rest.firstIndex(of: "]") {
        rest = rest[rest.index(after: close)...].strippedOfSpaces
      }
      if rest.hasPrefix("==="), !rest.contains(",") {
        rest = rest.dropFirst(3)
      } else if rest.hasPrefix("=="), !rest.contains(","), !rest.contains("*") {
        rest = rest.dropFirst(2)
      } else {
        unpinned.append(
          UnpinnedRequirement(
            ecosystem: .pypi, name: name, text: String(requirement), path: path, line: number))
        continue
      }
      packages.append(
        ResolvedPackage(
          ecosystem: .pypi, name: name, version: String(rest.strippedOfSpaces), path: path,
          line: number, format: .requirementsTxt, isDirect: nil))
    }
    return (packages, unpinned)
  }

  /// The modules of a `go.sum`.
  ///
  /// It reads `module version[/go.mod] h1:hash` lines: one package per module and version, at
  /// its first line. go.sum also lists modules whose `go.mod` was only consulted during version
  /// selection, so a hit there says the version is in the module graph, not that it is built.
  static func goSum(_ text: String, path: String) throws(LockfileProblem) -> [ResolvedPackage] {
    var packages: [ResolvedPackage] = []
    var seen: Set<String> = []
    for (number, line) in NumberedLines(text: text) {
      let fields = line.split(separator: " ")
      if fields.isEmpty { continue }
      guard fields.count == 3 else {
        throw LockfileProblem(
          path: path, line: number, column: 1,
          message: "expected 'module version hash' (three fields) in go.sum")
      }
      var version = fields[1]
      if version.hasSuffix("/go.mod") { version = version.dropLast("/go.mod".count) }
      let key = "\(fields[0]) \(version)"
      guard seen.insert(key).inserted else { continue }
      packages.append(
        ResolvedPackage(
          ecosystem: .go, name: String(fields[0]), version: String(version), path: path,
          line: number, format: .goSum, isDirect: nil))
    }
    return packages
  }

  /// `Gemfile.lock`: the `specs:` of its `GEM`, `GIT` and `PATH` sections (`    rack (2.2.8)`,
  /// four spaces; a platform suffix such as `-x86_64-linux` is dropped); direct when the
  /// `DEPENDENCIES` section names it.
  static func gemfileLock(_ text: String, path: String) -> [ResolvedPackage] {
    var specs: [(name: String, version: String, line: Int)] = []
    var direct: Set<String> = []
    var section = ""
    for (number, line) in NumberedLines(text: text) {
      if line.indentation == 0, !line.isEmpty {
        section = String(line)
        continue
      }
      if section == "DEPENDENCIES", line.indentation == 2 {
        let name = line.strippedOfSpaces.prefix { $0 != " " && $0 != "!" }
        direct.insert(String(name).lowercased())
      }
      guard ["GEM", "GIT", "PATH"].contains(section), line.indentation == 4,
        let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")"), open < close
      else { continue }
      let name = line[..<open].strippedOfSpaces
      var version = String(line[line.index(after: open)..<close])
      let platforms = [
        "x86", "arm", "aarch64", "java", "linux", "darwin", "mingw", "mswin", "universal",
      ]
      if let dash = version.firstIndex(of: "-"),
        platforms.contains(where: { version[dash...].contains($0) })
      {
        version = String(version[..<dash])
      }
      specs.append((String(name), version, number))
    }
    return specs.map { spec in
      ResolvedPackage(
        ecosystem: .rubyGems, name: spec.name, version: spec.version, path: path, line: spec.line,
        format: .gemfileLock, isDirect: direct.contains(spec.name.lowercased()))
    }
  }

  /// The actions a GitHub Actions workflow uses.
  ///
  /// Every `uses: owner/repo@ref` and `uses: owner/repo/path@ref`
  /// (the name is `owner/repo`, as OSV names actions); a 40-hex ref is also the commit. Local
  /// (`./`) and `docker://` uses are skipped. Every `uses:` is direct.
  static func workflow(_ text: String, path: String) -> [ResolvedPackage] {
    var packages: [ResolvedPackage] = []
    for (number, line) in NumberedLines(text: text) {
      var field = line.strippedOfSpaces
      if field.hasPrefix("- ") { field = field.dropFirst(2).strippedOfSpaces }
      guard field.hasPrefix("uses:") else { continue }
      var value = field.dropFirst("uses:".count).strippedOfSpaces
      if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
      value = value.strippedOfSpaces.unquoted
      guard !value.hasPrefix("./"), !value.hasPrefix("docker://"),
        let at = value.lastIndex(of: "@")
      else { continue }
      let parts = value[..<at].split(separator: "/")
      guard parts.count >= 2 else { continue }
      let ref = String(value[value.index(after: at)...])
      let isCommit = ref.count == 40 && ref.allSatisfy(\.isHexDigit)
      packages.append(
        ResolvedPackage(
          ecosystem: .githubActions, name: "\(parts[0])/\(parts[1])", version: ref,
          commit: isCommit ? ref : nil, path: path, line: number, format: .githubWorkflow,
          isDirect: true))
    }
    return packages
  }
}
