import Foundation
import RunbookCore

extension ArchiveStore {
  /// Seals a document into the archive as a new file.
  ///
  /// Under the lock: reads the current heads, sets `integrity` to `{parents, sha256}` (replacing
  /// any `integrity` the document had), and writes it as pretty JSON to
  /// `records/YYYY/MM/<id>.json` (or `amendments/…`), where the month is `createdAt`'s in UTC.
  /// The document's `id` member must equal `id`; if it has none, `id` is inserted first.
  ///
  /// Called inside ``withLock(_:)`` (on the same thread), the append joins that hold of the
  /// lock: what the caller read there is still current when the document is written.
  ///
  /// - Parameters:
  ///   - document: A JSON object.
  ///   - kind: Record or amendment.
  ///   - id: The document id, also its file name (see ``DocumentID``).
  ///   - createdAt: The creation time, which picks the month folder; a `created_at` member in
  ///     the document must name the same month.
  ///   - report: Renders a companion Markdown file from the document before it is sealed
  ///     (without `integrity`: the record's hash covers the report's, so the report cannot show
  ///     it). It is written to `<id>.md` beside the document, under the same lock, and its
  ///     SHA-256 goes into `integrity.report_sha256`, so that ``verify()`` finds an edited or
  ///     deleted report. The report is written first and removed again if the document cannot
  ///     be: the pair appears together or not at all, and a retry finds the id free.
  /// - Returns: The document as written, with its hash and parents.
  /// - Throws: ``ArchiveError``; ``ArchiveError/alreadyExists(path:)`` if the id is taken.
  @discardableResult
  package func append(
    document: JSONValue, kind: DocumentKind, id: String, createdAt: Date,
    report: ((JSONValue) -> String)? = nil
  ) throws(ArchiveError) -> StoredDocument {
    try append(
      document: document, kind: kind, id: id, createdAt: createdAt,
      renderedReport: report.map { render in { RenderedReport(Array(render($0).utf8)) } })
  }

  /// ``append(document:kind:id:createdAt:report:)`` with the report rendered as the UTF-8
  /// bytes written to its file (no String made on the way).
  ///
  /// With `prepared` (started for this archive, kind and month), what it read ahead is used
  /// when nothing was written since (see ``PreparedAppend``); otherwise it is read here.
  @discardableResult
  package func append(
    document: JSONValue, kind: DocumentKind, id: String, createdAt: Date,
    reportBytes report: ((JSONValue) -> [UInt8])?, prepared: PreparedAppend? = nil
  ) throws(ArchiveError) -> StoredDocument {
    try append(
      document: document, kind: kind, id: id, createdAt: createdAt,
      renderedReport: report.map { render in { RenderedReport(render($0)) } },
      prepared: prepared)
  }

