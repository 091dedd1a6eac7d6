import Foundation

/// A small TOML subset reader, enough for the `[[package]]` tables of the lockfiles.
///
/// It reads `Cargo.lock`, `poetry.lock` and `uv.lock`: headers (`[[package]]`, `[package.extras]`, `[metadata]`), and
/// `key = value` lines whose value is a basic or literal string, a number, a boolean, an inline
/// table or an array (which may run over several lines). Values are kept as their raw text.
struct TOMLPackageTables {
  /// One `key = value` of a `[[package]]` table.
  struct Field {
    /// The raw value text (`"1.14.1"`, `[ "a", "b 1.0" ]`).
    var raw: String
    var line: Int
    var column: Int

    /// The value as a string when it is one (`"x"` or `'x'`), else nil.
    var string: String? {
      let text = Substring(raw)
      guard text.count >= 2, let first = text.first, first == "\"" || first == "'",
        text.last == first
      else { return nil }
      return String(text.dropFirst().dropLast())
    }

    /// Every quoted string inside the value, in order (the elements of an array of strings, or
    /// the values of an inline table).
    var quotedStrings: [String] {
      var strings: [String] = []
      var current: String?
      var quote: Character = "\""
      for character in raw {
        if var text = current {
          if character == quote {
            strings.append(text)
            current = nil
          } else {
            text.append(character)
            current = text
          }
        } else if character == "\"" || character == "'" {
          quote = character
          current = ""
        }
      }
      return strings
    }
  }

  /// Each `[[package]]` table's fields by key, in file order.
  private(set) var packages: [[String: Field]] = []

  /// Reads `text`; a line that is none of the above is refused with its position.
  init(_ text: String, path: String) throws(LockfileProblem) {
    var current: [String: Field]?
    var pending: (key: String, raw: String, line: Int, column: Int, depth: Int)?
    for (number, line) in NumberedLines(text: text) {
      if var open = pending {
        open.raw += "\n" + line
        open.depth += Self.bracketDepthChange(line)
        pending = open
        if open.depth <= 0 {
          current?[open.key] = Field(raw: open.raw, line: open.line, column: open.column)
          pending = nil
        }
        continue
      }
      let stripped = line.strippedOfSpaces
      if stripped.isEmpty || stripped.first == "#" { continue }
      if stripped.first == "[" {
        if let table = current { packages.append(table) }
        current = stripped == "[[package]]" ? [:] : nil
        continue
      }
      guard let equals = stripped.firstIndex(of: "=") else {
        throw LockfileProblem(
          path: path, line: number, column: line.indentation + 1,
          message: "expected 'key = value' or a [table] header")
      }
      let key = String(stripped[..<equals].strippedOfSpaces.unquoted)
      let value = stripped[stripped.index(after: equals)...].strippedOfSpaces
      let column = line.distance(from: line.startIndex, to: value.startIndex) + 1
      let depth = Self.bracketDepthChange(value)
      if depth > 0 {
        pending = (key, String(value), number, column, depth)
      } else {
        current?[key] = Field(raw: String(value), line: number, column: column)
      }
    }
    if let open = pending {
      throw LockfileProblem(
        path: path, line: open.line, column: open.column,
        message: "the array or table is not closed")
    }
    if let table = current { packages.append(table) }
  }

  /// Opening minus closing brackets and braces outside strings on one line.
  private static func bracketDepthChange(_ text: Substring) -> Int {
    var depth = 0
    var quote: Character?
    for character in text {
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "#" {
        break
      } else if character == "[" || character == "{" {
        depth += 1
      } else if character == "]" || character == "}" {
        depth -= 1
      }
    }
    return depth
  }
}

/// The reader of `Cargo.lock`, `poetry.lock` and `uv.lock`.
///
/// It reads the `name` and `version` of every `[[package]]`.
/// Direct: in `Cargo.lock`, the dependencies of packages with no `source` (the workspace's own);
/// in `uv.lock`, those of packages whose `source` is `editable` or `virtual` (the project);
/// `poetry.lock` does not say (nil).
enum TOMLLockfileReader {
  static func read(_ text: String, format: LockfileFormat, path: String)
    throws(LockfileProblem) -> [ResolvedPackage]
  {
    let tables = try TOMLPackageTables(text, path: path).packages
    var direct: Set<String>?
    switch format {
    case .cargoLock:
      direct = Set(
        tables.filter { $0["source"] == nil }.flatMap { table in
          (table["dependencies"]?.quotedStrings ?? []).map {
            String($0.split(separator: " ").first ?? "")
          }
        })
    case .uvLock:
      direct = Set(
        tables.filter { table in
          let source = table["source"]?.raw ?? ""
          return source.contains("editable") || source.contains("virtual")
        }.flatMap { table in
          // `dependencies = [ { name = "axios" }, ... ]`: every `name = "..."` value.
          Self.names(in: table["dependencies"]?.raw ?? "")
            + Self.names(in: table["dev-dependencies"]?.raw ?? "")
        }.map { PackageEcosystem.pypi.normalizedName($0) })
    default:
      direct = nil
    }
    var packages: [ResolvedPackage] = []
    for table in tables {
      guard let name = table["name"]?.string else { continue }
      guard let version = table["version"], let versionText = version.string else { continue }
      let isDirect = direct.map {
        $0.contains(format == .uvLock ? PackageEcosystem.pypi.normalizedName(name) : name)
      }
      // A workspace's own package is not a dependency.
      let isOwn =
        (format == .cargoLock && table["source"] == nil)
        || (format == .uvLock
          && (table["source"]?.raw.contains("editable") == true
            || table["source"]?.raw.contains("virtual") == true))
      if isOwn { continue }
      packages.append(
        ResolvedPackage(
          ecosystem: format.ecosystem, name: name, version: versionText, path: path,
          line: version.line, format: format, isDirect: isDirect))
    }
    return packages
  }

  /// The values of `name = "..."` inside `text`.
  private static func names(in text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let range = rest.range(of: "name = \"") {
      rest = rest[range.upperBound...]
      guard let close = rest.firstIndex(of: "\"") else { break }
      names.append(String(rest[..<close]))
      rest = rest[close...]
    }
    return names
  }
}
