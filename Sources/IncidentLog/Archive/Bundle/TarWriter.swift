/// Writes a POSIX ustar archive (POSIX.1-1988 `ustar`, as `tar -xf` on any system reads it).
///
/// Each member is a 512-byte header and its data padded to 512 bytes; the archive ends with two
/// zero blocks and is padded to a whole 10,240-byte record (the default blocking factor of 20).
/// A path longer than 100 bytes is split at a `/` into the header's 155-byte `prefix` and its
/// 100-byte `name`; a path that cannot be split so is refused, never truncated. Owner and
/// group are 0 with no names, so that an archive of the same members and time is the same
/// bytes.
///
/// ```swift
/// var tar = TarWriter(modificationTime: 1_796_428_800)
/// try tar.addDirectory("bundle")
/// try tar.addFile("bundle/README.md", Array("Read me\n".utf8))
/// let bytes = tar.finished()
/// ```
package struct TarWriter: Sendable {
  /// The size of a header and of a data block.
  package static let blockSize = 512
  /// The size the finished archive is padded to a multiple of.
  package static let recordSize = 10_240
  /// The largest member: eleven octal digits of size.
  package static let maximumFileSize = (1 << 33) - 1

  /// The seconds since 1970 written as every member's modification time.
  package let modificationTime: Int
  /// The archive so far.
  private(set) var bytes: [UInt8] = []

  /// A writer whose members all carry `modificationTime` (seconds since 1970).
  package init(modificationTime: Int) {
    self.modificationTime = max(0, modificationTime)
  }

  /// Adds a regular file (type `0`) with `mode` (0600 unless given).
  ///
  /// - Throws: ``TarError`` when the path cannot be stored or the file is too large.
  package mutating func addFile(
    _ path: String, _ contents: [UInt8], mode: Int = 0o600
  ) throws(TarError) {
    guard contents.count <= Self.maximumFileSize else {
      throw .fileTooLarge(path: path, size: contents.count)
    }
    bytes += try Self.header(
      path: path, mode: mode, size: contents.count, type: UInt8(ascii: "0"),
      modificationTime: modificationTime)
    bytes += contents
    bytes += [UInt8](repeating: 0, count: Self.padding(contents.count))
  }

  /// Adds a directory (type `5`) with `mode` (0700 unless given); its name gets a final `/`.
  ///
  /// - Throws: ``TarError`` when the path cannot be stored.
  package mutating func addDirectory(_ path: String, mode: Int = 0o700) throws(TarError) {
    let name = path.hasSuffix("/") ? path : path + "/"
    bytes += try Self.header(
      path: name, mode: mode, size: 0, type: UInt8(ascii: "5"),
      modificationTime: modificationTime)
  }

  /// The archive: the members, two zero blocks, and zeros up to a whole record.
  package func finished() -> [UInt8] {
    var archive = bytes + [UInt8](repeating: 0, count: 2 * Self.blockSize)
    let remainder = archive.count % Self.recordSize
    if remainder != 0 {
      archive += [UInt8](repeating: 0, count: Self.recordSize - remainder)
    }
    return archive
  }

  /// The zeros after `count` bytes of data up to the next block.
  private static func padding(_ count: Int) -> Int {
    (blockSize - count % blockSize) % blockSize
  }
}

extension TarWriter {
  /// A ustar header block.
  ///
  /// Numbers are octal ASCII, zero-filled, ending in NUL; the checksum is the sum of the
  /// header's bytes with its own field read as eight spaces, written as six octal digits, NUL
  /// and a space (as POSIX and GNU tar write it).
  package static func header(
    path: String, mode: Int, size: Int, type: UInt8, modificationTime: Int
  ) throws(TarError) -> [UInt8] {
    let (prefix, name) = try split(path)
    var header = [UInt8](repeating: 0, count: blockSize)
    func put(_ field: [UInt8], at offset: Int) {
      header.replaceSubrange(offset..<offset + field.count, with: field)
    }
    put(name, at: 0)
    put(octal(mode, width: 8), at: 100)
    put(octal(0, width: 8), at: 108)  // uid
    put(octal(0, width: 8), at: 116)  // gid
    put(octal(size, width: 12), at: 124)
    put(octal(modificationTime, width: 12), at: 136)
    put([UInt8](repeating: UInt8(ascii: " "), count: 8), at: 148)
    header[156] = type
    put(Array("ustar".utf8) + [0], at: 257)
    put(Array("00".utf8), at: 263)
    put(octal(0, width: 8), at: 329)  // devmajor
    put(octal(0, width: 8), at: 337)  // devminor
    put(prefix, at: 345)
    let checksum = header.reduce(0) { $0 + Int($1) }
    put(octal(checksum, width: 7) + [UInt8(ascii: " ")], at: 148)
    return header
  }

  /// `path` as the header's `prefix` and `name` fields: the whole path in `name` when it fits
  /// in 100 bytes, else split at the last `/` that leaves at most 100 bytes after it and 155
  /// before it.
  ///
  /// - Throws: ``TarError/emptyName`` or ``TarError/invalidName(path:)`` for an empty path or
  ///   one holding NUL; ``TarError/nameTooLong(path:)`` when no split fits.
  package static func split(_ path: String) throws(TarError) -> (prefix: [UInt8], name: [UInt8]) {
    let bytes = Array(path.utf8)
    guard !bytes.isEmpty else { throw .emptyName }
    guard !bytes.contains(0), !path.hasPrefix("/"), !path.split(separator: "/").contains("..")
    else { throw .invalidName(path: path) }
    if bytes.count <= 100 { return ([], bytes) }
    // A directory's name ends in "/": that slash is part of the name, not a place to split.
    let searched = bytes.last == UInt8(ascii: "/") ? bytes.dropLast() : bytes[...]
    for index in searched.indices.reversed() where bytes[index] == UInt8(ascii: "/") {
      let name = Array(bytes[(index + 1)...])
      let prefix = Array(bytes[..<index])
      if name.count > 100 { break }
      if prefix.count <= 155 && !name.isEmpty { return (prefix, name) }
    }
    throw .nameTooLong(path: path)
  }

  /// `value` in octal, zero-filled to `width - 1` digits, then NUL.
  static func octal(_ value: Int, width: Int) -> [UInt8] {
    let digits = String(value, radix: 8)
    let padded = String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
    return Array(padded.utf8) + [0]
  }
}
