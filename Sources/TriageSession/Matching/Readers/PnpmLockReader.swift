/// The reader of `pnpm-lock.yaml` files.
///
/// It reads the keys of the top-level `packages:` map. v5 writes `/name/1.2.3`, v6
/// `/name@1.2.3`, v9 `name@1.2.3`; a peer suffix (`(react@18.2.0)` or v5's `_react@18.2.0`) is
/// dropped. A package is direct when an importer (v9 `importers:`, or v5/v6's top-level
/// `dependencies:`, `devDependencies:`, `optionalDependencies:`) lists it at that version.
enum PnpmLockReader {
  static func read(_ text: String, path: String) throws(LockfileProblem) -> [ResolvedPackage] {
    var section = ""
    var declared: Set<String> = []  // "name@version"
    var candidates: [(name: String, version: String, line: Int)] = []
    var dependencyName: String?
    for (number, line) in NumberedLines(text: text) {
      let stripped = line.strippedOfSpaces
      if stripped.isEmpty || stripped.first == "#" { continue }
      if line.indentation == 0 {
        section = String(stripped.dropLast(stripped.last == ":" ? 1 : 0))
        dependencyName = nil
        continue
      }
      switch section {
      case "packages":
        guard line.indentation == 2, stripped.last == ":" else { continue }
        var key = String(stripped.dropLast().unquoted)
        if key.hasPrefix("/") { key.removeFirst() }
        if let paren = key.firstIndex(of: "(") { key = String(key[..<paren]) }
        if let (name, version) = key.splitAtVersionSign() {
          candidates.append((name, peerless(version), number))
        } else if let slash = key.lastIndex(of: "/") {
          candidates.append(
            (String(key[..<slash]), peerless(String(key[key.index(after: slash)...])), number))
        } else {
          throw LockfileProblem(
            path: path, line: number, column: 3,
            message: "expected a package key like 'name@1.2.3' or '/name/1.2.3'")
        }
      case "importers", "dependencies", "devDependencies", "optionalDependencies":
        // The name's line (indent 2, or 6 under an importer) ends in ':' and its `version:`
        // follows, or (v5) it holds the version itself: `axios: 1.14.1`.
        let nameIndent = section == "importers" ? 6 : 2
        if line.indentation > nameIndent, stripped.hasPrefix("version:"), let name = dependencyName
        {
          let version = stripped.dropFirst("version:".count).strippedOfSpaces.unquoted
          declared.insert(name + "@" + peerless(String(version)))
          continue
        }
        guard line.indentation == nameIndent, let colon = stripped.firstIndex(of: ":") else {
          continue
        }
        let name = String(stripped[..<colon].unquoted)
        let value = stripped[stripped.index(after: colon)...].strippedOfSpaces.unquoted
        dependencyName = name
        if !value.isEmpty { declared.insert(name + "@" + peerless(String(value))) }
      default:
        continue
      }
    }
    return candidates.map { candidate in
      ResolvedPackage(
        ecosystem: .npm, name: candidate.name, version: candidate.version, path: path,
        line: candidate.line, format: .pnpmLock,
        isDirect: declared.contains(candidate.name + "@" + candidate.version))
    }
  }

  /// The version without a peer suffix: `1.2.3(react@18)` and v5's `1.2.3_react@18` give `1.2.3`.
  private static func peerless(_ version: String) -> String {
    var text = version
    if let paren = text.firstIndex(of: "(") { text = String(text[..<paren]) }
    if let underscore = text.firstIndex(of: "_") { text = String(text[..<underscore]) }
    return text
  }
}
