/// The reader of `yarn.lock` files.
///
/// Both kinds: classic (v1: `axios@^1.14.0, axios@^1.14.1:` then `  version "1.14.1"`) and
/// berry (v2 and later: `"axios@npm:^1.14.0":` then `  version: 1.14.1`). Yarn does not record
/// which packages are direct, so ``ResolvedPackage/isDirect`` is nil. Berry's workspace entries
/// (`@workspace:`) and `__metadata` are skipped.
enum YarnLockReader {
  static func read(_ text: String, path: String) throws(LockfileProblem) -> [ResolvedPackage] {
    var found: [ResolvedPackage] = []
    var currentNames: [String] = []
    var keyLine = 0
    for (number, line) in NumberedLines(text: text) {
      if line.isEmpty || line.first == "#" { continue }
      if line.indentation == 0 {
        guard line.last == ":" else {
          throw LockfileProblem(
            path: path, line: number, column: 1,
            message: "expected an entry key ending in ':' (a yarn.lock entry)")
        }
        currentNames = []
        keyLine = number
        let key = line.dropLast()
        if key == "__metadata" { continue }
        for spec in key.split(separator: ",") {
          let descriptor = String(spec.strippedOfSpaces.unquoted)
          if descriptor.contains("@workspace:") || descriptor.contains("@link:") { continue }
          guard let (name, _) = descriptor.splitAtVersionSign() else { continue }
          if !currentNames.contains(name) { currentNames.append(name) }
        }
        continue
      }
      guard line.indentation == 2, !currentNames.isEmpty else { continue }
      let field = line.strippedOfSpaces
      var value: Substring?
      if field.hasPrefix("version ") {
        value = field.dropFirst("version ".count)
      } else if field.hasPrefix("version:") {
        value = field.dropFirst("version:".count)
      }
      guard let value else { continue }
      let version = String(value.strippedOfSpaces.unquoted)
      guard !version.isEmpty else {
        throw LockfileProblem(
          path: path, line: number, column: 3,
          message: "the entry at line \(keyLine) has an empty version")
      }
      for name in currentNames {
        found.append(
          ResolvedPackage(
            ecosystem: .npm, name: name, version: version, path: path, line: number,
            format: .yarnLock, isDirect: nil))
      }
      currentNames = []
    }
    return found
  }
}
