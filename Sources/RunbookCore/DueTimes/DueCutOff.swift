import Foundation

/// The `by HH:MM ZONE` end of a due rule: the due day is counted in `zone`, and the time is due
/// at `hour:minute` there on that day.
///
/// `zone` is an IANA time zone name that Foundation knows (`America/New_York`, `Europe/Berlin`)
/// or `UTC`. Fixed abbreviations such as `EST` are refused: they have no summer time, and a
/// deadline like EDGAR's follows the clock on the wall.
package struct DueCutOff: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The hour, 0 to 23.
  package var hour: Int
  /// The minute, 0 to 59.
  package var minute: Int
  /// The zone's name, as `TimeZone(identifier:)` takes it.
  package var zone: String

  /// A cut-off at `hour:minute` in `zone`; nil when the time or the zone does not exist.
  package init?(hour: Int, minute: Int, zone: String) {
    guard (0...23).contains(hour), (0...59).contains(minute), Self.isKnownZone(zone) else {
      return nil
    }
    self.hour = hour
    self.minute = minute
    self.zone = zone
  }

  /// A cut-off whose zone was checked when it was first read.
  ///
  /// The compiled cache stores only cut-offs that loaded: the hour and minute are checked
  /// again, the zone is not, since opening a zone costs a run about a thirtieth of its time
  /// when nothing else needs one.
  init?(hour: Int, minute: Int, checkedZone zone: String) {
    guard (0...23).contains(hour), (0...59).contains(minute), !zone.isEmpty else { return nil }
    self.hour = hour
    self.minute = minute
    self.zone = zone
  }

  /// The zone (UTC should it not open, which cannot happen for a value made by `init`, nor
  /// for one from the cache unless the system's zones changed since).
  package var timeZone: TimeZone {
    TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 0) ?? .current
  }

  /// Seconds from midnight to the cut-off.
  var secondsIntoDay: Int { hour * 3600 + minute * 60 }

  /// `by 17:30 America/New_York`.
  package var description: String {
    "by \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute) \(zone)"
  }

  /// Whether `name` is a zone a cut-off may name.
  ///
  /// That is `UTC`, one of Foundation's known zone names, or an `Area/Location` name that
  /// `TimeZone(identifier:)` opens (letter case counts). The list alone is not enough: on Linux
  /// it lacks `Asia/Kolkata`, which the zone database has.
  package static func isKnownZone(_ name: String) -> Bool {
    // `Area/Location` names are opened directly: building the list of every known identifier
    // costs more than the rest of loading an obligation file (about 8M instructions).
    if name == "UTC" || (name.contains("/") && TimeZone(identifier: name) != nil) { return true }
    return TimeZone.knownTimeZoneIdentifiers.contains(name)
  }

  /// The known zone name nearest to `name`, for "did you mean".
  static func suggestion(forZone name: String) -> String? {
    let known = TimeZone.knownTimeZoneIdentifiers + ["UTC"]
    if let exact = known.first(where: { $0.lowercased() == name.lowercased() }) { return exact }
    return Suggestion.nearest(to: name, in: known)
  }
}
