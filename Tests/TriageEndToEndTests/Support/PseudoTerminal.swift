import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The built `triage` running under a pseudo-terminal, driven as a person at a keyboard would:
/// wait for text with `expect`, type with `send`, press Ctrl-C with `sendInterrupt`.
///
///     let session = try PseudoTerminalSession(["run", "leak.yaml"])
///     try session.expect("Did any of our code leave")
///     try session.send("yes\n")
///     try session.sendInterrupt()
///     #expect(try session.waitForExit() == 130)
///
/// The child is a session leader with the terminal as its controlling terminal (`setsid` through
/// `posix_spawn`), so Ctrl-C reaches it as `SIGINT` from the line discipline, and its standard
/// input, output and error all are the terminal. The terminal echoes what is typed and turns
/// `\n` into `\r\n`; `transcript` keeps the raw bytes, `expect` matches with `\r` removed.
final class PseudoTerminalSession {
  enum SessionError: Error, CustomStringConvertible {
    case system(call: String, errno: Int32)
    case timedOut(waitingFor: String, transcript: String)

    var description: String {
      switch self {
      case .system(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
      case .timedOut(let expected, let transcript):
        return "timed out waiting for \(expected.debugDescription); the terminal showed:\n"
          + transcript
      }
    }
  }

  /// The child's process id.
  let processID: pid_t
  private let primary: Int32
  /// Our own handle on the replica side, so that reading the primary never fails with `EIO`
  /// in the moment before the child has opened it or after it has closed it.
  private let replica: Int32
  private var received: [UInt8] = []
  /// How far `expect` has matched, in `normalisedTranscript`.
  private var matchedUpTo: String.Index?
  private var exitStatus: Int32?

  /// Starts `triage` with `arguments` under a new terminal of `columns` × `rows`.
  ///
  /// - Parameters:
  ///   - environment: added to `TriageBinary.environment()`, with `TERM=xterm-256color`.
  ///   - currentDirectory: the child's working directory (default: this process's).
  ///   - argumentZero: the child's `argv[0]` (default: the executable's path), to start it as
  ///     a shell would under another name.
  init(
    _ arguments: [String],
    environment: [String: String] = [:],
    currentDirectory: URL? = nil,
    argumentZero: String? = nil,
    columns: UInt16 = 80,
    rows: UInt16 = 24
  ) throws {
    let executable = try TriageBinary.url().path
    let primary = try PseudoTerminalCalls.openPrimary()
    let replicaPath: String
    do {
      replicaPath = try PseudoTerminalCalls.replicaPath(of: primary)
    } catch {
      close(primary)
      throw error
    }
    let replica = open(replicaPath, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard replica >= 0 else {
      let code = errno
      close(primary)
      throw SessionError.system(call: "open(\(replicaPath))", errno: code)
    }
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(primary, UInt(TIOCSWINSZ), &size)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let directory = currentDirectory {
      try PseudoTerminalCalls.addChangeDirectory(&actions, directory.path)
    }
    // Opened after setsid, without O_NOCTTY: the terminal becomes the controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, replicaPath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var defaultSignals = sigset_t()
    sigemptyset(&defaultSignals)
    for signal in [SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGHUP] { sigaddset(&defaultSignals, signal) }
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
    let setSession: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc 2.26), not imported into Swift
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setSession))

