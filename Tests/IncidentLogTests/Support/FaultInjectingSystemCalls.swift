import Foundation
import IncidentLog
import RunbookCore

/// Real system calls, except that a chosen call can fail with a chosen `errno`, like
/// swift-system's mocking: proves what the file system leaves behind when a call fails.
///
/// With a `timeGranularity`, the times `stat(2)` reports are cut down to whole multiples of
/// that many seconds, as on a file system with a very coarse clock: every change made in a test
/// then happens "at the same time".
final class FaultInjectingSystemCalls: SystemCalls, @unchecked Sendable {
  enum Call: String, Sendable, CaseIterable {
    case open, write, read, fsync, close, link, rename, truncate, unlink, mkdir, flock, status
    case touch
    case directoryEntries
  }

  /// What happens at a chosen call: a failure (an `errno`) or an action run just before it.
  struct Trigger<Effect> {
    var call: Call
    var effect: Effect
    /// Which matching call it is for: 1 is the first.
    var occurrence: Int
    /// Only calls whose path contains this match (nil: any path; calls on descriptors have none).
    var pathContaining: String?
  }

  /// The calls chosen so far for one kind of effect, with how many matching calls were seen.
  struct Triggers<Effect> {
    private var triggers: [Trigger<Effect>] = []
    private var counts: [Call: Int] = [:]

    mutating func add(_ trigger: Trigger<Effect>) { triggers.append(trigger) }

    /// The effect of the call `call` on `path`, if this call is the one chosen (taken once).
    mutating func take(_ call: Call, path: String?) -> Effect? {
      guard
        let index = triggers.firstIndex(where: { trigger in
          trigger.call == call
            && (trigger.pathContaining.map { path?.contains($0) ?? false } ?? true)
        })
      else { return nil }
      counts[call, default: 0] += 1
      guard counts[call] == triggers[index].occurrence else { return nil }
      return triggers.remove(at: index).effect
    }
  }

  private let real = GlibcSystemCalls()
  private let timeGranularity: Int64?
  private let lock = NSLock()
  private var faults = Triggers<Int32>()
  /// Actions run just before a chosen call (another program's doing, at that moment).
  private var actions = Triggers<() -> Void>()
  private(set) var log: [String] = []

  /// False: `openUnnamedFile` fails with `EOPNOTSUPP` (not logged), as on a system or file
  /// system without `O_TMPFILE`, so that files are written under temporary names.
  private let hasUnnamedFiles: Bool

  init(timeGranularity: Int64? = nil, hasUnnamedFiles: Bool = true) {
    self.timeGranularity = timeGranularity
    self.hasUnnamedFiles = hasUnnamedFiles
  }

  /// The calls made so far whose text (`name path`) contains `text`.
  func calls(containing text: String) -> [String] {
    lock.withLock { log.filter { $0.contains(text) } }
  }

  /// Forgets the calls made so far.
  func clearLog() {
    lock.withLock { log.removeAll() }
  }

  func fail(
    _ call: Call, with errno: Int32, occurrence: Int = 1, pathContaining: String? = nil
  ) {
    lock.withLock {
      faults.add(
        Trigger(call: call, effect: errno, occurrence: occurrence, pathContaining: pathContaining))
    }
  }

  /// Runs `action` just before the `occurrence`th call `call` whose path contains
  /// `pathContaining` (as another program would change the files at that moment).
  func run(
    before call: Call, occurrence: Int = 1, pathContaining: String? = nil,
    _ action: @escaping () -> Void
  ) {
    lock.withLock {
      actions.add(
        Trigger(call: call, effect: action, occurrence: occurrence, pathContaining: pathContaining))
    }
  }

  private func check(_ call: Call, path: String? = nil) throws(SystemCallError) {
    // Run outside the lock: the action may make calls of its own.
    lock.withLock { actions.take(call, path: path) }?()
    let code: Int32? = lock.withLock {
      log.append("\(call.rawValue) \(path ?? "")")
      return faults.take(call, path: path)
    }
    if let code { throw SystemCallError(code) }
  }

