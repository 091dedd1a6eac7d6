import RunbookCore

/// The manifest beside a lockfile that says which packages are direct where the lockfile does
/// not: `package.json` beside an npm v1 `package-lock.json`, `go.mod` beside a `go.sum`.
enum SiblingManifest {
  /// The manifest's file name for `format`, or nil when the lockfile says enough itself.
  static func fileName(for format: LockfileFormat) -> String? {
    switch format {
    case .npmPackageLock: return "package.json"
    case .goSum: return "go.mod"
    default: return nil
    }
  }

  /// `packages` with ``ResolvedPackage/isDirect`` settled from `manifest`.
  ///
  /// For npm, entries the
  /// lockfile left unknown are direct when `package.json` declares them (any dependency kind),
  /// else transitive; for Go, a module is direct when `go.mod` requires it without
  /// `// indirect`, else transitive. An unreadable manifest changes nothing.
  static func settlingDirect(
    _ packages: [ResolvedPackage], format: LockfileFormat, manifest bytes: [UInt8]
  ) -> [ResolvedPackage] {
    let direct: Set<String>
    switch format {
    case .npmPackageLock:
      guard let document = try? PositionedJSON.parse(bytes) else { return packages }
      let kinds = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]
      direct = Set(kinds.flatMap { (document[$0]?.members ?? []).map(\.key) })
    case .goSum:
      direct = goModDirectRequirements(String(decoding: bytes, as: UTF8.self))
    default:
      return packages
    }
    return packages.map { package in
      guard package.isDirect == nil else { return package }
      var settled = package
      settled.isDirect = direct.contains(package.name)
      return settled
    }
  }

  /// The module paths `go.mod` requires without `// indirect`, in `require x v` lines and
  /// `require ( ... )` blocks.
  static func goModDirectRequirements(_ text: String) -> Set<String> {
    var direct: Set<String> = []
    var isInBlock = false
    for (_, line) in NumberedLines(text: text) {
      let stripped = line.strippedOfSpaces
      if isInBlock {
        if stripped.hasPrefix(")") {
          isInBlock = false
          continue
        }
        if !stripped.contains("// indirect"), let module = stripped.split(separator: " ").first,
          !module.hasPrefix("//")
        {
          direct.insert(String(module))
        }
      } else if stripped.hasPrefix("require (") || stripped == "require(" {
        isInBlock = true
      } else if stripped.hasPrefix("require "), !stripped.contains("// indirect") {
        let fields = stripped.split(separator: " ")
        if fields.count >= 3 { direct.insert(String(fields[1])) }
      }
    }
    return direct
  }
}