  /// ``append(document:kind:id:createdAt:reportBytes:prepared:)`` with the report rendered and
  /// hashed by `report` (see ``RenderedReport``).
  @discardableResult
  package func append(
    document: JSONValue, kind: DocumentKind, id: String, createdAt: Date,
    renderedReport report: ((JSONValue) -> RenderedReport)?, prepared: PreparedAppend? = nil
  ) throws(ArchiveError) -> StoredDocument {
    guard DocumentID.isValid(id) else { throw .invalidDocumentID(id) }
    guard case .object(var object) = document else { throw .documentIsNotAnObject(id: id) }
    guard CanonicalJSON.isCanonicalizable(document) else { throw .nonFiniteNumber(id: id) }
    if let existing = DocumentEnvelope.id(in: object) {
      guard existing.stringValue == id else {
        throw .documentIDMismatch(id: id, documentID: CanonicalJSON.string(of: existing))
      }
    } else {
      object = DocumentEnvelope.prependingID(id, to: object)
    }
    let month = ArchiveTime.monthPath(createdAt)
    let createdAtMember = DocumentEnvelope.createdAt(in: object)
    if let stated = ArchiveTime.monthPath(ofCreatedAt: createdAtMember), stated != month {
      throw .createdAtMismatch(id: id, createdAt: createdAtMember?.stringValue ?? "")
    }
    let directory = "\(kind.directoryName)/\(month)"
    let location = DocumentLocation(kind: kind, id: id, path: "\(directory)/\(id).json")
    try fileSystem.createDirectory(at: root)
    // The report does not depend on the archive (it is rendered from the document without
    // `integrity`, whose hash covers the report's): it is rendered and hashed, and written
    // into a file made ahead (unnamed: nobody sees it before it is named under the lock),
    // while the reading ahead may still be under way.
    var unsealed = object
    unsealed.removeValue(forKey: DocumentIntegrity.memberName)
    let rendered = report.map { $0(.object(unsealed)) }
    let reportBytes = rendered?.bytes
    // The files made ahead (unnamed, in this folder's place) serve either way: under the lock
    // a symbolic link on the way is refused before they are named, and a file moved elsewhere
    // meanwhile is named through a temporary file (as on a file system without unnamed files).
    // With a thread ahead, the report is written and flushed there, while this one seals,
    // writes and flushes the record; otherwise the thread is told that none is coming.
    var reserved = prepared?.takeReservedFiles() ?? []
    if reserved.isEmpty, reportBytes != nil, prepared != nil,
      let file = fileSystem.reserveNewFile(in: absolute(directory))
    {
      // The thread made none (in a large archive it reads first): the report's file is made
      // here, and the thread still writes and flushes the report.
      reserved = [file]
    }
    var stagedReport: PendingReport?
    if let reportBytes, reserved.first?.directory == absolute(directory) {
      let path = absolute(location.reportPath)
      let file = reserved.removeFirst()
      if let prepared, prepared.stageReportAhead(reportBytes, at: path, into: file) {
        stagedReport = .ahead(prepared)
      } else {
        prepared?.close()
        stagedReport = .staged(try fileSystem.stageNewFile(reportBytes, at: path, into: file))
      }
    } else {
      prepared?.close()
    }
    // Waited for before the lock is taken: the reading ahead holds it while it reads.
    let ahead = prepared?.reading(of: self, kind: kind, folder: directory)
    var isWriting = false
    do {
      return try underLock { () throws(ArchiveError) in
        isWriting = true
        return try write(
          object, at: location, report: rendered, stagedReport: stagedReport, ahead: ahead,
          reserved: reserved, prepared: prepared)
      }
    } catch {
      // Once begun, the write names the staged report or drops it; before, it is dropped here.
      if let stagedReport, !isWriting { stagedReport.discard(in: fileSystem) }
      throw error
    }
  }

  /// Runs `body` while holding the archive's lock, so that nothing another triage process
  /// writes can come between what `body` reads and what it appends.
  ///
  /// Appends inside `body` from the same thread join this hold instead of waiting for it; other
  /// threads and processes wait until `body` returns. Use it to check a change against the
  /// archive's current state and append it as one step:
  ///
  /// ```swift
  /// try store.withLock {
  ///   let state = try ArchiveReader(store: store).state(ofRecord: id)
  ///   try AmendmentWriter.check(change, against: state)
  ///   return try store.append(document: …, kind: .amendment, id: …, createdAt: now)
  /// }
  /// ```
  ///
  /// - Throws: ``ArchiveError/notFound(path:)`` when the archive does not exist, other
  ///   ``ArchiveError``s when the lock cannot be taken; otherwise what `body` throws.
  package func withLock<Result>(_ body: () throws -> Result) throws -> Result {
    guard try fileSystem.isDirectory(at: root) else { throw ArchiveError.notFound(path: root) }
    return try fileSystem.withExclusiveLock(at: absolute(Self.lockFileName), body)
  }

  /// Runs `body` under the archive's lock, for a body that throws only ``ArchiveError``; the
  /// archive folder must exist.
  private func underLock<Result>(
    _ body: () throws(ArchiveError) -> Result
  ) throws(ArchiveError) -> Result {
    do {
      return try fileSystem.withExclusiveLock(at: absolute(Self.lockFileName)) { try body() }
    } catch let error as ArchiveError {
      throw error
    } catch {
      throw .ioError(path: absolute(Self.lockFileName), errno: EIO)
    }
  }