  func open(_ path: String, flags: Int32, mode: mode_t) throws(SystemCallError) -> Int32 {
    try check(.open, path: path)
    return try real.open(path, flags: flags, mode: mode)
  }

  func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) throws(SystemCallError) -> Int {
    try check(.write)
    return try real.write(fd, buffer)
  }

  func read(
    _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer
  ) throws(SystemCallError) -> Int {
    try check(.read)
    return try real.read(fd, into: buffer)
  }

  func fsync(_ fd: Int32) throws(SystemCallError) {
    try check(.fsync)
    try real.fsync(fd)
  }

  func close(_ fd: Int32) throws(SystemCallError) {
    try check(.close)
    try real.close(fd)
  }

  func link(_ existingPath: String, _ newPath: String) throws(SystemCallError) {
    try check(.link, path: newPath)
    try real.link(existingPath, newPath)
  }

  /// Logged and failed as an `open` of `path` (the file it will become).
  func openUnnamedFile(for path: String) throws(SystemCallError) -> Int32 {
    guard hasUnnamedFiles else { throw SystemCallError(EOPNOTSUPP) }
    try check(.open, path: path)
    return try real.openUnnamedFile(for: path)
  }

  /// Logged and failed as a `link` to `path`.
  func linkUnnamedFile(_ fd: Int32, to path: String) throws(SystemCallError) {
    try check(.link, path: path)
    try real.linkUnnamedFile(fd, to: path)
  }

  func truncate(_ fd: Int32, length: Int) throws(SystemCallError) {
    try check(.truncate)
    try real.truncate(fd, length: length)
  }

  func rename(_ oldPath: String, _ newPath: String) throws(SystemCallError) {
    try check(.rename, path: newPath)
    try real.rename(oldPath, newPath)
  }

  func unlink(_ path: String) throws(SystemCallError) {
    try check(.unlink, path: path)
    try real.unlink(path)
  }

  func mkdir(_ path: String, mode: mode_t) throws(SystemCallError) {
    try check(.mkdir, path: path)
    try real.mkdir(path, mode: mode)
  }

  func flock(_ fd: Int32, operation: Int32) throws(SystemCallError) {
    try check(.flock)
    try real.flock(fd, operation: operation)
  }

  func status(_ path: String) throws(SystemCallError) -> FileStatus {
    try check(.status, path: path)
    return coarse(try real.status(path))
  }

  func folderNames(_ path: String) throws(SystemCallError) -> FolderListing {
    try check(.directoryEntries, path: path)
    return try real.folderNames(path)
  }

  func folderStatuses(_ listing: inout FolderListing, _ path: String) throws(SystemCallError) {
    try real.folderStatuses(&listing, path)
    listing.mapStatuses(coarse)
  }

  /// `status` with its times cut down to the granularity.
  private func coarse(_ status: FileStatus) -> FileStatus {
    guard let timeGranularity else { return status }
    var status = status
    let coarse = { (time: FileTime) in
      FileTime(seconds: time.seconds - time.seconds % timeGranularity, nanoseconds: 0)
    }
    status.modified = coarse(status.modified)
    status.changed = coarse(status.changed)
    return status
  }

  func permissions(_ path: String) throws(SystemCallError) -> Int {
    try check(.status, path: path)
    return try real.permissions(path)
  }

  func isSymbolicLink(_ path: String) throws(SystemCallError) -> Bool {
    try check(.status, path: path)
    return try real.isSymbolicLink(path)
  }

  func touch(_ path: String) throws(SystemCallError) {
    try check(.touch, path: path)
    try real.touch(path)
  }

  func directoryEntries(_ path: String) throws(SystemCallError) -> [String] {
    try check(.directoryEntries, path: path)
    return try real.directoryEntries(path)
  }
}
