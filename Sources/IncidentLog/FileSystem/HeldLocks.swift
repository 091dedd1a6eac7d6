#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lock files the current thread holds through ``SystemFileSystem``, so that a nested
/// `withExclusiveLock` of the same file joins the hold instead of waiting for itself.
///
/// Kept per thread (in POSIX thread-specific storage, which costs no system call): the body of
/// `withExclusiveLock` is synchronous, so it runs on the thread that took the lock, and another
/// thread asking for the same lock must still wait. Not a task-local value on purpose: a task
/// started inside the body inherits task-local values, and would skip a lock it does not hold.
enum HeldLocks {
  /// The paths held, outermost first; one box per thread.
  private final class Box {
    var paths: [String] = []
  }

  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    // A thread's box is released when the thread ends.
    pthread_key_create(&key) { pointer in
      guard let pointer else { return }
      Unmanaged<Box>.fromOpaque(pointer).release()
    }
    return key
  }()

  /// The lock paths held by this thread, outermost first.
  static var paths: [String] { box(creating: false)?.paths ?? [] }

  /// Records that this thread now holds `path`.
  static func insert(_ path: String) {
    box(creating: true)?.paths.append(path)
  }

  /// Records that this thread released `path` (its innermost hold of it).
  static func remove(_ path: String) {
    guard let box = box(creating: false), let index = box.paths.lastIndex(of: path) else { return }
    box.paths.remove(at: index)
  }

  private static func box(creating: Bool) -> Box? {
    if let pointer = pthread_getspecific(key) {
      return Unmanaged<Box>.fromOpaque(pointer).takeUnretainedValue()
    }
    guard creating else { return nil }
    let box = Box()
    pthread_setspecific(key, Unmanaged.passRetained(box).toOpaque())
    return box
  }
}
