import IncidentLog
import TriageSession

/// What `triage affected --package/--advisory` was asked: the packages, the advisory they came
/// from, and the folders to scan.
struct PackageScanQuery {
  var scanRoots: [String]
  var packages: [AffectedPackage] = []
  /// The advisory file given and what it says.
  var advisory: (path: String, advisory: OSVAdvisory)?
}

/// A package scan's result as text and as `triage-affected/1` JSON.
struct PackageScanReport {
  var query: PackageScanQuery
  var scan: LockfileScan
  var scannedAt: String

  /// The resolutions of an affected version.
  var hits: [ResolvedPackage] { scan.hits(for: query.packages) }

  /// For people: the hits (or "no hit"), unpinned requirements, unreadable files, and what was
  /// scanned, by format.
  var text: String {
    var lines: [String] = []
    let hits = self.hits
    let subject =
      query.advisory.map { "advisory \($0.advisory.id)" }
      ?? query.packages.map {
        "\($0.ecosystem.rawValue):\($0.name)@\($0.versions.joined(separator: ","))"
      }
      .joined(separator: " ")
    if hits.isEmpty {
      lines.append("no hit: no scanned file resolves an affected version (\(subject))")
    } else {
      let files = Set(hits.map(\.path)).count
      lines.append(
        "hit: \(hits.count) affected \(hits.count == 1 ? "resolution" : "resolutions") in \(files) "
          + "\(files == 1 ? "file" : "files") (\(subject))")
      for hit in hits {
        let direct = hit.isDirect.map { $0 ? ", direct" : ", transitive" } ?? ""
        lines.append(
          "  \(hit.path):\(hit.line)  \(hit.name) \(hit.version)  (\(hit.format.rawValue)\(direct))"
        )
      }
    }
    let unpinned = scan.unpinnedMatches(for: query.packages)
    if !unpinned.isEmpty {
      lines.append("unpinned, not resolved (the file names no one version):")
      for requirement in unpinned {
        lines.append("  \(requirement.path):\(requirement.line)  \(requirement.text)")
      }
    }
    if !scan.problems.isEmpty {
      lines.append("could not read:")
      for problem in scan.problems { lines.append("  \(problem.description)") }
    }
    let roots = query.scanRoots.joined(separator: ", ")
    lines.append(
      "scanned \(scan.scanned.count) \(scan.scanned.count == 1 ? "file" : "files") under \(roots) at \(scannedAt):"
    )
    var counts: [LockfileFormat: Int] = [:]
    for file in scan.scanned { counts[file.format, default: 0] += 1 }
    for format in LockfileFormat.allCases {
      if let count = counts[format] { lines.append("  \(format.rawValue): \(count)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `triage-affected/1` (docs/affected.md).
  var json: JSONValue {
    let hits = self.hits
    let packages = JSONValue.array(
      query.packages.map { package in
        .object([
          .init("ecosystem", .string(package.ecosystem.rawValue)),
          .init("name", .string(package.name)),
          .init("versions", .strings(package.versions)),
          .init("ranges", .number(Double(package.ranges.count))),
        ])
      })
    let advisory: JSONValue =
      query.advisory.map { given in
        .object([
          .init("path", .string(given.path)), .init("id", .string(given.advisory.id)),
          .init("aliases", .strings(given.advisory.aliases)),
          .init("skipped_ecosystems", .strings(given.advisory.skippedEcosystems)),
        ])
      } ?? .null
    return .object([
      .init("format", "triage-affected/1"),
      .init(
        "query",
        .object([
          .init("packages", packages), .init("advisory", advisory),
          .init("scan", .strings(query.scanRoots)),
        ])),
      .init("scanned_at", .string(scannedAt)),
      .init(
        "scanned",
        .array(
          scan.scanned.map { file in
            .object([
              .init("path", .string(file.path)), .init("format", .string(file.format.rawValue)),
              .init("packages", .number(Double(file.packageCount))),
            ])
          })),
      .init(
        "hits",
        .array(
          hits.map { hit in
            .object([
              .init("path", .string(hit.path)), .init("line", .number(Double(hit.line))),
              .init("format", .string(hit.format.rawValue)),
              .init("ecosystem", .string(hit.ecosystem.rawValue)),
              .init("name", .string(hit.name)), .init("version", .string(hit.version)),
              .init("direct", hit.isDirect.map(JSONValue.bool) ?? .null),
            ])
          })),
      .init(
        "unpinned",
        .array(
          scan.unpinnedMatches(for: query.packages).map { requirement in
            .object([
              .init("path", .string(requirement.path)),
              .init("line", .number(Double(requirement.line))),
              .init("requirement", .string(requirement.text)),
            ])
          })),
      .init(
        "problems",
        .array(
          scan.problems.map { problem in
            .object([
              .init("path", .string(problem.path)), .init("line", .number(Double(problem.line))),
              .init("column", .number(Double(problem.column))),
              .init("message", .string(problem.message)),
            ])
          })),
      .init("result", .string(hits.isEmpty ? "no-hit" : "hit")),
    ])
  }
}
