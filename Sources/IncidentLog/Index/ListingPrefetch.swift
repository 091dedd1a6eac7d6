import Foundation
import RunbookCore

/// The folders of an archive listed ahead of a ``SummaryRefresh``, on a second thread: the
/// amendments' folders, then the records', each with its ``FolderListing`` and its index file
/// read and checked, so that the system calls of one folder run while the refresh compares
/// and hands on the last (the two cores of a small machine each take a half).
///
/// The folders come in walk order (``ArchiveStore/walkListings(_:_:)``), a few at a time: the
/// second thread waits when it is that far ahead, so memory stays that of a few folders.
final class ListingPrefetch: @unchecked Sendable {
  /// One folder, listed.
  struct Folder: Sendable {
    var kind: DocumentKind
    /// The folder, from the archive root ("" for a symbolic link in place of the kind's).
    var path: String
    var listing: FolderListing
    /// The folder's index file, when it reads as one of this archive and build, and its
    /// entries.
    var index: SummaryIndex?
    var spans: [SummaryIndex.Span]
  }

  /// What the second thread hands on.
  private enum Item {
    case folder(Folder)
    /// The last folder of a kind.
    case end(DocumentKind)
    case failure(ArchiveError)
  }

  /// How many folders the second thread lists ahead.
  private static let depth = 4

  private let condition = NSCondition()
  private var items: [Item] = []
  private var isCancelled = false
  private var isFinished = false

  /// Starts listing `store`'s folders of `kinds` (in that order); `load` reads a folder's
  /// index file and its entries (called on the second thread).
  init(
    store: ArchiveStore, kinds: [DocumentKind],
    load: @escaping @Sendable (String, DocumentKind) -> (SummaryIndex?, [SummaryIndex.Span])
  ) {
    let thread = Thread { [self] in
      for kind in kinds {
        var isStopped = false
        do throws(ArchiveError) {
          try store.walkListings(kind) { (path, listing) throws(ArchiveError) in
            let (index, spans) = path.isEmpty ? (nil, []) : load(path, kind)
            let folder = Folder(kind: kind, path: path, listing: listing, index: index, spans: spans)
            guard push(.folder(folder)) else {
              isStopped = true
              throw .ioError(path: path, errno: ECANCELED)
            }
          }
        } catch {
          if !isStopped { _ = push(.failure(error)) }
          break
        }
        guard push(.end(kind)) else { break }
      }
      condition.withLock {
        isFinished = true
        condition.broadcast()
      }
    }
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// Hands `item` on, waiting while the reader is ``depth`` folders behind; false once the
  /// reader stopped.
  private func push(_ item: Item) -> Bool {
    condition.withLock {
      while items.count >= Self.depth && !isCancelled { condition.wait() }
      guard !isCancelled else { return false }
      items.append(item)
      condition.broadcast()
      return true
    }
  }

  /// The next folder of `kind`, nil after its last.
  ///
  /// - Throws: what listing the folders threw.
  func next(_ kind: DocumentKind) throws(ArchiveError) -> Folder? {
    let item: Item = condition.withLock {
      while items.isEmpty { condition.wait() }
      // Taken out at once: a folder read is not held (the queue holds a few at most).
      let item = items.removeFirst()
      condition.broadcast()
      return item
    }
    switch item {
    case .folder(let folder):
      precondition(folder.kind == kind, "folders are read in the order they are listed")
      return folder
    case .end: return nil
    case .failure(let error): throw error
    }
  }

  /// Stops the second thread and waits for it to finish.
  func stop() {
    condition.withLock {
      isCancelled = true
      condition.broadcast()
      while !isFinished { condition.wait() }
    }
  }
}
