#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Catches SIGINT (Ctrl-C) and SIGHUP (the terminal went away) during an interactive session, so
/// that a blocked read returns and the answers so far are saved as a draft instead of lost.
///
/// The handlers are installed without `SA_RESTART`: a `read` waiting for a line fails with
/// `EINTR`, and the reader then sees `wasRaised`. Only the flag is touched in the handler, which is
/// all a signal handler may safely do.
enum InterruptSignals {
  nonisolated(unsafe) private static var flag: sig_atomic_t = 0
  nonisolated(unsafe) private static var isInstalled = false

  /// Whether SIGINT or SIGHUP arrived since the handlers were installed.
  static var wasRaised: Bool { flag != 0 }

  /// Installs the handlers once per process.
  static func install() {
    guard !isInstalled else { return }
    isInstalled = true
    for signalNumber in [SIGINT, SIGHUP] {
      var action = sigaction()
      #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in InterruptSignals.flag = 1 }
      #else
        action.__sigaction_u.__sa_handler = { _ in InterruptSignals.flag = 1 }
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(signalNumber, &action, nil)
    }
  }
}
