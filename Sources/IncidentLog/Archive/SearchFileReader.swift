import Dispatch
import RunbookCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a search's document files, one at a time, into one buffer kept from file to file,
/// with each file's status as it was opened: `open`, `fstat`, `read`, `close` and nothing else
/// when the archive is on the real file system (no array or string is made for a file).
///
/// Not for two threads at once: ``SearchReaders`` gives each thread its own.
final class SearchFileReader {
  private let store: ArchiveStore
  /// The system calls, when the archive is on the real file system.
  private let calls: (any SystemCalls)?
  private var buffer: UnsafeMutableRawBufferPointer

  /// A reader of `store`'s files.
  init(store: ArchiveStore) {
    self.store = store
    calls = (store.fileSystem as? SystemFileSystem)?.calls
    buffer = .allocate(byteCount: 64 << 10, alignment: 16)
  }

  deinit { buffer.deallocate() }

  /// Whether files are read through the real system calls (which ``SearchFolder`` may open).
  var isOnRealSystemCalls: Bool { calls is GlibcSystemCalls }

  /// Calls `body` with the bytes of the document file at `location` (valid only during the
  /// call) and the file's status before it was read (nil when unknown), or returns why it
  /// cannot be read, exactly as ``ArchiveStore/documentBytes(atAbsolutePath:)`` says.
  ///
  /// `folder` is the open folder the file is in (``SearchReaders/withFolder(of:_:)``).
  func withDocument<Result>(
    _ location: DocumentLocation, in folder: SearchFolder,
    _ body: (UnsafeBufferPointer<UInt8>, FileStatus?) -> Result
  ) -> Swift.Result<Result, ArchiveError> {
    if let calls, let (count, status) = fastRead(location, in: folder, calls) {
      let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count]).assumingMemoryBound(
        to: UInt8.self)
      return .success(body(bytes, status))
    }
    // Anything unusual (an error, a link, a large file, another file system) goes the usual
    // way, which also words the error.
    let path = store.absolute(location.path)
    let status = try? store.fileSystem.status(at: path)
    do throws(ArchiveError) {
      let bytes = try store.documentBytes(atAbsolutePath: path)
      return .success(bytes.withUnsafeBufferPointer { body($0, calls == nil ? status : nil) })
    } catch {
      return .failure(error)
    }
  }

  /// Reads the regular file at `location` into ``buffer``: how many bytes it holds and its
  /// status; nil on any error, or when it is larger than a document may be.
  ///
  /// On the real system calls the file is opened by name in its open folder (`openat(2)`,
  /// sparing the walk down the whole path) and its status is `fstat(2)`'s; on another seam
  /// it is opened by path, and its status is the seam's `stat(2)` before opening (so that a
  /// test's clock is the one the summary index saw). Either way the status is taken before
  /// the bytes are read, as the index takes its keys.
  private func fastRead(
    _ location: DocumentLocation, in folder: SearchFolder, _ calls: any SystemCalls
  ) -> (Int, FileStatus)? {
    let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC
    var seen: FileStatus?
    let fd: Int32
    if let descriptor = folder.descriptor {
      let name = folder.nameOffset
      guard location.path.utf8.count > name else { return nil }
      fd = location.path.withCString { openat(descriptor, $0 + name, flags) }
      guard fd >= 0 else { return nil }
    } else {
      let path = store.absolute(location.path)
      guard let status = try? calls.status(path),
        let opened = try? calls.open(path, flags: flags, mode: 0)
      else { return nil }
      seen = status
      fd = opened
    }
    defer { try? calls.close(fd) }
    let status: FileStatus
    if let seen {
      status = seen
    } else {
      var info = stat()
      guard fstat(fd, &info) == 0 else { return nil }
      status = FileStatus(
        kind: info.st_mode & S_IFMT == S_IFREG ? .regular : .other, device: UInt64(info.st_dev),
        inode: UInt64(info.st_ino),
        modified: FileTime(
          seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec)),
        changed: FileTime(
          seconds: Int64(info.st_ctim.tv_sec), nanoseconds: Int64(info.st_ctim.tv_nsec)),
        size: UInt64(max(0, info.st_size)))
    }
    guard status.kind == .regular else { return nil }
    let size = Int(status.size)
    let limit = ArchiveStore.documentSizeLimit
    guard size >= 0, size <= limit else { return nil }
    if buffer.count < size + 1 { grow(to: size + 1) }
    var filled = 0
    while true {
      guard
        let count = try? calls.read(
          fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
      else { return nil }
      if count == 0 { break }
      filled += count
      // Fewer bytes than asked for, and all that the status promised: the end.
      if filled < buffer.count && filled >= size { break }
      if filled == buffer.count {
        guard buffer.count <= limit else { return nil }
        grow(to: buffer.count * 2)
      }
    }
    guard filled <= limit else { return nil }
    return (filled, status)
  }

  /// Makes ``buffer`` hold at least `count` bytes, keeping what it holds.
  private func grow(to count: Int) {
    let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
    larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
    buffer.deallocate()
    buffer = larger
  }
}

