/// What a name in a folder below `records/` or `amendments/` is to the archive, from the name
/// alone: the one rule that ``ArchiveStore/walk(_:_:)`` and the heads cache share.
enum FolderEntry: Equatable {
  /// A hidden name (a temporary file, `.DS_Store`): never part of the archive.
  case hidden
  /// `<id>.json`: a document.
  case document(id: String)
  /// `<id>.md`: a record's Markdown report, a rendering of its JSON, not a document.
  case report
  /// Anything else: a subfolder, or a stray file.
  case other

  /// The kind of entry `name` is.
  init(name: String) {
    if name.hasPrefix(".") {
      self = .hidden
    } else if name.hasSuffix(".json") {
      self = .document(id: String(name.dropLast(5)))
    } else if name.hasSuffix(".md") {
      self = .report
    } else {
      self = .other
    }
  }
}
