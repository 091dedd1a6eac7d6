import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file of the summary index: the entries of one folder below `records/` or `amendments/`,
/// one per document file, in `.cache/summaries/<r or a>-<FNV-1a 64 of the folder's path>.bin`
/// (`r` for a folder of records, `a` of amendments; the hash in 16 hex digits), so
/// that `archive list`, `follow-ups`, `due`, `calendar` and `stats` read one small file per
/// folder (a month) rather than every record and amendment, and a change rewrites only the
/// files of the folders it touched.
///
/// ```
/// "TRIAGEX1"                      8 bytes
/// checksum of the rest            8 bytes, little-endian (``FNV1a/wordChecksum(_:_:)``)
/// format, build                   strings ("triage-summary-index/3", the triage version)
/// archive root's device, inode    varints: an index copied from another archive is foreign
/// folder                          string, from the archive root (`records/2026/04`)
/// stamp                           0, or 1 and the seconds (zig-zag) and nanoseconds
/// folder's key                    0, or 1 and the folder's DocumentKey (see below)
/// entries, to the end             file name, tag (1 record, 2 amendment), DocumentKey,
///                                 payload length and bytes (a RecordSummary, or the id of
///                                 the record an amendment names, "" for none)
/// ```
///
/// The folder's key is the folder's own status (times to the nanosecond, inode, device) taken
/// before it was listed, written only when the entries describe the whole folder: every name
/// in it a regular document with a trusted entry, or a report or stray file (no subfolder, no
/// symbolic link, no unreadable record). Under the racy rule on that key
/// (``trusts(folder:)``), the folder is not listed again and its documents are not stat'ed:
/// any add, delete or rename in it (a `git pull`, an editor saving by rename) changes the
/// folder's times; a document rewritten in place in an untouched folder is not seen (an
/// append-only record edited: `archive verify` reports it, and `--recheck` stats every
/// document).
///
/// Like the heads cache it is never the source of truth: it is ignored by git, rebuilt when
/// missing, damaged, foreign or of another build, and failures to write it are ignored.
/// `archive verify` never reads it.
struct SummaryIndex: Sendable {
  /// The index's folder in the cache folder (``HeadsCache/directoryName``).
  static let folderName = "summaries"
  /// The first bytes of the file.
  static let magic = Array("TRIAGEX1".utf8)
  /// The format named in the file; bumped whenever the layout or a summary's form changes.
  static let format = "triage-summary-index/3"
  /// The largest index file read (a folder of 100,000 documents takes about 15 MB).
  static let sizeLimit = 1 << 30

  /// The file name of the index file of the folder `path` of `kind`.
  static func fileName(ofFolder path: String, kind: DocumentKind) -> String {
    let hex = String(FNV1a.hash(path), radix: 16)
    return prefix(of: kind) + String(repeating: "0", count: 16 - hex.count) + hex + ".bin"
  }

  /// How the names of the index files of `kind`'s folders start.
  static func prefix(of kind: DocumentKind) -> String {
    kind == .record ? "r-" : "a-"
  }

  /// One document's entry.
  struct Entry: Sendable {
    /// What the payload holds.
    enum Tag: UInt64, Sendable {
      case record = 1
      case amendment = 2
    }

    var tag: Tag
    var key: DocumentKey
    /// Where the payload is in ``SummaryIndex/bytes``.
    var payload: Range<Int>
  }

  /// The whole file.
  let bytes: [UInt8]
  /// The folder, from the archive root.
  let folder: String
  /// The file system's time just before the documents were looked at; nil trusts no entry.
  let stamp: FileTime?
  /// The folder's key when the entries describe the whole folder, nil otherwise.
  let folderKey: DocumentKey?
  /// Where the entries are in ``bytes``.
  private let entryBytes: Range<Int>
  /// The file's checksum (its bytes 8 to 15): another file with the same one holds the same
  /// entries (see ``SummaryRefresh/readAgain(_:)``).
  let checksum: UInt64

