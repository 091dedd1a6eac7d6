import Foundation
import RunbookCore

/// The folders of an archive listed ahead of a ``SummaryRefresh``, on other threads: the
/// amendments' folders, then the records', each with its ``FolderListing`` (its documents'
/// statuses taken) and its index file read and checked, so that the system calls run on both
/// cores while the refresh compares and hands on what is ready.
///
/// One thread walks the folders (listing their names, which is quick); two take the statuses
/// of the folders listed, each a whole folder at a time. Folders are handed on in walk order
/// (``ArchiveStore/walkListings(_:statuses:skipping:_:)``), a few at a time: the threads wait
/// when they are that far ahead, so memory stays that of a few folders.
///
/// A folder whose index file trusts it (``SummaryIndex/trusts(folder:)``, asked of `trust`
/// before the folder is listed) is neither listed nor are its documents stat'ed: it comes
/// with its index file alone (``Folder/isTrusted``).
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
    /// Whether the folder was not listed: its index file trusts it, and its entries (their
    /// keys not read) are the folder's documents.
    var isTrusted = false
  }

  /// One place in the queue.
  private final class Slot: @unchecked Sendable {
    enum State {
      /// Listed by name, its statuses still to take.
      case listed
      /// Being finished by a thread.
      case taking
      case ready
    }

    var state: State
    var item: Item

    init(_ item: Item, state: State) {
      self.item = item
      self.state = state
    }
  }

  /// What the threads hand on.
  private enum Item {
    case folder(Folder)
    /// The last folder of a kind.
    case end(DocumentKind)
    case failure(ArchiveError)
  }

  /// How many folders are listed ahead.
  private static let depth = 6

  private let condition = NSCondition()
  private var slots: [Slot] = []
  private var isCancelled = false
  private var isWalked = false
  private var running = 0

  /// Starts listing `store`'s folders of `kinds` (in that order); `load` reads a folder's
  /// index file and its entries (called on the other threads); `trust` (on the walking
  /// thread) gives a folder's index file and entries when it trusts the folder whose status
  /// is given, nil when the folder is to be listed.
  init(
    store: ArchiveStore, kinds: [DocumentKind],
    load: @escaping @Sendable (String, DocumentKind) -> (SummaryIndex?, [SummaryIndex.Span]),
    trust: (@Sendable (String, DocumentKind, FileStatus) -> (SummaryIndex, [SummaryIndex.Span])?)?
  ) {
    running = 3
    start { [self] in walk(store, kinds, trust) }
    for _ in 0..<2 {
      start { [self] in finishFolders(store, load) }
    }
  }

  /// Runs `body` on a new thread, counted in ``running``.
  private func start(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread { [self] in
      body()
      condition.withLock {
        running -= 1
        condition.broadcast()
      }
    }
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// Lists the folders by name, in walk order.
  private func walk(
    _ store: ArchiveStore, _ kinds: [DocumentKind],
    _ trust: ((String, DocumentKind, FileStatus) -> (SummaryIndex, [SummaryIndex.Span])?)?
  ) {
    for kind in kinds {
      var isStopped = false
      // A trusted folder goes to the queue ready, in its place in the walk.
      func skip(_ path: String, _ status: FileStatus) throws(ArchiveError) -> Bool {
        guard let trust, let (index, spans) = trust(path, kind, status) else { return false }
        let folder = Folder(
          kind: kind, path: path, listing: FolderListing(), index: index, spans: spans,
          isTrusted: true)
        guard push(.folder(folder), state: .ready) else {
          isStopped = true
          throw .ioError(path: path, errno: ECANCELED)
        }
        return true
      }
      do throws(ArchiveError) {
        try store.walkListings(kind, statuses: false, skipping: trust == nil ? nil : skip) {
          (path, listing) throws(ArchiveError) in
          let folder = Folder(kind: kind, path: path, listing: listing, index: nil, spans: [])
          guard push(.folder(folder), state: .listed) else {
            isStopped = true
            throw .ioError(path: path, errno: ECANCELED)
          }
        }
      } catch {
        if !isStopped { _ = push(.failure(error), state: .ready) }
        break
      }
      guard push(.end(kind), state: .ready) else { break }
    }
    condition.withLock {
      isWalked = true
      condition.broadcast()
    }
  }

  /// Adds `item` to the queue, waiting while it is full; false once stopped.
  private func push(_ item: Item, state: Slot.State) -> Bool {
    condition.withLock {
      while slots.count >= Self.depth && !isCancelled { condition.wait() }
      guard !isCancelled else { return false }
      slots.append(Slot(item, state: state))
      condition.broadcast()
      return true
    }
  }

  /// Takes the statuses of the folders listed, and reads their index files, until the walk
  /// is done and no folder is left.
  private func finishFolders(
    _ store: ArchiveStore,
    _ load: (String, DocumentKind) -> (SummaryIndex?, [SummaryIndex.Span])
  ) {
    while true {
      let next: Slot? = condition.withLock {
        while true {
          if isCancelled { return nil }
          if let slot = slots.first(where: { $0.state == .listed }) {
            slot.state = .taking
            return slot
          }
          if isWalked { return nil }
          condition.wait()
        }
      }
      guard let slot = next else { return }
      guard case .folder(var folder) = slot.item else { continue }
      var item = Item.folder(folder)
      if !folder.path.isEmpty {
        do throws(ArchiveError) {
          try store.fileSystem.folderStatuses(
            of: &folder.listing, at: store.absolute(folder.path))
          (folder.index, folder.spans) = load(folder.path, folder.kind)
          item = .folder(folder)
        } catch {
          item = .failure(error)
        }
      }
      condition.withLock {
        slot.item = item
        slot.state = .ready
        condition.broadcast()
      }
    }
  }

  /// The next folder of `kind`, nil after its last.
  ///
  /// - Throws: what listing the folders threw.
  func next(_ kind: DocumentKind) throws(ArchiveError) -> Folder? {
    let item: Item = condition.withLock {
      while slots.first?.state != .ready { condition.wait() }
      // Taken out at once: a folder read is not held (the queue holds a few at most).
      let item = slots.removeFirst().item
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

  /// Stops the threads and waits for them to finish.
  func stop() {
    condition.withLock {
      isCancelled = true
      condition.broadcast()
      while running > 0 { condition.wait() }
    }
  }
}
