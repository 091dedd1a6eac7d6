import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One folder's names, sorted by their bytes, each with what it is to the archive and, for a
/// document, its status: what the summary index compares with its entries.
///
/// Names are kept as bytes in one buffer, so that a folder of thousands of documents makes no
/// `String` per document. ``SystemFileSystem`` lists a folder with `readdir(3)` and takes each
/// document's status with `fstatat(2)` relative to the folder's descriptor; any other
/// ``FileSystem`` lists it by name (``FileSystem/folderListing(at:)``'s default).
package struct FolderListing: Sendable {
  /// What a name is.
  package enum Kind: UInt8, Sendable {
    /// `<id>.json`: a document (its status, when it could be taken, in ``Item/status``).
    case document
    /// `<id>.md`: a record's report.
    case report
    /// A subfolder (not a symbolic link).
    case directory
    /// A symbolic link, never followed.
    case symbolicLink
    /// Anything else: a stray file.
    case other
  }

  /// One name.
  package struct Item: Sendable {
    /// Where the name is in ``FolderListing/names``.
    package var start: Int32
    package var count: Int32
    package var kind: Kind
    /// A document's status, nil when it could not be taken (the file went away).
    package var status: FileStatus?
  }

  /// The names' bytes, one after another.
  package private(set) var names: [UInt8] = []
  /// The names, sorted by their bytes (hidden names and signatures left out).
  package private(set) var items: [Item] = []
  /// The folder's own status, taken before it was listed (nil when not taken): the summary
  /// index's key of the folder (``SummaryIndex/trusts(folder:)``).
  package var folderStatus: FileStatus?

  /// An empty listing.
  package init() {}

  /// The bytes of `item`'s name.
  package func name(of item: Item) -> ArraySlice<UInt8> {
    names[Int(item.start)..<Int(item.start + item.count)]
  }

  /// The name of `item` as text.
  package func string(of item: Item) -> String {
    String(decoding: name(of: item), as: UTF8.self)
  }

  /// Adds a name (its bytes), unless it is hidden or a signature; `status` is asked for a
  /// document's status and `kind` for what any other name is.
  mutating func add(
    _ name: UnsafeBufferPointer<UInt8>, status: () -> FileStatus?, kind: () -> Kind
  ) {
    let itemKind: Kind
    switch Self.kind(of: name) {
    case .hidden, .signature: return
    case .document: itemKind = .document
    case .report: itemKind = .report
    case .other: itemKind = kind()
    }
    let start = Int32(names.count)
    names.append(contentsOf: name)
    items.append(
      Item(
        start: start, count: Int32(name.count), kind: itemKind,
        status: itemKind == .document ? status() : nil))
  }

  /// Adds the name `name`, of the kind `kind`, with no status.
  mutating func add(_ name: String, as kind: Kind) {
    let start = Int32(names.count)
    names.append(contentsOf: name.utf8)
    items.append(Item(start: start, count: Int32(name.utf8.count), kind: kind, status: nil))
  }

  /// Sets the status of the document at `index`.
  mutating func setStatus(_ status: FileStatus?, at index: Int) {
    items[index].status = status
  }

  /// Makes the item at `index` a stray file (a folder too deep to walk).
  mutating func markOther(at index: Int) {
    items[index].kind = .other
  }

  /// Replaces each document's status by `transform`'s (a test's coarser clock).
  package mutating func mapStatuses(_ transform: (FileStatus) -> FileStatus) {
    for index in items.indices {
      if let status = items[index].status { items[index].status = transform(status) }
    }
  }

  /// Sorts the names by their bytes (the order `String`'s sorting gives ASCII names).
  ///
  /// A folder's order (a hash order on most file systems) is sorted through a small key per
  /// name, not the items themselves, which carry a status each.
  mutating func sort() {
    names.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return }
      func precedes(_ left: (start: Int32, count: Int32), _ right: (start: Int32, count: Int32))
        -> Bool
      {
        let order = memcmp(
          base + Int(left.start), base + Int(right.start), Int(min(left.count, right.count)))
        return order != 0 ? order < 0 : left.count < right.count
      }
      let isSorted = items.indices.dropFirst().allSatisfy { index in
        precedes(
          (items[index - 1].start, items[index - 1].count), (items[index].start, items[index].count)
        )
      }
      guard !isSorted else { return }
      var order = items.indices.map {
        (start: items[$0].start, count: items[$0].count, at: Int32($0))
      }
      order.sort { precedes(($0.start, $0.count), ($1.start, $1.count)) }
      items = order.map { items[Int($0.at)] }
    }
  }

  /// What `name` is, from its bytes alone (as ``FolderEntry/Kind`` decides from a `String`).
  static func kind(of name: UnsafeBufferPointer<UInt8>) -> FolderEntry.Kind {
    let count = name.count
    func ends(with suffix: StaticString) -> Bool {
      let length = suffix.utf8CodeUnitCount
      guard count > length else { return false }
      return suffix.withUTF8Buffer { suffix in
        for index in 0..<length where name[count - length + index] != suffix[index] {
          return false
        }
        return true
      }
    }
    if name.first == UInt8(ascii: ".") { return .hidden }
    if ends(with: ".json") { return .document }
    if ends(with: ".md") { return .report }
    if ends(with: ".json.sig") { return .signature }
    return .other
  }
}

