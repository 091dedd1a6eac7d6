/// What a name in a folder below `records/` or `amendments/` is to the archive, from the name
/// alone: the one rule that ``ArchiveStore/walk(_:_:)`` and the heads cache share.
enum FolderEntry: Equatable {
  /// A hidden name (a temporary file, `.DS_Store`): never part of the archive.
  case hidden
  /// `<id>.json`: a document.
  case document(id: String)
  /// `<id>.md`: a record's Markdown report, a rendering of its JSON, not a document.
  case report
  /// `<id>.json.sig`: a document's SSH signature, checked by `archive verify`'s signature pass.
  case signature
  /// Anything else: a subfolder, or a stray file.
  case other

  /// The kind of entry `name` is.
  init(name: String) {
    switch Kind(name: name) {
    case .hidden: self = .hidden
    case .document: self = .document(id: String(name.dropLast(5)))
    case .report: self = .report
    case .signature: self = .signature
    case .other: self = .other
    }
  }

  /// What a name is, without the document's id.
  ///
  /// For code that looks at every name of a large folder. Read from the name's UTF-8 bytes (`hasPrefix`/`hasSuffix` compare Unicode text,
  /// which costs far more per name).
  enum Kind: Equatable {
    case hidden, document, report, signature, other

    init(name: String) {
      var name = name
      self = name.withUTF8 { Kind(utf8: $0) }
    }

    /// What the name whose UTF-8 bytes are `bytes` is.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
      let count = bytes.count
      if bytes.first == UInt8(ascii: ".") {
        self = .hidden
      } else if count > 5, bytes[count - 1] == UInt8(ascii: "n"),
        bytes[count - 2] == UInt8(ascii: "o"),
        bytes[count - 3] == UInt8(ascii: "s"), bytes[count - 4] == UInt8(ascii: "j"),
        bytes[count - 5] == UInt8(ascii: ".")
      {
        // Nearly every name: tested byte by byte, not through `elementsEqual`.
        self = .document
      } else if count > 3, bytes[count - 1] == UInt8(ascii: "d"),
        bytes[count - 2] == UInt8(ascii: "m"), bytes[count - 3] == UInt8(ascii: ".")
      {
        // The other half of a records folder's names: byte by byte too.
        self = .report
      } else if bytes.count > 9, bytes[(bytes.count - 9)...].elementsEqual(".json.sig".utf8) {
        self = .signature
      } else {
        self = .other
      }
    }
  }
}
