import Foundation
import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a time is shown to a person: UTC, as records keep it, with the local time beside it
/// (`2026-04-03T09:00:00Z (2026-04-03 11:00 Europe/Paris)`) when the local zone is not UTC.
///
/// The zone is `TZ` when it names one, else the system's. Records and every machine-read output
/// stay UTC only.
package struct LocalTime: Sendable, Equatable {
  /// The zone shown beside UTC; nil shows UTC only.
  package var timeZone: TimeZone?

  package init(timeZone: TimeZone?) {
    self.timeZone = timeZone
  }

  /// UTC only (for output a program reads, and for tests that need no zone).
  package static let utcOnly = LocalTime(timeZone: nil)

  /// The zone of a process whose `TZ` is `tz`.
  ///
  /// `Europe/Paris` or `:Europe/Paris`, else the system zone. A zone that is UTC all year shows
  /// nothing beside UTC.
  ///
  /// A zone named as UTC (by `TZ`, or by the link `/etc/localtime` when no `TZ` is set) is
  /// known without Foundation's time zones, whose first use costs about a tenth of a `run`.
  package static func from(tz: String?) -> LocalTime {
    if let written = tz, !written.isEmpty {
      let name = written.hasPrefix(":") ? String(written.dropFirst()) : written
      if utcZoneNames.contains(name) { return .utcOnly }
    } else if systemZoneIsNamedUTC() {
      return .utcOnly
    }
    var zone = TimeZone.current
    if let written = tz, !written.isEmpty {
      let name = written.hasPrefix(":") ? String(written.dropFirst()) : written
      if let named = TimeZone(identifier: name) {
        zone = named
      } else if let abbreviated = TimeZone(abbreviation: name) {
        zone = abbreviated
      }
    }
    return LocalTime(timeZone: isUTC(zone) ? nil : zone)
  }

  /// Zone names that are UTC all year (in the tz database, each a name or link of `Etc/UTC`).
  ///
  /// A list, not a set: it is read once a run, and a set costs the hashing of every name
  /// first.
  static let utcZoneNames: [String] = [
    "UTC", "UCT", "Universal", "Zulu", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich",
    "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0",
    "Etc/GMT-0", "Etc/Greenwich",
  ]

  /// Whether the system zone is a link to a UTC zone file.
  ///
  /// Only with no `TZ` in the process either: `/etc/localtime` → `…/zoneinfo/Etc/UTC`.
  /// Anything else (no link, another zone) says no, and Foundation decides.
  private static func systemZoneIsNamedUTC() -> Bool {
    if let processTZ = getenv("TZ"), processTZ.pointee != 0 { return false }
    // The link's target read into the stack and searched as bytes (`zoneinfo/` is ASCII).
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 1024) { buffer in
      guard let base = buffer.baseAddress else { return false }
      let count = readlink("/etc/localtime", base, buffer.count - 1)
      guard count > 0 else { return false }
      return UnsafeRawPointer(base).withMemoryRebound(to: UInt8.self, capacity: count) {
        let target = UnsafeBufferPointer(start: $0, count: count)
        let marker = Array("zoneinfo/".utf8)
        // The name after the last `zoneinfo/`.
        var start = count - marker.count
        while start >= 0, !target[start..<(start + marker.count)].elementsEqual(marker) {
          start -= 1
        }
        guard start >= 0 else { return false }
        return utcZoneNames.contains(
          String(decoding: target[(start + marker.count)...], as: UTF8.self))
      }
    }
  }

  /// Whether `zone` is UTC all year (no offset now or in six months).
  private static func isUTC(_ zone: TimeZone) -> Bool {
    let now = Date()
    return zone.secondsFromGMT(for: now) == 0
      && zone.secondsFromGMT(for: now.addingTimeInterval(182 * 86_400)) == 0
  }

  /// `2026-04-03T09:00:00Z`, then the local time in parentheses when there is a zone.
  package func string(from date: Date) -> String {
    let utc = UTCTimestamp.string(from: date)
    guard let local = local(date) else { return utc }
    return "\(utc) (\(local))"
  }

  /// `2026-04-03 11:00 Europe/Paris`: the local time alone, or nil without a zone.
  package func local(_ date: Date) -> String? {
    guard let timeZone else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    func two(_ number: Int?) -> String {
      let text = String(number ?? 0)
      return text.count < 2 ? "0" + text : text
    }
    // The zone's name as TZ gives it: the same on every platform, unlike abbreviations.
    return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) "
      + "\(two(parts.hour)):\(two(parts.minute)) \(timeZone.identifier)"
  }
}
