import Foundation
import RunbookCore

/// An append's reading of the archive, taken ahead on another thread.
///
/// The reading is the folder the append will write to, listed, and the archive's heads, through
/// the heads cache (``AppendReading``). A `run` from an answers file takes it while it loads the
/// runbook and evaluates the answers, so that the archive's size (a busy month's folder to list,
/// every folder to stat) costs the run time on the other core, not on its own.
///
/// The thread takes the archive's lock for the reading alone, and releases it. The append
/// (``ArchiveStore/append(document:kind:id:createdAt:reportBytes:prepared:)``) waits for the
/// thread before it takes the lock, and uses the reading only if, under its own hold, no append
/// came between (``AppendReading/Ahead``); otherwise it reads for itself, as without one. The
/// record written is the same either way.
///
/// The thread then waits for the append's report: it writes it into the first of the two new
/// files it made and flushes it while the append seals, writes and flushes the record, so that
/// the two flushes (a disk round trip each) overlap. The append names both files, the report
/// first, once both are flushed, and hands the heads cache's save to the thread while it
/// flushes the folder (``handOver(_:)``), waiting for it before it releases the lock; if the
/// run ends without an append (``wait()``), the thread ends.
///
/// ```swift
/// let prepared = PreparedAppend(store: store, kind: .record, createdAt: now)
/// defer { prepared.wait() }
/// // … load, ask, evaluate …
/// try store.append(document: …, kind: .record, id: …, createdAt: now, reportBytes: …,
///   prepared: prepared)
/// ```
///
/// Start one only where nobody is asked anything before the append: the reading is of the
/// archive as it was when the thread ran.
package final class PreparedAppend: @unchecked Sendable {
  /// The archive folder.
  private let root: String
  private let kind: DocumentKind
  /// The folder the reading is for, from the archive root.
  private let folder: String

  /// Where the reading stands.
  private enum Reading {
    case waiting
    case working
    case done(AppendReading.Ahead?)
    /// The append came first, and reads for itself.
    case abandoned
  }

  /// The report's file, handed over by the append (``stageReportAhead(_:at:into:)``).
  private enum Report {
    /// Not handed over (yet).
    case none
    /// Its bytes, its path, and the file made ahead to write them into.
    case handed([UInt8], path: String, file: ReservedFile)
    case working
    /// Written and flushed, or the error that stopped it (the file dropped then).
    case done(Result<StagedFile, ArchiveError>)
    /// Taken by the append.
    case taken
  }

  /// Work the append hands over once the report is taken (``handOver(_:)``).
  private enum Handed {
    case none
    case waiting(@Sendable () -> Void)
    case working
    case done
  }

  /// Guards ``reading``, ``files``, ``isMakingFiles``, ``areFilesTaken``, ``report``,
  /// ``work``, ``handed``, ``isReadingOver``, ``isClosing`` and ``isOver``.
  private let condition = NSCondition()
  private var reading = Reading.waiting
  /// The new files made so far, whether the thread is making them now, and whether the
  /// append took them (no more are made then).
  private var files: [ReservedFile] = []
  private var isMakingFiles = false
  private var areFilesTaken = false
  private var report = Report.none
  private var handed = Handed.none
  /// Other work of the run handed over (``perform(_:)``), not begun yet.
  private var work: [@Sendable () -> Void] = []
  /// Whether the thread is past the reading (taken or left to the append), its files made.
  private var isReadingOver = false
  /// Whether the run is ending (``wait()``): a report not handed over by now never will be.
  private var isClosing = false
  /// Whether the thread's work is over.
  private var isOver = false

  /// Starts reading `store` for an append of `kind` created at `createdAt` (whose month picks
  /// the folder).
  ///
  /// Each part goes to whichever thread comes to it first: the append reads for itself, and
  /// makes its own files, rather than wait for a thread that has not begun them.
  ///
  /// - Parameter first: Other work for the same thread, done before the reading (the run's
  ///   vendor answers and answers file, while the run loads its runbook); done here at once if
  ///   no thread can be made.
  package init(
    store: ArchiveStore, kind: DocumentKind, createdAt: Date,
    first: (@Sendable () -> Void)? = nil
  ) {
    root = store.root
    self.kind = kind
    let folder = "\(kind.directoryName)/\(ArchiveTime.monthPath(createdAt))"
    self.folder = folder
    // The append runs on this thread: the watch on the folder's names (made by the reading)
    // reports to it. Taken before the thread is made, which then blocks the watch's signals
    // too (see FolderNoticeThread).
    let appending = FolderNoticeThread.current()
    let started = Self.startThread { [self] in
      // In a large archive the reading first, since it would be waited for otherwise (see
      // `readsFirst`); the append makes its own files if it comes to them first, and the run
      // does the other work itself when it comes to it before this thread.
      let readsFirst = Self.readsFirst(store)
      if readsFirst { read(store, for: appending) }
      // The two new files (the report's and the record's), the part whose cost varies most:
      // making a file took 0.1-0.7 ms here for minutes after other files were deleted nearby
      // (ext4 without a journal steps over recently freed inodes). None is made when the
      // folder is not there (a first append of the month makes it).
      if condition.withLock({
        isMakingFiles = !areFilesTaken
        return isMakingFiles
      }) {
        for _ in 0..<2 {
          guard let file = store.fileSystem.reserveNewFile(in: store.absolute(folder)) else {
            break
          }
          condition.withLock { files.append(file) }
        }
        condition.withLock {
          isMakingFiles = false
          condition.broadcast()
        }
      }
      first?()
      if !readsFirst { read(store, for: appending) }
      condition.withLock {
        isReadingOver = true
        condition.broadcast()
      }
      // Then other work the run hands over (``perform(_:)``), and last the report's file, if
      // the append hands it over before the run ends: written and flushed here while the
      // append seals, writes and flushes the record.
      while let task = nextTask() {
        guard case .report(let bytes, let path, let file) = task else {
          if case .work(let work) = task { work() }
          continue
        }
        let result = Result { () throws(ArchiveError) in
          try store.fileSystem.flushStagedFile(
            store.fileSystem.stageNewFile(bytes, at: path, into: file))
        }
        condition.withLock {
          report = .done(result)
          condition.broadcast()
        }
        // Then the append's own last work, while it flushes the folder (``handOver(_:)``).
        if let work = nextHandedWork() {
          work()
          condition.withLock {
            handed = .done
            condition.broadcast()
          }
        }
        break
      }
      condition.withLock {
        isOver = true
        condition.broadcast()
      }
    }
    if !started {
      first?()
      condition.withLock { isOver = true }
    }
  }

  /// Takes the reading, unless the append came to it first.
  private func read(_ store: ArchiveStore, for appending: FolderNoticeThread?) {
    let isMine = condition.withLock {
      guard case .waiting = reading else { return false }
      reading = .working
      return true
    }
    if isMine { finish(with: store.readAhead(kind: kind, folder: folder, for: appending)) }
  }

  /// What the thread does after the reading.
  private enum Task {
    case work(@Sendable () -> Void)
    case report([UInt8], path: String, file: ReservedFile)
  }

  /// The next task handed over, the report before any work (work still waiting then is too
  /// late to help); nil when the run ends first (work not begun is dropped).
  private func nextTask() -> Task? {
    condition.withLock {
      while true {
        if case .handed(let bytes, let path, let file) = report {
          report = .working
          work = []
          return .report(bytes, path: path, file: file)
        }
        if !work.isEmpty { return .work(work.removeFirst()) }
        if isClosing {
          work = []
          return nil
        }
        condition.wait()
      }
    }
  }

  /// Whether the reading goes before the new files and the other work: when the archive's
  /// heads cache is larger than ``largeHeadsCache``.
  ///
  /// The reading's cost grows with the archive: every month folder is stat'ed (336 of them,
  /// and a 60 KB heads cache read, at 470,000 records: 1.4 ms on this thread, against 0.1 ms
  /// in a new archive), while the other work (a vendor's answers, the answers file) does not.
  /// Measured on a run from an answers file into the 470,000-record archive and into a new
  /// one, interleaved (60 of each): the large archive's run took 1.067x the new one's with the
  /// reading second, 1.014x with it first. In a small archive the other work goes first: the
  /// run needs it sooner. Before the files too (session 15, probe stamps, 30 runs of each):
  /// at 470,000 records the append came to its files and reading at 1.40 ms into the run,
  /// and waited 0.27 ms for the reading, begun after the files (0.16 ms); with the reading
  /// first, the append makes its report's file itself meanwhile, and the thread still writes
  /// and flushes the report.
  private static func readsFirst(_ store: ArchiveStore) -> Bool {
    guard let status = try? store.fileSystem.status(at: HeadsCache.path(in: store)) else {
      return false
    }
    return status.size >= largeHeadsCache
  }

  /// The size of a heads cache (in bytes) from which the reading goes first: about 45 month
  /// folders (a 100,000-record archive's is 13.5 KB, a 10,000-record one's 2 KB).
  package static let largeHeadsCache: UInt64 = 8 << 10

  /// Hands the reading (nil: none) to the waiters.
  private func finish(with ahead: AppendReading.Ahead?) {
    condition.withLock {
      reading = .done(ahead)
      condition.broadcast()
    }
  }

  /// Runs `body` on a new detached POSIX thread; false when no thread could be made.
  ///
  /// A POSIX thread, not a Foundation `Thread`: this runs in every `run`, and a `Thread` costs
  /// the caller about twice as long to start (0.07-0.08 ms against 0.035-0.045 ms here) and
  /// begins its body three times later. Elsewhere than on Linux (whose `pthread_create` Swift
  /// sees with other types) it is a Foundation `Thread`.
  private static func startThread(_ body: @escaping @Sendable () -> Void) -> Bool {
    #if os(Linux)
      var attributes = pthread_attr_t()
      guard pthread_attr_init(&attributes) == 0 else { return false }
      defer { pthread_attr_destroy(&attributes) }
      pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
      // Listing and reading the heads go no deeper than a few calls; a document read on the
      // long way (no heads cache) is parsed with a nesting limit.
      pthread_attr_setstacksize(&attributes, 4 << 20)
      keepOffThisProcessor(&attributes)
      let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
      var thread = pthread_t()
      let created = pthread_create(
        &thread, &attributes,
        { pointer in
          guard let pointer else { return nil }
          Unmanaged<ThreadBody>.fromOpaque(pointer).takeRetainedValue().body()
          return nil
        }, box)
      guard created == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(box).release()
        return false
      }
      return true
    #else
      let thread = Thread(block: body)
      thread.stackSize = 4 << 20
      thread.start()
      return true
    #endif
  }

  #if os(Linux)
    /// Lets the thread run on any processor the process may use but the one this thread runs on
    /// now (when there is another).
    ///
    /// Left to itself, the scheduler may queue a new thread behind its creator on the same
    /// processor, where it waits until the creator blocks: measured here, it began 1.5 ms later
    /// half the time, against 0.1 ms on the other processor.
    private static func keepOffThisProcessor(_ attributes: inout pthread_attr_t) {
      guard let calls = ProcessorAffinity.functions else { return }
      // A `cpu_set_t`: 1,024 bits.
      let words = 16
      let size = words * MemoryLayout<UInt64>.size
      let allowed = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
      defer { allowed.deallocate() }
      allowed.initialize(repeating: 0, count: words)
      let current = Int(calls.currentProcessor())
      guard current >= 0, current < words * 64, calls.processAffinity(0, size, allowed) == 0
      else { return }
      allowed[current / 64] &= ~(UInt64(1) << UInt64(current % 64))
      guard (0..<words).contains(where: { allowed[$0] != 0 }) else { return }
      _ = calls.setThreadAffinity(&attributes, size, allowed)
    }
  #endif

  /// A thread's body, handed to `pthread_create` through its one pointer.
  private final class ThreadBody: Sendable {
    let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }

  /// Waits until the thread's work is over (the lock it took released, the files made, the
  /// report handed over written); after this, no report is handed over.
  package func wait() {
    condition.withLock {
      isClosing = true
      condition.broadcast()
      while !isOver { condition.wait() }
    }
  }

  /// Tells the thread that no report will be handed over: it ends once its reading is done.
  func close() {
    condition.withLock {
      isClosing = true
      condition.broadcast()
    }
  }

  /// Waits until the thread has done what it does before the append.
  ///
  /// That is the reading taken (or left to the append) and the files made; the thread then
  /// waits for the report, until ``wait()``.
  package func waitForReading() {
    condition.withLock {
      while !isReadingOver && !isOver { condition.wait() }
    }
  }

  /// Hands other work of the run to the thread, done after the reading and before the report
  /// (unless the report comes first, or the run ends: then it is dropped); false when the
  /// thread's work is over or ending, or the report was handed over already.
  ///
  /// For work that only saves the run time later, such as reading the obligation files its
  /// facts involve while it evaluates its own rules: what it does must be done again, or
  /// waited for, by whoever needs it.
  package func perform(_ work: @escaping @Sendable () -> Void) -> Bool {
    condition.withLock {
      guard !isOver, !isClosing, case .none = report else { return false }
      self.work.append(work)
      condition.broadcast()
      return true
    }
  }

  /// The work the append hands over after the report (``handOver(_:)``); nil when the run
  /// ends first.
  private func nextHandedWork() -> (@Sendable () -> Void)? {
    condition.withLock {
      while true {
        if case .waiting(let work) = handed {
          handed = .working
          return work
        }
        if isClosing { return nil }
        condition.wait()
      }
    }
  }

  /// Hands `work` to the thread, once the append has taken its report
  /// (``takeStagedReport()``), to be done there while the append flushes its folder; false
  /// when the thread's work is over or ending (do it here then).
  ///
  /// Whoever hands work over must wait for it (``waitForHandedWork()``) before the lock it
  /// holds is released: the heads cache is saved this way, under the append's lock.
  func handOver(_ work: @escaping @Sendable () -> Void) -> Bool {
    condition.withLock {
      guard !isOver, !isClosing, case .taken = report, case .none = handed else { return false }
      handed = .waiting(work)
      condition.broadcast()
      return true
    }
  }

  /// Waits until the work handed over with ``handOver(_:)`` is done.
  func waitForHandedWork() {
    condition.withLock {
      while true {
        switch handed {
        case .none, .done: return
        case .waiting, .working: condition.wait()
        }
      }
    }
  }

  /// Hands the report's bytes to the thread, to be written and flushed there while the append
  /// seals and writes the record; false when the thread's work is over or ending.
  ///
  /// `file` is the first file made ahead (taken with ``takeReservedFiles()``). When this is
  /// false, the append writes the report itself; otherwise ``takeStagedReport()`` takes it.
  func stageReportAhead(_ bytes: [UInt8], at path: String, into file: ReservedFile) -> Bool {
    condition.withLock {
      guard !isOver, !isClosing, case .none = report else { return false }
      report = .handed(bytes, path: path, file: file)
      condition.broadcast()
      return true
    }
  }

  /// The report handed to ``stageReportAhead(_:at:into:)``, written and flushed.
  ///
  /// Waits for the thread. Taken once.
  ///
  /// - Throws: What writing or flushing it threw (nothing is left of the file then).
  func takeStagedReport() throws(ArchiveError) -> StagedFile {
    let result: Result<StagedFile, ArchiveError> = condition.withLock {
      while true {
        switch report {
        case .done(let result):
          report = .taken
          return result
        case .handed, .working: condition.wait()
        case .none, .taken: preconditionFailure("no report handed over, or taken twice")
        }
      }
    }
    return try result.get()
  }

  /// The new files made ahead in the folder, handed over once.
  ///
  /// The report's first, then the record's; the append makes the others itself. Waits for
  /// the thread while it is making them (its first work, done sooner than the append could
  /// make them again), not for a thread that has not begun.
  func takeReservedFiles() -> [ReservedFile] {
    condition.withLock {
      areFilesTaken = true
      while isMakingFiles { condition.wait() }
      defer { files = [] }
      return files
    }
  }

  /// The reading, when it was taken for `store`'s archive, `kind` and `folder` (from the
  /// archive root) and could be taken: waited for if begun, nil (the append reads for itself)
  /// if not.
  func reading(of store: ArchiveStore, kind: DocumentKind, folder: String) -> AppendReading.Ahead? {
    guard store.root == root, kind == self.kind, folder == self.folder else { return nil }
    return condition.withLock {
      while true {
        switch reading {
        case .waiting:
          reading = .abandoned
          return nil
        case .working: condition.wait()
        case .done(let ahead): return ahead
        case .abandoned: return nil
        }
      }
    }
  }
}