  /// Writes the sealed document (and its report, `report`, staged already as `stagedReport`
  /// when given, which this names or drops) at `location`; call it under the lock.
  ///
  /// The folder is listed at most once (its stale temporary files removed on the way); the
  /// other folders are only stat'ed, through the heads cache (see `HeadsCache`): read in place
  /// when nothing changed (``QuickAppend``), else refreshed (``HeadsRefresh``). A reading taken
  /// ahead (`ahead`, by a ``PreparedAppend``) stands in for all of that when nothing was
  /// written since it was taken, and the new files made ahead in the folder (`reserved`) are
  /// written into.
  ///
  /// The heads cache is saved once both names are made, while the folder is flushed: on the
  /// thread of `prepared` when it took the report (it is free then), here otherwise; either
  /// way before the lock is released. It may then describe a pair whose folder flush fails:
  /// the pair's removal changes the folder's status, so the next append lists it again.
  private func write(
    _ object: JSONObject, at location: DocumentLocation, report: RenderedReport?,
    stagedReport: PendingReport?, ahead: AppendReading.Ahead?, reserved: [ReservedFile],
    prepared: PreparedAppend?
  ) throws(ArchiveError) -> StoredDocument {
    let directory = String(location.path.dropLast(location.id.count + ".json".count + 1))
    let reading: AppendReading
    let watch: (any FolderNameWatch)?
    do {
      try refuseSymbolicLinks(on: location.path)
      (reading, watch) = try read(for: location, in: directory, ahead: ahead)
    } catch {
      stagedReport?.discard(in: fileSystem)
      throw error
    }
    let (sealed, hash, bytes) = DocumentIntegrity.sealedWithBytes(
      object, parents: reading.parents, reportSHA256: report?.sha256)
    try writePair(
      bytes, report: report?.bytes, stagedReport: stagedReport, at: location, reserved: reserved
    ) { () throws(ArchiveError) in
      let settled = watch.flatMap {
        settledFolder(directory, watch: $0, written: location, names: report == nil ? 1 : 2)
      }
      let save = { @Sendable [self] in
        reading.save(adding: location, sha256: hash, settled: settled, in: self)
      }
      let isHandedOver = prepared?.handOver(save) ?? false
      do throws(ArchiveError) {
        try fileSystem.flushFolder(at: absolute(directory))
      } catch {
        if isHandedOver { prepared?.waitForHandedWork() }
        throw error
      }
      if isHandedOver { prepared?.waitForHandedWork() } else { save() }
    }
    return StoredDocument(
      location: location, sha256: hash, parents: reading.parents.sorted(),
      document: .object(sealed))
  }

  /// What an append into `directory` (relative) reads under the lock: the reading taken
  /// ahead when it still stands, else its own; and a watch on the folder's names begun before
  /// the reading took the folder's status, reporting to this thread (nil where the system has
  /// none).
  private func read(
    for location: DocumentLocation, in directory: String, ahead: AppendReading.Ahead?
  ) throws(ArchiveError) -> (AppendReading, (any FolderNameWatch)?) {
    let reading: AppendReading
    let watch: (any FolderNameWatch)?
    if let ahead, ahead.isCurrent(in: self) {
      try writeGitIgnoreIfMissing()
      reading = ahead.reading
      watch = ahead.watch
    } else {
      // Before any listing, so that a folder changed after it is never trusted (HeadsCache).
      let stamp = try? fileSystem.currentTime(touching: absolute(Self.lockFileName))
      try writeGitIgnoreIfMissing()
      // Before the folder's status, so that every change after it is counted (a folder made
      // here is not watched: its first append lists it).
      watch = FolderNoticeThread.current().flatMap {
        fileSystem.watchNames(inFolder: absolute(directory), for: $0)
      }
      reading = try AppendReading(
        of: self, kind: location.kind, folder: directory, status: try folderStatus(directory),
        stamp: stamp)
    }
    return (reading, watch)
  }

