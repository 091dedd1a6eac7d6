/// A file kept as evidence: what an `evidence` amendment says about it.
///
/// ```json
/// {"sha256": "9f86d0…", "size": 48213, "name": "vendor-notice.html",
///  "media_type": "text/html", "note": "The vendor's notice as published on 2 April"}
/// ```
///
/// The bytes themselves are kept once under `evidence/sha256/<2 hex>/<64 hex>` in the archive
/// (see ``ArchiveStore/evidencePath(sha256:)``); the amendment's hash covers this description
/// and so, through `sha256`, the file.
package struct EvidenceFile: Sendable, Equatable {
  /// The SHA-256 of the file's bytes, lower-case hex.
  package var sha256: String
  /// The file's size in bytes.
  package var size: Int
  /// The file's base name as attached, neutralised (see ``EvidenceName``).
  package var name: String
  /// The media type guessed from the name's extension (``EvidenceName/mediaType(of:)``).
  package var mediaType: String
  /// What the responder said about it, if anything.
  package var note: String?

  /// Creates a description.
  package init(sha256: String, size: Int, name: String, mediaType: String, note: String?) {
    self.sha256 = sha256
    self.size = size
    self.name = name
    self.mediaType = mediaType
    self.note = note
  }

  /// The largest file kept: 25 MiB (a vendor's notice, a PDF, a log export; not a disk image).
  package static let sizeLimit = 25 << 20

  /// The first 12 hex digits of ``sha256``, as `archive show` prints it.
  package var shortSHA256: String { String(sha256.prefix(12)) }
}