  /// The index file in `bytes` when it is whole, of this format and build, and made for the
  /// archive whose root has the status `root`; nil otherwise.
  ///
  /// A file whose checksum is `known` (one this reading checked already) is not checked again.
  init?(bytes: [UInt8], build: String, root: FileStatus, known: UInt64? = nil) {
    let start = Self.magic.count + 8
    guard bytes.count >= start, bytes.starts(with: Self.magic),
      let checksum = Self.checksum(of: bytes),
      checksum == known || FNV1a.wordChecksum(bytes, start..<bytes.count) == checksum
    else { return nil }
    self.checksum = checksum
    var reader = IndexReader(bytes, from: start)
    do {
      guard try reader.readString() == Self.format, try reader.readString() == build,
        try reader.readUnsigned() == root.device, try reader.readUnsigned() == root.inode
      else { return nil }
      folder = try reader.readString()
      switch try reader.readUnsigned() {
      case 0: stamp = nil
      case 1:
        let seconds = try reader.readSigned()
        stamp = FileTime(
          seconds: seconds, nanoseconds: Int64(truncatingIfNeeded: try reader.readUnsigned()))
      default: return nil
      }
      switch try reader.readUnsigned() {
      case 0: folderKey = nil
      case 1: folderKey = try DocumentKey(decoding: &reader)
      default: return nil
      }
      self.bytes = bytes
      entryBytes = reader.offset..<bytes.count
    } catch {
      return nil
    }
  }

  /// The entries, by file name.
  ///
  /// - Throws: when they are malformed (the checksum makes that a forged file).
  func entries() throws(BinaryReadError) -> [String: Entry] {
    var reader = IndexReader(bytes, from: entryBytes.lowerBound)
    var entries: [String: Entry] = [:]
    while !reader.isAtEnd {
      let name = try reader.readString()
      guard let tag = Entry.Tag(rawValue: try reader.readUnsigned()) else {
        throw BinaryReadError()
      }
      let key = try DocumentKey(decoding: &reader)
      entries[name] = Entry(tag: tag, key: key, payload: try reader.readRun())
    }
    return entries
  }

  /// Whether `entry` still describes the file whose key is now `key`.
  ///
  /// The same key is not enough on its own: a file changed twice within one tick of the file
  /// system's clock keeps its times. As git does for its index (and ``HeadsCache`` for
  /// folders), an entry is trusted only when the file's last change is older than the moment
  /// just before the index was made (``stamp``): a later change has a time at or after it.
  func isTrusted(_ entry: Entry, now key: DocumentKey) -> Bool {
    guard let stamp else { return false }
    return entry.key == key && key.changed < stamp
  }

  /// Whether the folder whose status is now `status` is as it was when the entries were
  /// written, so that they are taken without listing it: the same key, and (the racy rule, as
  /// ``isTrusted(_:now:)``) a last change older than the ``stamp``.
  func trusts(folder status: FileStatus) -> Bool {
    guard let stamp, let folderKey else { return false }
    return folderKey == DocumentKey(status) && status.changed < stamp
  }

  /// The payload of an amendment's entry: the id of the record it names, nil for none.
  func recordID(named entry: Entry) -> String? {
    entry.payload.isEmpty ? nil : String(decoding: bytes[entry.payload], as: UTF8.self)
  }

  /// The payload of an amendment's entry (as ``recordID(named:)-(Entry)``).
  func recordID(named span: Span) -> String? {
    span.payload.isEmpty ? nil : String(decoding: bytes[span.payload], as: UTF8.self)
  }

  /// The summary in a record's entry, for the record at `location`.
  func summary(in entry: Entry, location: DocumentLocation) throws(BinaryReadError)
    -> RecordSummary
  {
    var reader = BinaryReader(Array(bytes[entry.payload]))
    let summary = try RecordSummary(decoding: &reader, location: location)
    guard reader.isAtEnd else { throw BinaryReadError() }
    return summary
  }