    let childEnvironment = TriageBinary.environment(adding: ["TERM": "xterm-256color"])
      .merging(environment) { _, new in new }
    let argv = ([argumentZero ?? executable] + arguments).map { strdup($0) } + [nil]
    let envp = childEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard result == 0 else {
      close(primary)
      close(replica)
      throw SessionError.system(call: "posix_spawn", errno: result)
    }
    self.processID = pid
    self.primary = primary
    self.replica = replica
  }

  deinit {
    if exitStatus == nil {
      kill(processID, SIGKILL)
      var status: Int32 = 0
      waitpid(processID, &status, 0)
    }
    close(replica)
    close(primary)
  }

  /// Everything the terminal has shown so far, raw (with `\r\n` and escape sequences).
  var transcript: String { String(decoding: received, as: UTF8.self) }

  /// The transcript with carriage returns removed, as `expect` sees it.
  var normalisedTranscript: String { transcript.replacingOccurrences(of: "\r", with: "") }

  /// Waits until `text` appears after the previous match, and returns what the terminal showed
  /// from the previous match to the end of this one.
  ///
  /// - Throws: `SessionError.timedOut` with the transcript, if it does not appear in time.
  @discardableResult
  func expect(_ text: String, timeout: TimeInterval = 10) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let shown = normalisedTranscript
      let start = matchedUpTo.map { min($0, shown.endIndex) } ?? shown.startIndex
      if let range = shown.range(of: text, range: start..<shown.endIndex) {
        matchedUpTo = range.upperBound
        return String(shown[start..<range.upperBound])
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else { throw SessionError.timedOut(waitingFor: text, transcript: shown) }
      _ = readAvailable(waitingAtMost: remaining)
    }
  }

  /// Types `text` (use `\n` for Return; the terminal delivers it as the Enter key would).
  func send(_ text: String) throws {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(primary, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw SessionError.system(call: "write", errno: errno)
      }
      bytes = bytes.dropFirst(written)
    }
  }

  /// Presses Ctrl-C: the terminal sends `SIGINT` to the child.
  func sendInterrupt() throws { try send("\u{03}") }

  /// Presses Ctrl-D at the start of a line: the end of the input.
  func sendEndOfInput() throws { try send("\u{04}") }

  /// Waits for the child to end, reading what it still shows, and returns its exit status
  /// (128 + the signal number when a signal ended it).
  func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
    if let exitStatus { return exitStatus }
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      var status: Int32 = 0
      let result = waitpid(processID, &status, WNOHANG)
      if result == processID {
        _ = readAvailable(waitingAtMost: 0.05)
        let signal = status & 0x7f
        let code = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        exitStatus = code
        return code
      }
      if result < 0 && errno != EINTR { throw SessionError.system(call: "waitpid", errno: errno) }
      guard deadline.timeIntervalSinceNow > 0 else {
        throw SessionError.timedOut(waitingFor: "exit", transcript: normalisedTranscript)
      }
      _ = readAvailable(waitingAtMost: 0.02)
    }
  }

  /// Reads whatever the terminal shows within `seconds`; false when nothing came.
  private func readAvailable(waitingAtMost seconds: TimeInterval) -> Bool {
    var descriptor = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, Int32(max(0, min(seconds, 1)) * 1000))
    guard ready > 0 else { return false }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = buffer.withUnsafeMutableBytes { read(primary, $0.baseAddress, $0.count) }
    guard count > 0 else { return false }
    received.append(contentsOf: buffer[..<count])
    return true
  }
}

/// The C calls for pseudo-terminals that Swift's Glibc module leaves out (glibc declares them
/// only under `_XOPEN_SOURCE`/`_GNU_SOURCE`), looked up by name in the C library.
private enum PseudoTerminalCalls {
  typealias OpenPrimary = @convention(c) (Int32) -> Int32
  typealias Prepare = @convention(c) (Int32) -> Int32
  typealias NameInto = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
  typealias AddChangeDirectory =
    @convention(c) (
      UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?
    ) -> Int32

  /// `posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)`: a new terminal's primary side.
  static func openPrimary() throws -> Int32 {
    let openPrimary = try function("posix_openpt", as: OpenPrimary.self)
    let primary = openPrimary(O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard primary >= 0 else {
      throw PseudoTerminalSession.SessionError.system(call: "posix_openpt", errno: errno)
    }
    return primary
  }

  /// `grantpt`, `unlockpt` and `ptsname_r`: the path of the replica side, ready to open.
  static func replicaPath(of primary: Int32) throws -> String {
    for call in ["grantpt", "unlockpt"] {
      guard try function(call, as: Prepare.self)(primary) == 0 else {
        throw PseudoTerminalSession.SessionError.system(call: call, errno: errno)
      }
    }
    var name = [CChar](repeating: 0, count: 128)
    let result = try function("ptsname_r", as: NameInto.self)(primary, &name, name.count)
    guard result == 0 else {
      throw PseudoTerminalSession.SessionError.system(call: "ptsname_r", errno: result)
    }
    return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29).
  static func addChangeDirectory(
    _ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String
  ) throws {
    let add = try function("posix_spawn_file_actions_addchdir_np", as: AddChangeDirectory.self)
    let result = add(actions, path)
    guard result == 0 else {
      throw PseudoTerminalSession.SessionError.system(call: "addchdir_np", errno: result)
    }
  }

  private static func function<T>(_ name: String, as type: T.Type) throws -> T {
    guard let symbol = dlsym(defaultHandle, name) else {
      throw PseudoTerminalSession.SessionError.system(call: "dlsym(\(name))", errno: ENOSYS)
    }
    return unsafeBitCast(symbol, to: type)
  }

  /// `RTLD_DEFAULT`: search every loaded library.
  private static var defaultHandle: UnsafeMutableRawPointer? {
    #if canImport(Glibc)
      nil
    #else
      UnsafeMutableRawPointer(bitPattern: -2)
    #endif
  }
}