  /// The folder `directory` (relative) as it stands after `location` was written into it, for
  /// the heads cache to trust next time without listing it (``SettledFolder``); nil when that
  /// cannot be known.
  ///
  /// In order: a stamp (the lock file touched), the folder's status, then how many names
  /// `watch` saw come or go (begun before the reading took the folder's status). The entry the
  /// reading had for the folder (listed, or trusted) plus the new document is what the folder
  /// holds if that is the `names` the append made itself (the record, and its report): any
  /// other name (even a report's or a hidden file's, which a listing would pass over) leaves
  /// the folder to be listed by the next append.
  /// The folder must have changed before the stamp, or a later change could keep its times
  /// (the racy rule); where the clock's tick is coarse, the write and the stamp share a tick
  /// and nothing is settled (the next append lists the folder, as it always did). A second
  /// stamp is taken when the first shares the write's time: on Linux 6.13 and later, a file
  /// whose times were read since its last change gets a finer time when changed again.
  func settledFolder(
    _ directory: String, watch: any FolderNameWatch, written location: DocumentLocation,
    names: Int
  ) -> SettledFolder? {
    let lockPath = absolute(Self.lockFileName)
    let folderPath = absolute(directory)
    for _ in 0..<2 {
      guard let stamp = try? fileSystem.currentTime(touching: lockPath),
        let status = try? fileSystem.status(at: folderPath), status.kind == .directory
      else { return nil }
      guard status.changed < stamp else { continue }
      let name = location.id + ".json"
      guard watch.changeCount(waitingWith: name) == names else { return nil }
      return SettledFolder(status: status, stamp: stamp)
    }
    return nil
  }

  /// Throws ``ArchiveError/symbolicLink(path:)`` if a folder on the way to `relativePath`
  /// (`records/`, the year, the month) or `.cache/` is a symbolic link: a write never goes
  /// through a link, which could lead anywhere.
  func refuseSymbolicLinks(on relativePath: String) throws(ArchiveError) {
    try fileSystem.refuseSymbolicLink(at: absolute(HeadsCache.directoryName))
    var prefix = ""
    // The folders only: a new file is given its name with `link(2)`, which never follows a
    // link already there (it fails with `EEXIST`).
    for component in relativePath.split(separator: "/").dropLast() {
      // `String(component)`: `"/" + component` (String and Substring) goes through the generic
      // `+`, whose first call costs a runtime conformance lookup.
      prefix += prefix.isEmpty ? String(component) : "/" + String(component)
      try fileSystem.refuseSymbolicLink(at: absolute(prefix))
    }
  }

