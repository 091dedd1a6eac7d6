import RunbookCore

extension Inventory {
  /// The inventory hash records name: SHA-256, lower-case hex, over ``hashMessage`` (for each
  /// file sorted by relative path, `path NUL bytes NUL`).
  package var sha256: String { SHA256.hexHash(hashMessage) }
}
