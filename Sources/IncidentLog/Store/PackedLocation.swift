/// A ``DocumentLocation`` in 16 bytes when it has the standard shape
/// (`records/2026/04/20260401T093000Z-1a2b3c4d.json`), for structures that hold one per
/// document; any other location is kept whole.
enum PackedLocation: Hashable {
  case packed(kind: DocumentKind, time: UInt64, random: UInt32)
  indirect case whole(DocumentLocation)

  init(_ location: DocumentLocation) {
    let bytes = Array(location.id.utf8)
    guard bytes.count == 25, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z"),
      bytes[16] == UInt8(ascii: "-"),
      let time = UInt64(String(decoding: bytes[0..<8] + bytes[9..<15], as: UTF8.self)),
      let random = UInt32(String(decoding: bytes[17...], as: UTF8.self), radix: 16)
    else {
      self = .whole(location)
      return
    }
    let packed = PackedLocation.packed(kind: location.kind, time: time, random: random)
    self = packed.location == location ? packed : .whole(location)
  }

  /// The location it stands for.
  var location: DocumentLocation {
    switch self {
    case .whole(let location): return location
    case .packed(let kind, let time, let random):
      let digits = String(time)
      let padded = String(repeating: "0", count: max(0, 14 - digits.count)) + digits
      let hex = String(random, radix: 16)
      let id =
        "\(padded.prefix(8))T\(padded.suffix(6))Z-"
        + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
      let year = padded.prefix(4)
      let month = padded.dropFirst(4).prefix(2)
      return DocumentLocation(
        kind: kind, id: id, path: "\(kind.directoryName)/\(year)/\(month)/\(id).json")
    }
  }
}
