import Foundation
import RunbookCore

/// Readers of the JSON lockfiles: npm `package-lock.json` (v1 to v3), `Pipfile.lock`, SwiftPM
/// `Package.resolved` (v1 to v3) and `composer.lock`.
enum JSONLockfileReader {
  /// The packages `bytes` resolves, read as `format`.
  static func read(_ bytes: [UInt8], format: LockfileFormat, path: String)
    throws(LockfileProblem) -> [ResolvedPackage]
  {
    let document: PositionedJSON
    do {
      document = try PositionedJSON.parse(bytes)
    } catch {
      throw LockfileProblem(
        path: path, line: error.line, column: error.column, message: error.message)
    }
    guard case .object = document.value else {
      throw LockfileProblem(
        path: path, line: document.line, column: document.column,
        message: "expected an object at the top of a \(format.rawValue)")
    }
    let make = { (name: String, version: PositionedJSON, commit: String?, direct: Bool?) in
      ResolvedPackage(
        ecosystem: format.ecosystem, name: name, version: version.string ?? "", commit: commit,
        path: path, line: version.line, format: format, isDirect: direct)
    }
    switch format {
    case .npmPackageLock: return npm(document, make)
    case .pipfileLock:
      return ["default", "develop"].flatMap { section in
        (document[section]?.members ?? []).compactMap { member -> ResolvedPackage? in
          guard let version = member.value["version"], let text = version.string else { return nil }
          var package = make(member.key, version, nil, nil)
          package.version = String(text.drop { $0 == "=" })
          return package
        }
      }
    case .packageResolved:
      let pins = document["pins"] ?? document["object"]?["pins"]
      return (pins?.elements ?? []).compactMap { pin -> ResolvedPackage? in
        guard let name = pin["location"]?.string ?? pin["repositoryURL"]?.string,
          let state = pin["state"]
        else { return nil }
        let revision = state["revision"]?.string
        if let version = state["version"], version.string != nil {
          return make(name, version, revision, nil)
        }
        guard let revisionValue = state["revision"], revision != nil else { return nil }
        return make(name, revisionValue, revision, nil)
      }
    case .composerLock:
      return ["packages", "packages-dev"].flatMap { section in
        (document[section]?.elements ?? []).compactMap { entry -> ResolvedPackage? in
          guard let name = entry["name"]?.string, let version = entry["version"],
            version.string != nil
          else { return nil }
          return make(name, version, entry["source"]?["reference"]?.string, nil)
        }
      }
    default:
      return []
    }
  }

  /// npm: the `packages` map (v2, v3: `node_modules/...` paths, direct when the root entry
  /// declares it and it sits at the top of `node_modules`), else the nested `dependencies`
  /// (v1: nested entries are transitive; top-level ones cannot be told apart, since npm hoists).
  private static func npm(
    _ document: PositionedJSON,
    _ make: (String, PositionedJSON, String?, Bool?) -> ResolvedPackage
  ) -> [ResolvedPackage] {
    if let packages = document["packages"], case .object(let entries) = packages.value {
      let root = packages[""]
      var declared: Set<String> = []
      for key in ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] {
        for member in root?[key]?.members ?? [] { declared.insert(member.key) }
      }
      return entries.compactMap { entry -> ResolvedPackage? in
        guard let marker = entry.key.range(of: "node_modules/", options: .backwards),
          let version = entry.value["version"], version.string != nil,
          entry.value["link"]?.value != .bool(true)
        else { return nil }
        let name = entry.value["name"]?.string ?? String(entry.key[marker.upperBound...])
        let isTopLevel = entry.key == "node_modules/" + name
        return make(name, version, nil, isTopLevel && declared.contains(name))
      }
    }
    var found: [ResolvedPackage] = []
    func walk(_ dependencies: PositionedJSON?, depth: Int) {
      for member in dependencies?.members ?? [] {
        if let version = member.value["version"], version.string != nil {
          found.append(make(member.key, version, nil, depth == 0 ? nil : false))
        }
        walk(member.value["dependencies"], depth: depth + 1)
      }
    }
    walk(document["dependencies"], depth: 0)
    return found
  }
}