/// A folder whose files a search reads: open (a descriptor for `openat(2)`) on the real
/// system calls, or nil, when files are opened by path.
struct SearchFolder: Sendable {
  /// The open folder.
  let descriptor: Int32?
  /// Where a file's name starts in its path (the folder's length and a slash).
  let nameOffset: Int
}

/// One ``SearchFileReader`` for each of a search's two threads.
final class SearchReaders: @unchecked Sendable {
  // Each thread of `map` uses its own reader only.
  private let readers: [SearchFileReader]

  /// Readers of `store`'s files.
  init(store: ArchiveStore) {
    readers = [SearchFileReader(store: store), SearchFileReader(store: store)]
  }

  /// Calls `body` with the folder the walk entries `entries` are in, open for reading its
  /// files by name when the archive is on the real system calls (and closed after).
  func withFolder<Result>(
    of entries: [ArchiveStore.WalkEntry], in store: ArchiveStore, _ body: (SearchFolder) -> Result
  ) -> Result {
    guard let reader = readers.first, reader.isOnRealSystemCalls,
      case .document(let location) = entries.first,
      let slash = location.path.utf8.lastIndex(of: UInt8(ascii: "/"))
    else { return body(SearchFolder(descriptor: nil, nameOffset: 0)) }
    let folder = String(location.path[..<slash])
    let descriptor = open(
      store.absolute(folder), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    defer { if descriptor >= 0 { close(descriptor) } }
    return body(
      SearchFolder(
        descriptor: descriptor >= 0 ? descriptor : nil, nameOffset: folder.utf8.count + 1))
  }

  /// The transform of each element, in order, worked out on two threads, each reading files
  /// with its own reader; each thread takes the next few elements not yet taken.
  func map<Element: Sendable, Result: Sendable>(
    _ elements: [Element], _ transform: (Element, SearchFileReader) -> Result
  ) -> [Result] {
    guard elements.count > 1 else { return elements.map { transform($0, readers[0]) } }
    var results = [Result?](repeating: nil, count: elements.count)
    let next = Atomic<Int>(0)
    let total = elements.count
    let chunk = 8
    results.withUnsafeMutableBufferPointer { slots in
      let slots = Shared(slots)
      elements.withUnsafeBufferPointer { elements in
        let elements = Shared(elements)
        withoutActuallyEscaping(transform) { transform in
          let transform = Shared(transform)
          DispatchQueue.concurrentPerform(iterations: readers.count) { thread in
            let reader = readers[thread]
            while true {
              let start = next.wrappingAdd(chunk, ordering: .relaxed).oldValue
              guard start < total else { return }
              for index in start..<Swift.min(start + chunk, total) {
                slots.value[index] = transform.value(elements.value[index], reader)
              }
            }
          }
        }
      }
    }
    // Every slot was filled above.
    return results.compactMap { $0 }
  }
}

/// A value handed to the threads of ``SearchReaders/map(_:_:)``: each thread touches its own
/// slots and reader only, and the value outlives them (`concurrentPerform` returns when all
/// are done).
private struct Shared<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

extension PackedLocation {
  /// The packed form of `location`, as ``init(_:)`` makes it, but checked on the bytes of its
  /// path (``PackedPaths/standardParts(of:)``) and id rather than by building the location
  /// back: a search packs every amendment.
  init(quickly location: DocumentLocation) {
    guard let (time, random) = PackedPaths.standardParts(of: location),
      // The id is the file name: `<kind>/YYYY/MM/<id>.json`.
      location.path.utf8.dropLast(5).suffix(25).elementsEqual(location.id.utf8)
    else {
      self.init(location)
      return
    }
    self = .packed(kind: location.kind, time: time, random: random)
  }
}