extension FileSystem {
  /// The listing of the folder `path`, by name: ``FileSystem/contentsOfDirectory(at:)`` and an
  /// `lstat(2)` of each name but a document's, as ``ArchiveStore/walk(_:_:)`` looks at them;
  /// the documents' statuses are left for ``namedStatuses(of:at:)``.
  package func namedFolderNames(at path: String) throws(ArchiveError) -> FolderListing {
    var listing = FolderListing()
    for name in try contentsOfDirectory(at: path) {
      let full = path + "/" + name
      var name = name
      name.withUTF8 { bytes in
        listing.add(
          bytes, status: { nil },
          kind: {
            if isSymbolicLink(at: full) { return .symbolicLink }
            return (try? isDirectory(at: full)) == true ? .directory : .other
          })
      }
    }
    listing.sort()
    return listing
  }

  /// Takes a `stat(2)` of each document of `listing`, the folder `path`'s, by name
  /// (``FileReading/status(at:)``).
  package func namedStatuses(of listing: inout FolderListing, at path: String) {
    for index in listing.items.indices where listing.items[index].kind == .document {
      let full = path + "/" + listing.string(of: listing.items[index])
      listing.setStatus((try? status(at: full)) ?? nil, at: index)
    }
  }

  /// ``namedFolderNames(at:)`` and ``namedStatuses(of:at:)``.
  package func namedFolderListing(at path: String) throws(ArchiveError) -> FolderListing {
    var listing = try namedFolderNames(at: path)
    namedStatuses(of: &listing, at: path)
    return listing
  }
}

extension SystemCalls {
  /// The listing of the folder `path`: ``folderNames(_:)`` and ``folderStatuses(_:_:)``.
  package func folderListing(_ path: String) throws(SystemCallError) -> FolderListing {
    var listing = try folderNames(path)
    try folderStatuses(&listing, path)
    return listing
  }

  /// `fstatat(2)` of each document of `listing`, the folder `path`'s, relative to the folder
  /// (`open(2)`ed once), not following a symbolic link: a link in a document's place has no
  /// regular status, and is read, and refused, as one.
  package func folderStatuses(
    _ listing: inout FolderListing, _ path: String
  ) throws(SystemCallError) {
    let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw .current }
    defer { Glibc.close(fd) }
    var name = [CChar](repeating: 0, count: 256)
    for index in listing.items.indices where listing.items[index].kind == .document {
      let item = listing.items[index]
      let count = Int(item.count)
      if name.count <= count { name = [CChar](repeating: 0, count: count + 1) }
      for offset in 0..<count {
        name[offset] = CChar(bitPattern: listing.names[Int(item.start) + offset])
      }
      name[count] = 0
      var info = stat()
      listing.setStatus(
        fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? FileStatus(info) : nil, at: index)
    }
  }

  /// The names of the folder `path` and what each is (`open(2)`, `readdir(3)`; a name's kind
  /// from its directory entry, or `fstatat(2)` where the file system gives none), without the
  /// documents' statuses.
  package func folderNames(_ path: String) throws(SystemCallError) -> FolderListing {
    let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw .current }
    guard let directory = fdopendir(fd) else {
      let error = SystemCallError.current
      Glibc.close(fd)
      throw error
    }
    defer { closedir(directory) }
    var listing = FolderListing()
    while true {
      errno = 0
      guard let entry = readdir(directory) else {
        if errno != 0 { throw .current }
        break
      }
      let type = entry.pointee.d_type
      withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { name in
          let count = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
          let bytes = UnsafeBufferPointer(start: name, count: count)
          if count <= 2, bytes.allSatisfy({ $0 == UInt8(ascii: ".") }) { return }
          listing.add(
            bytes, status: { nil },
            kind: {
              var mode = UInt32(0)
              switch Int32(type) {
              case Int32(DT_DIR): mode = S_IFDIR
              case Int32(DT_LNK): mode = S_IFLNK
              case Int32(DT_UNKNOWN):
                var info = stat()
                guard
                  fstatat(
                    fd, UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), &info,
                    AT_SYMLINK_NOFOLLOW) == 0
                else { return .other }
                mode = info.st_mode & S_IFMT
              default: mode = S_IFREG
              }
              switch mode {
              case S_IFDIR: return .directory
              case S_IFLNK: return .symbolicLink
              default: return .other
              }
            })
        }
      }
    }
    listing.sort()
    return listing
  }
}

extension FileStatus {
  /// The status in `info`, as ``GlibcSystemCalls/status(_:)`` makes it.
  init(_ info: stat) {
    let kind: FileKind
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    default: kind = .other
    }
    self.init(
      kind: kind, device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
      modified: FileTime(
        seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec)),
      changed: FileTime(
        seconds: Int64(info.st_ctim.tv_sec), nanoseconds: Int64(info.st_ctim.tv_nsec)),
      size: kind == .regular ? UInt64(max(0, info.st_size)) : 0)
  }
}
