import RunbookCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A watch on one folder's names: how many came into it or left it from the moment the watch
/// began (``FileSystem/watchNames(inFolder:for:)``).
///
/// What it is for: an append that knows what the folder it writes to held when the watch began
/// (its cached listing, or its own), and sees only as many names come in as it made itself,
/// knows what the folder holds after its write without listing it again (see ``HeadsCache``).
package protocol FolderNameWatch: AnyObject {
  /// How many names came into the folder or left it since the watch began (made, linked,
  /// removed, moved in or out: any name); nil when the watch lost track of some. Asked once,
  /// on the thread the watch was made for.
  ///
  /// Every change whose effect on the folder's status could have been seen before this call is
  /// counted. A change is noted while the system still holds the folder (Linux notes it before
  /// releasing the folder's lock), so the call first waits for the folder by trying to link
  /// `existingName` (a name the folder holds) to itself, which takes the folder's lock, fails
  /// with `EEXIST` once any change under way is done, and changes nothing.
  func changeCount(waitingWith existingName: String) -> Int?
}

/// The thread a ``FolderNameWatch`` reports to, and the signal it reports with: Linux's
/// directory notices (dnotify, `fcntl(F_NOTIFY)`) send a signal per change to the thread that
/// owns the watch, which keeps the signal blocked and takes the signals pending for it with
/// `sigtimedwait(2)`, without waiting.
///
/// Not inotify: closing an inotify descriptor waits for the kernel to retire its watch (an SRCU
/// grace period: 10-35 ms in one run of three here), where closing a directory watched with
/// dnotify does not (the marks belong to one group for the whole system).
package struct FolderNoticeThread: Sendable, Equatable {
  /// The thread's id (`gettid(2)`).
  let id: Int32

  /// The calling thread, with the notices' signals blocked in it from now on (and in the
  /// threads it makes from now on, which inherit its mask), and the notices pending for it
  /// dropped (left by an earlier watch); nil where the system has no directory notices (not
  /// Linux).
  ///
  /// A thread has one watch in use at a time: a watch still to be counted when this is called
  /// again for its thread would count short (and could be trusted wrongly). An append makes
  /// its watch, counts it and is done before the next append on the thread begins.
  package static func current() -> FolderNoticeThread? {
    #if os(Linux)
      guard let signal = Notices.signal, let id = Notices.threadID?() else { return nil }
      var set = Notices.signals(signal)
      guard pthread_sigmask(SIG_BLOCK, &set, nil) == 0 else { return nil }
      _ = Notices.take(signal, for: nil)
      return FolderNoticeThread(id: id)
    #else
      return nil
    #endif
  }
}

#if os(Linux)
  /// What Linux's directory notices need that Swift's Glibc module does not declare (glibc
  /// declares them only with `_GNU_SOURCE`), and the signal they use.
  enum Notices {
    /// `fcntl` commands and `F_NOTIFY`'s flags (`<fcntl.h>`, `<linux/fcntl.h>`).
    static let setOwnerEx: Int32 = 15  // F_SETOWN_EX
    static let ownerThread: Int32 = 0  // F_OWNER_TID
    static let setSignal: Int32 = 10  // F_SETSIG
    static let notify: Int32 = 1026  // F_NOTIFY
    /// `DN_CREATE | DN_DELETE | DN_RENAME | DN_MULTISHOT`.
    static let flags = Int32(bitPattern: 0x4 | 0x8 | 0x10 | 0x8000_0000)
    /// `POLL_MSG`: the `si_code` of a notice.
    static let pollMessage: Int32 = 3

    /// The set of `signal` and `SIGIO`.
    static func signals(_ signal: Int32) -> sigset_t {
      var set = sigset_t()
      sigemptyset(&set)
      sigaddset(&set, signal)
      sigaddset(&set, SIGIO)
      return set
    }

    /// Takes the notices pending for the calling thread (`sigtimedwait(2)`, without waiting):
    /// how many were for the descriptor `fd` (the others are dropped); nil when one was lost
    /// (`SIGIO`: the queue was full).
    static func take(_ signal: Int32, for fd: Int32?) -> Int? {
      var set = signals(signal)
      var now = timespec(tv_sec: 0, tv_nsec: 0)
      var info = siginfo_t()
      var count = 0
      var lost = false
      while true {
        let taken = sigtimedwait(&set, &info, &now)
        if taken < 0 {
          if errno == EINTR { continue }
          return lost ? nil : count
        }
        if taken == SIGIO || info.si_code != pollMessage {
          lost = true
        } else if info._sifields._sigpoll.si_fd == fd {
          count += 1
        }
      }
    }

    /// `pid_t gettid(void)`, looked up once.
    typealias ThreadID = @convention(c) () -> Int32
    static let threadID: ThreadID? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "gettid").map {
      unsafeBitCast($0, to: ThreadID.self)
    }

    /// A real-time signal (queued, one per change), with a handler that does nothing installed
    /// for it and for `SIGIO` (sent instead when the queue is full), so that neither can end
    /// the process if it ever reached a thread that does not block it; nil when the handlers
    /// cannot be installed.
    static let signal: Int32? = {
      let signal = __libc_current_sigrtmin() + 7
      guard signal <= __libc_current_sigrtmax() else { return nil }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { _ in }
      action.sa_flags = SA_RESTART
      sigemptyset(&action.sa_mask)
      guard sigaction(signal, &action, nil) == 0, sigaction(SIGIO, &action, nil) == 0 else {
        return nil
      }
      return signal
    }()
  }
