import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A watch on one folder's names: every name made, removed, or moved in or out of it from the
/// moment the watch began (``FileSystem/watchNames(inFolder:)``).
///
/// What it is for: an append that knows what the folder it writes to held when the watch began
/// (its cached listing, or its own), and sees only its own names come in, knows what the folder
/// holds after its write without listing it again (see ``HeadsCache``).
package protocol FolderNameWatch: AnyObject {
  /// The changes to the folder's names since the watch began, in order; nil when the watch
  /// lost track of some (its queue overflowed, the folder was removed or moved, a read failed).
  ///
  /// Every change whose effect on the folder's status could have been seen before this call is
  /// among them. A change is recorded while the system still holds the folder (Linux notes it
  /// before releasing the folder's lock), so the call first waits for the folder by trying to
  /// link `existingName` (a name the folder holds) to itself, which takes the folder's lock,
  /// fails with `EEXIST` once any change under way is done, and changes nothing.
  func changes(waitingWith existingName: String) -> [FolderNameChange]?
}

/// One change to a folder's names, as a ``FolderNameWatch`` saw it.
package struct FolderNameChange: Equatable, Sendable {
  /// The name, in the folder.
  package var name: String
  /// True when the name came in (made, linked, or moved in); false when it went (removed or
  /// moved out).
  package var added: Bool

  package init(name: String, added: Bool) {
    self.name = name
    self.added = added
  }
}

extension SystemCalls {
  /// `inotify_init1(2)` and `inotify_add_watch(2)`: a descriptor from which the changes to the
  /// names of the folder `path` are read (``readNameChanges(_:)``), or `ENOSYS` where the
  /// system has no such watch (not Linux).
  ///
  /// The real calls: no test fails them.
  package func watchNames(inFolder path: String) throws(SystemCallError) -> Int32 {
    #if os(Linux)
      let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard fd >= 0 else { throw .current }
      let mask = UInt32(
        IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF
          | IN_ONLYDIR)
      guard inotify_add_watch(fd, path, mask) >= 0 else {
        let error = SystemCallError.current
        Glibc.close(fd)
        throw error
      }
      return fd
    #else
      throw SystemCallError(ENOSYS)
    #endif
  }

  /// `read(2)` of the changes a ``watchNames(inFolder:)`` descriptor holds now, without waiting;
  /// nil when the watch lost track (its queue overflowed, the folder went away).
  package func readNameChanges(_ fd: Int32) throws(SystemCallError) -> [FolderNameChange]? {
    #if os(Linux)
      var changes: [FolderNameChange] = []
      // Room for many events at once: an event is 16 bytes and its name, padded.
      var buffer = [UInt8](repeating: 0, count: 16_384)
      while true {
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if count < 0 {
          if errno == EAGAIN || errno == EWOULDBLOCK { return changes }
          if errno == EINTR { continue }
          throw .current
        }
        guard count > 0, let parsed = Self.nameChanges(in: buffer[..<count]) else { return nil }
        changes += parsed
      }
    #else
      throw SystemCallError(ENOSYS)
    #endif
  }

  #if os(Linux)
    /// The changes in `bytes`, a whole number of `struct inotify_event`s with their names; nil
    /// when one says the watch lost track, or the bytes are not such events.
    static func nameChanges(in bytes: ArraySlice<UInt8>) -> [FolderNameChange]? {
      var changes: [FolderNameChange] = []
      var offset = bytes.startIndex
      let header = MemoryLayout<inotify_event>.size
      while offset < bytes.endIndex {
        guard bytes.endIndex - offset >= header else { return nil }
        func word(_ at: Int) -> UInt32 {
          bytes[(offset + at)..<(offset + at + 4)].enumerated().reduce(0) {
            $0 | UInt32($1.element) << (8 * UInt32($1.offset))
          }
        }
        // struct inotify_event { int wd; uint32_t mask; uint32_t cookie; uint32_t len; name }
        let mask = word(4)
        let length = Int(word(12))
        let nameStart = offset + header
        guard bytes.endIndex - nameStart >= length else { return nil }
        offset = nameStart + length
        let lost = UInt32(IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)
        guard mask & lost == 0 else { return nil }
        // The name is padded with NUL bytes to the length.
        let name = bytes[nameStart..<(nameStart + length)].prefix { $0 != 0 }
        guard !name.isEmpty else { return nil }
        let added = mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
        guard added || mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 else { return nil }
        changes.append(FolderNameChange(name: String(decoding: name, as: UTF8.self), added: added))
      }
      return changes
    }
  #endif
}

/// The system's watch (Linux's inotify), through the ``SystemCalls`` seam.
final class SystemFolderNameWatch: FolderNameWatch {
  private let descriptor: Int32
  private let folder: String
  private let calls: any SystemCalls

  /// A watch on the folder `path`; nil where the system has none, or it cannot be had.
  init?(folder path: String, calls: any SystemCalls) {
    guard let descriptor = try? calls.watchNames(inFolder: path) else { return nil }
    self.descriptor = descriptor
    folder = path
    self.calls = calls
  }

  deinit { try? calls.close(descriptor) }

  func changes(waitingWith existingName: String) -> [FolderNameChange]? {
    let path = folder + "/" + existingName
    do {
      // link(2) of the name to itself: the new name is looked up under the folder's lock, and
      // found (`EEXIST`); nothing is made. Any other answer (the name gone): trust nothing.
      try calls.link(path, path)
      return nil
    } catch let error where error.code == EEXIST {
      return try? calls.readNameChanges(descriptor)
    } catch {
      return nil
    }
  }
}
