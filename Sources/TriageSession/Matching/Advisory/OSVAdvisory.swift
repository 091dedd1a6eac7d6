import RunbookCore

/// An OSV-format advisory (https://ossf.github.io/osv-schema/), read from JSON.
///
/// It keeps its id and the packages it affects. Entries for ecosystems triage does not scan (`Debian:12`, `Maven`) are
/// kept out of ``packages`` and counted in ``skippedEcosystems``.
package struct OSVAdvisory: Sendable, Equatable {
  package var id: String
  package var aliases: [String]
  package var summary: String?
  package var packages: [AffectedPackage]
  /// The ecosystems named in `affected[]` that triage has no reader for.
  package var skippedEcosystems: [String]

  /// Reads the advisory; a document that is not JSON, or not an OSV advisory, is refused with
  /// its line and column.
  package init(json bytes: [UInt8]) throws(AdvisoryError) {
    let document = try PositionedJSON.parse(bytes)
    guard case .object = document.value else {
      throw AdvisoryError(
        line: document.line, column: document.column, message: "expected an object")
    }
    guard let id = document["id"]?.string else {
      throw AdvisoryError(line: document.line, column: document.column, message: "no 'id'")
    }
    self.id = id
    aliases = document["aliases"]?.elements.compactMap(\.string) ?? []
    summary = document["summary"]?.string
    guard let affected = document["affected"], case .array(let entries) = affected.value else {
      throw AdvisoryError(
        line: document.line, column: document.column, message: "no 'affected' list")
    }
    packages = []
    skippedEcosystems = []
    for entry in entries {
      guard let package = entry["package"], let ecosystemName = package["ecosystem"]?.string,
        let name = package["name"]?.string ?? package["purl"]?.string
      else {
        throw AdvisoryError(
          line: entry.line, column: entry.column,
          message: "an 'affected' entry needs package.ecosystem and package.name")
      }
      guard let ecosystem = PackageEcosystem(osvName: ecosystemName) else {
        if !skippedEcosystems.contains(ecosystemName) { skippedEcosystems.append(ecosystemName) }
        continue
      }
      var ranges: [AffectedRange] = []
      for range in entry["ranges"]?.elements ?? [] {
        guard let kindName = range["type"]?.string,
          let kind = AffectedRange.Kind(rawValue: kindName)
        else {
          throw AdvisoryError(
            line: range.line, column: range.column,
            message: "a range 'type' must be SEMVER, ECOSYSTEM or GIT")
        }
        ranges.append(AffectedRange(kind: kind, events: try Self.events(of: range)))
      }
      packages.append(
        AffectedPackage(
          ecosystem: ecosystem, name: name,
          versions: entry["versions"]?.elements.compactMap(\.string) ?? [], ranges: ranges))
    }
  }

  private static func events(of range: PositionedJSON) throws(AdvisoryError) -> [AffectedRange
    .Event]
  {
    var events: [AffectedRange.Event] = []
    for event in range["events"]?.elements ?? [] {
      guard let (key, value) = event.members.first, let version = value.string else {
        throw AdvisoryError(
          line: event.line, column: event.column,
          message: "an event is one of introduced, fixed, last_affected, limit with a string")
      }
      switch key {
      case "introduced": events.append(.introduced(version))
      case "fixed": events.append(.fixed(version))
      case "last_affected": events.append(.lastAffected(version))
      case "limit": events.append(.limit(version))
      default:
        throw AdvisoryError(
          line: event.line, column: event.column,
          message: "unknown event '\(key)' (expected introduced, fixed, last_affected or limit)")
      }
    }
    return events
  }
}

/// An advisory file that cannot be read: where (line and column), and why.
///
/// The same type as a JSON reading error, so the reader's errors pass through unchanged.
package typealias AdvisoryError = PositionedJSONError