#endif

extension SystemCalls {
  /// `open(2)` of the folder `path`, then `fcntl(2)`: `F_SETOWN_EX` (the thread `thread`),
  /// `F_SETSIG` and `F_NOTIFY` for names made, removed and renamed, every time: a descriptor
  /// whose notices ``pendingNameChanges(_:)`` counts; `ENOSYS` where the system has no
  /// directory notices (not Linux).
  ///
  /// The real calls: no test fails them.
  package func noticeNameChanges(
    inFolder path: String, for thread: FolderNoticeThread
  ) throws(SystemCallError) -> Int32 {
    #if os(Linux)
      guard let signal = Notices.signal else { throw SystemCallError(ENOSYS) }
      let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      guard fd >= 0 else { throw .current }
      // struct f_owner_ex { int type; pid_t pid; }
      var owner: (Int32, Int32) = (Notices.ownerThread, thread.id)
      let owned = withUnsafeMutablePointer(to: &owner) {
        fcntl(fd, Notices.setOwnerEx, UnsafeMutableRawPointer($0))
      }
      guard owned == 0, fcntl(fd, Notices.setSignal, signal) == 0,
        fcntl(fd, Notices.notify, Notices.flags) == 0
      else {
        let error = SystemCallError.current
        Glibc.close(fd)
        throw error
      }
      return fd
    #else
      throw SystemCallError(ENOSYS)
    #endif
  }

  /// `sigtimedwait(2)`, without waiting, of the notices pending for the calling thread: how
  /// many were for the descriptor `fd` (others, from an earlier watch, are dropped); nil when
  /// one was lost (`SIGIO`: the queue was full).
  package func pendingNameChanges(_ fd: Int32) -> Int? {
    #if os(Linux)
      Notices.signal.flatMap { Notices.take($0, for: fd) }
    #else
      nil
    #endif
  }
}

/// The system's watch (Linux's directory notices), through the ``SystemCalls`` seam.
final class SystemFolderNameWatch: FolderNameWatch {
  private let descriptor: Int32
  private let folder: String
  private let calls: any SystemCalls

  /// A watch on the folder `path` reporting to `thread`; nil where the system has none, or it
  /// cannot be had.
  init?(folder path: String, for thread: FolderNoticeThread, calls: any SystemCalls) {
    guard let descriptor = try? calls.noticeNameChanges(inFolder: path, for: thread) else {
      return nil
    }
    self.descriptor = descriptor
    folder = path
    self.calls = calls
  }

  deinit { try? calls.close(descriptor) }

  func changeCount(waitingWith existingName: String) -> Int? {
    let path = folder + "/" + existingName
    do {
      // link(2) of the name to itself: the new name is looked up under the folder's lock, and
      // found (`EEXIST`); nothing is made. Any other answer (the name gone): trust nothing.
      try calls.link(path, path)
      return nil
    } catch let error where error.code == EEXIST {
      return calls.pendingNameChanges(descriptor)
    } catch {
      return nil
    }
  }
}
