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
  /// Guards ``ahead`` and ``isDone``.
  private let condition = NSCondition()
  private var ahead: AppendReading.Ahead?
  private var isDone = false

  /// Starts reading `store` for an append of `kind` created at `createdAt` (whose month picks
  /// the folder).
  package init(store: ArchiveStore, kind: DocumentKind, createdAt: Date) {
    root = store.root
    self.kind = kind
    let folder = "\(kind.directoryName)/\(ArchiveTime.monthPath(createdAt))"
    self.folder = folder
    let thread = Thread { [self] in
      let ahead = store.readAhead(kind: kind, folder: folder)
      condition.withLock {
        self.ahead = ahead
        isDone = true
        condition.broadcast()
      }
    }
    thread.start()
  }

  /// Waits until the reading is finished (and the lock it took released).
  package func wait() {
    condition.withLock {
      while !isDone { condition.wait() }
    }
  }

  /// The reading, once finished, when it was taken for `store`'s archive, `kind` and `folder`
  /// (from the archive root) and could be taken; nil otherwise.
  func reading(of store: ArchiveStore, kind: DocumentKind, folder: String) -> AppendReading.Ahead? {
    wait()
    guard store.root == root, kind == self.kind, folder == self.folder else { return nil }
    return condition.withLock { ahead }
  }
}