  /// Writes a document and its report (if any) so that both appear or neither: the report
  /// first, then the document; if the document cannot be written, the report is removed.
  ///
  /// A report without its document (left by a crash between the two writes) is replaced: under
  /// the lock, with the document's name free, it can only be such a leftover.
  ///
  /// Three flushes, not four: the report's bytes are flushed before it is named, the
  /// document's bytes before it is named, and then the folder (which holds both names) once,
  /// after both names are made; a flush costs a disk round trip, about a seventh of a
  /// millisecond each on the benchmark machine, a tenth of a whole `run`. With a
  /// ``PreparedAppend``, the report is written and flushed on its thread while the document
  /// is (`pending`): the two flushes overlap. The folder is flushed by `flushingFolder`, called
  /// once both names are made (it may do other work meanwhile); when it throws, both names are
  /// removed.
  ///
  /// What a crash (a power loss: a killed process leaves only what it got to, in the order
  /// below) can leave, and what `archive verify` says of it:
  /// - Before the folder flush returns, the write has not succeeded. The names may be lost or
  ///   kept, each on its own, but a kept name always holds complete bytes (flushed before it
  ///   was made): nothing (clean); the report alone (a leftover report: named in
  ///   ``VerificationReport/leftoverReports``, not a problem, and replaced when the id is
  ///   written again); both (a whole pair, intact, that the interrupted `run` never announced);
  ///   or, only on a file system that makes the later name
  ///   durable before the earlier one in the same folder (ext4, XFS and btrfs journal them in
  ///   order), the document without its report, which verify names as a missing report.
  ///   An interrupted write leaves no temporary file where the system has unnamed ones
  ///   (`O_TMPFILE`); elsewhere its temporary files are removed by the next write to the folder.
  /// - After it returns (the only point where `run` reports success), both names and both
  ///   files' bytes are on disk: the document is never durable without its report.
  private func writePair(
    _ bytes: [UInt8], report: [UInt8]?, stagedReport pending: PendingReport?,
    at location: DocumentLocation, reserved: [ReservedFile],
    named flushingFolder: () throws(ArchiveError) -> Void
  ) throws(ArchiveError) {
    let documentPath = absolute(location.path)
    guard let report else {
      try fileSystem.writeNewFile(bytes, at: documentPath, durability: .durableOnceFolderFlushed)
      do {
        try flushingFolder()
      } catch {
        try? fileSystem.removeFile(at: documentPath)
        throw error
      }
      return
    }
    let reportPath = absolute(location.reportPath)
    // Both files' bytes are written (and on their way to the disk) before either is flushed,
    // and both are flushed before either is named: the record first, so that the report's
    // flush, when it is done on the thread ahead, runs meanwhile; flushed here in turn, the
    // report's finds its bytes already going. Then the report is named, then the record, then
    // the folder is flushed once. The files made ahead (`reserved`: unnamed, in this folder)
    // are written into when given; the report may be staged already (`pending`).
    var reserved = reserved[...]
    let reportFile: PendingReport
    if let pending {
      reportFile = pending
    } else {
      reportFile = .staged(
        try fileSystem.stageNewFile(report, at: reportPath, into: reserved.popFirst()))
    }
    let stagedDocument: StagedFile
    do {
      stagedDocument = try fileSystem.flushStagedFile(
        fileSystem.stageNewFile(bytes, at: documentPath, into: reserved.popFirst()))
    } catch {
      reportFile.discard(in: fileSystem)
      throw error
    }
    let stagedReport: StagedFile
    do {
      stagedReport = try reportFile.flushed(in: fileSystem)
    } catch {
      fileSystem.discardStagedFile(stagedDocument)
      throw error
    }
    do {
      try fileSystem.commitStagedFile(stagedReport, durability: .durableOnceFolderFlushed)
    } catch .alreadyExists {
      // Another record's report, or a leftover: only a leftover is replaced.
      do throws(ArchiveError) {
        if try fileSystem.status(at: documentPath) != nil
          || fileSystem.isSymbolicLink(at: documentPath)
        {
          throw ArchiveError.alreadyExists(path: documentPath)
        }
        try fileSystem.refuseSymbolicLink(at: reportPath)
        try fileSystem.removeFile(at: reportPath)
        try fileSystem.writeNewFile(report, at: reportPath, durability: .durableOnceFolderFlushed)
      } catch {
        fileSystem.discardStagedFile(stagedDocument)
        throw error
      }
    } catch {
      fileSystem.discardStagedFile(stagedDocument)
      throw error
    }
    do {
      try fileSystem.commitStagedFile(stagedDocument, durability: .durableOnceFolderFlushed)
    } catch {
      try? fileSystem.removeFile(at: reportPath)
      throw error
    }
    // Then the folder, after both names are made, so that both last.
    do {
      try flushingFolder()
    } catch {
      try? fileSystem.removeFile(at: documentPath)
      try? fileSystem.removeFile(at: reportPath)
      throw error
    }
  }

  /// The status of the folder `directory` (relative), made first if missing.
  func folderStatus(_ directory: String) throws(ArchiveError) -> FileStatus {
    let path = absolute(directory)
    if let status = try? fileSystem.status(at: path), status.kind == .directory { return status }
    try fileSystem.createDirectory(at: path)
    guard let status = try fileSystem.status(at: path) else { throw .notFound(path: path) }
    return status
  }
}

/// An append's report file before it is named: staged on the appending thread, or handed to
/// the thread of a ``PreparedAppend`` to be written and flushed there.
enum PendingReport {
  case staged(StagedFile)
  case ahead(PreparedAppend)

  /// The staged report, flushed: here, or by the thread ahead (waited for).
  ///
  /// - Throws: What writing or flushing it threw; nothing is left of the file then.
  func flushed(in fileSystem: any FileSystem) throws(ArchiveError) -> StagedFile {
    switch self {
    case .staged(let file): try fileSystem.flushStagedFile(file)
    case .ahead(let prepared): try prepared.takeStagedReport()
    }
  }

  /// Drops the report's file (waiting for the thread ahead to be done with it).
  func discard(in fileSystem: any FileSystem) {
    switch self {
    case .staged(let file): fileSystem.discardStagedFile(file)
    case .ahead(let prepared):
      if let file = try? prepared.takeStagedReport() { fileSystem.discardStagedFile(file) }
    }
  }
}
