/// A list of document paths in 12 bytes each when they have the standard shape
/// (`records/2026/04/20260401T093000Z-1a2b3c4d.json`, see ``PackedLocation``): what a report
/// keeps for a list that can name most documents of an archive.
struct PackedPaths: Sendable, Equatable {
  /// The id's 14 time digits, with bit 63 set for an amendment.
  private var times: [UInt64] = []
  /// The id's 8 random hex digits.
  private var randoms: [UInt32] = []
  /// The paths without the standard shape, by position.
  private var others: [Int: String] = [:]

  private static let amendmentBit: UInt64 = 1 << 63

  /// An empty list.
  init() {}

  /// A list of `paths`, whatever their shape.
  init(_ paths: [String]) {
    for path in paths {
      others[times.count] = path
      times.append(0)
      randoms.append(0)
    }
  }

  /// How many paths the list holds.
  var count: Int { times.count }

  /// Adds `location`'s path.
  mutating func append(_ location: DocumentLocation) {
    if let (time, random) = Self.standardParts(of: location) {
      times.append(location.kind == .amendment ? time | Self.amendmentBit : time)
      randoms.append(random)
    } else {
      others[times.count] = location.path
      times.append(0)
      randoms.append(0)
    }
  }

  /// The id's time digits and random part when `location` has the standard shape, read from
  /// the path's bytes: `KIND/YYYY/MM/YYYYMMDDTHHMMSSZ-hhhhhhhh.json`, the folder the id's
  /// month, the hex lower-case (so the path comes back exactly as it was).
  static func standardParts(of location: DocumentLocation) -> (UInt64, UInt32)? {
    let folder = location.kind.directoryName.utf8.count
    var path = location.path
    return path.withUTF8 { bytes -> (UInt64, UInt32)? in
      // KIND/YYYY/MM/ is folder + 9 bytes; the file name is 25 + 5.
      guard bytes.count == folder + 9 + 30,
        bytes[..<folder].elementsEqual(location.kind.directoryName.utf8)
      else { return nil }
      let name = folder + 9
      let slash = UInt8(ascii: "/")
      guard bytes[folder] == slash, bytes[folder + 5] == slash, bytes[folder + 8] == slash,
        bytes[name + 8] == UInt8(ascii: "T"), bytes[name + 15] == UInt8(ascii: "Z"),
        bytes[name + 16] == UInt8(ascii: "-"),
        bytes[(name + 25)...].elementsEqual(".json".utf8),
        bytes[(folder + 1)..<(folder + 5)].elementsEqual(bytes[name..<(name + 4)]),
        bytes[(folder + 6)..<(folder + 8)].elementsEqual(bytes[(name + 4)..<(name + 6)])
      else { return nil }
      var time: UInt64 = 0
      for index in Array(name..<(name + 8)) + Array((name + 9)..<(name + 15)) {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        time = time * 10 + UInt64(digit)
      }
      var random: UInt32 = 0
      for index in (name + 17)..<(name + 25) {
        let byte = bytes[index]
        let value: UInt8
        if byte &- UInt8(ascii: "0") < 10 {
          value = byte - UInt8(ascii: "0")
        } else if byte &- UInt8(ascii: "a") < 6 {
          value = byte - UInt8(ascii: "a") + 10
        } else {
          return nil
        }
        random = random << 4 | UInt32(value)
      }
      return (time, random)
    }
  }

  /// Lists are equal when their paths are, however they are kept.
  static func == (left: PackedPaths, right: PackedPaths) -> Bool { left.paths == right.paths }

  /// The paths, in the order they were added.
  var paths: [String] {
    times.indices.map { index in
      if let path = others[index] { return path }
      let kind: DocumentKind = times[index] & Self.amendmentBit != 0 ? .amendment : .record
      return PackedLocation.packed(
        kind: kind, time: times[index] & ~Self.amendmentBit, random: randoms[index]
      ).location.path
    }
  }
}