/// glibc's processor-affinity functions, looked up once with `dlsym(3)`: Swift's Glibc module
/// does not declare them (glibc does only with `_GNU_SOURCE`).
private enum ProcessorAffinity {
  /// `int sched_getcpu(void)`.
  typealias CurrentProcessor = @convention(c) () -> Int32
  /// `int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)`.
  typealias ProcessAffinity = @convention(c) (Int32, Int, UnsafeMutableRawPointer) -> Int32
  /// `int pthread_attr_setaffinity_np(pthread_attr_t *attr, size_t size, const cpu_set_t *set)`.
  typealias SetThreadAffinity =
    @convention(c) (UnsafeMutablePointer<pthread_attr_t>, Int, UnsafeRawPointer) -> Int32

  /// The three functions, or nil where the C library lacks one.
  static let functions:
    (
      currentProcessor: CurrentProcessor, processAffinity: ProcessAffinity,
      setThreadAffinity: SetThreadAffinity
    )? = {
      #if os(Linux)
        // A null handle is `RTLD_DEFAULT`: the process's global symbols.
        let all = UnsafeMutableRawPointer(bitPattern: 0)
        guard let current = dlsym(all, "sched_getcpu"),
          let process = dlsym(all, "sched_getaffinity"),
          let thread = dlsym(all, "pthread_attr_setaffinity_np")
        else { return nil }
        return (
          unsafeBitCast(current, to: CurrentProcessor.self),
          unsafeBitCast(process, to: ProcessAffinity.self),
          unsafeBitCast(thread, to: SetThreadAffinity.self)
        )
      #else
        return nil
      #endif
    }()
}