  /// The file's bytes for the folder `folder` with the entries `entries`.
  static func encoded(
    build: String, root: FileStatus, folder: String, stamp: FileTime?,
    folderKey: DocumentKey? = nil, entries: [UInt8]
  ) -> [UInt8] {
    var header = IndexWriter()
    header.write(format)
    header.write(build)
    header.write(root.device)
    header.write(root.inode)
    header.write(folder)
    if let stamp {
      header.write(UInt64(1))
      header.write(stamp.seconds)
      header.write(UInt64(max(0, stamp.nanoseconds)))
    } else {
      header.write(UInt64(0))
    }
    if let folderKey {
      header.write(UInt64(1))
      folderKey.encode(into: &header)
    } else {
      header.write(UInt64(0))
    }
    var bytes = magic + [UInt8](repeating: 0, count: 8)
    bytes.reserveCapacity(bytes.count + header.bytes.count + entries.count)
    bytes += header.bytes
    bytes += entries
    let checksum = FNV1a.wordChecksum(bytes, magic.count + 8..<bytes.count)
    for index in 0..<8 {
      bytes[magic.count + index] = UInt8(truncatingIfNeeded: checksum >> UInt64(index * 8))
    }
    return bytes
  }

  /// The checksum written in the index file `bytes` (nil when too short to hold one).
  static func checksum(of bytes: [UInt8]) -> UInt64? {
    guard bytes.count >= magic.count + 8 else { return nil }
    var checksum: UInt64 = 0
    for index in 0..<8 { checksum |= UInt64(bytes[magic.count + index]) << UInt64(index * 8) }
    return checksum
  }

  /// One entry where it lies in ``bytes``: what a refresh compares and copies, with no
  /// `String` made.
  struct Span: Sendable {
    /// The file name's bytes.
    var name: Range<Int>
    var tag: Entry.Tag
    var key: DocumentKey
    /// The payload's bytes.
    var payload: Range<Int>
    /// The whole entry, from its name's length to its payload's end.
    var whole: Range<Int>
  }

  /// The entries in file order, which is their names' byte order when this build wrote them
  /// (sorted here when not).
  ///
  /// - Throws: when they are malformed (the checksum makes that a forged file).
  ///
  /// Without `keys`, each span's key is left zero (not read): for a reading that only hands the
  /// payloads on.
  func spans(keys: Bool = true) throws(BinaryReadError) -> [Span] {
    var reader = IndexReader(bytes, from: entryBytes.lowerBound)
    var spans: [Span] = []
    // Room for every entry of at least 64 bytes (a document's name and key alone take about
    // 55): the array does not grow by copying, and pages never written are never touched.
    spans.reserveCapacity(entryBytes.count / 64 + 1)
    var isSorted = true
    let unread = DocumentKey(
      FileStatus(
        kind: .regular, device: 0, inode: 0, modified: FileTime(seconds: 0, nanoseconds: 0),
        changed: FileTime(seconds: 0, nanoseconds: 0), size: 0))
    while !reader.isAtEnd {
      let start = reader.offset
      let name = try reader.readRun()
      guard let tag = Entry.Tag(rawValue: try reader.readUnsigned()) else {
        throw BinaryReadError()
      }
      let key: DocumentKey
      if keys {
        key = try DocumentKey(decoding: &reader)
      } else {
        try reader.skipUnsigned(count: DocumentKey.fieldCount)
        key = unread
      }
      let payload = try reader.readRun()
      if isSorted, let last = spans.last, Self.compare(bytes, last.name, name) >= 0 {
        isSorted = false
      }
      spans.append(
        Span(name: name, tag: tag, key: key, payload: payload, whole: start..<reader.offset))
    }
    if !isSorted { spans.sort { Self.compare(bytes, $0.name, $1.name) < 0 } }
    return spans
  }

  /// -1, 0 or 1 as the bytes of `bytes` at `left` sort before, with or after those at `right`.
  static func compare(_ bytes: [UInt8], _ left: Range<Int>, _ right: Range<Int>) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return 0 }
      let order = memcmp(
        base + left.lowerBound, base + right.lowerBound, min(left.count, right.count))
      if order != 0 { return order < 0 ? -1 : 1 }
      return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }
  }

  /// Whether `span` still describes the file whose key is now `key` (as
  /// ``isTrusted(_:now:)``).
  func isTrusted(_ span: Span, now key: DocumentKey) -> Bool {
    guard let stamp else { return false }
    return span.key == key && key.changed < stamp
  }
}
