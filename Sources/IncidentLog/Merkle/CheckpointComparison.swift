/// What ``ArchiveStore/compare(with:)`` found: whether the archive extends a checkpoint, and if
/// not, which documents the checkpoint covered were dropped or changed.
package struct CheckpointComparison: Sendable, Equatable {
  /// The state of the checkpoint's leaf list (`checkpoints/SIZE-ROOTHEX16.leaves`).
  package enum LeafListState: Sendable, Equatable {
    /// Present, and its root is the checkpoint's: changes can be named.
    case authenticated
    /// Not in the archive.
    case missing
    /// Present, but not the checkpoint's leaves (edited, or of another checkpoint).
    case altered
  }

  /// What the RFC 9162 consistency proof showed, when one applies.
  package enum Consistency: Sendable, Equatable {
    /// The checkpoint's documents are the first ones of the archive, and the proof from the old
    /// tree to the new one checks.
    case checked(proofLength: Int)
    /// The archive holds every document of the checkpoint unchanged, but others sort between
    /// them (a git merge interleaves documents by id): it extends the checkpoint as a set; a
    /// consistency proof covers only linear growth.
    case setExtension
  }

  /// The leaf list's state.
  package var leafList: LeafListState
  /// How many documents the archive holds now.
  package var currentSize: Int
  /// The root of the archive's tree now.
  package var currentRoot: [UInt8]
  /// Ids the checkpoint covered that are no longer in the archive.
  package var dropped: [String]
  /// Ids the checkpoint covered whose file's bytes are no longer the same.
  package var changed: [String]
  /// Whether the archive extends the checkpoint.
  package var extends: Bool
  /// How it extends it; nil when it does not.
  package var consistency: Consistency?

  /// Creates a comparison.
  package init(
    leafList: LeafListState, currentSize: Int, currentRoot: [UInt8], dropped: [String] = [],
    changed: [String] = [], extends: Bool, consistency: Consistency?
  ) {
    self.leafList = leafList
    self.currentSize = currentSize
    self.currentRoot = currentRoot
    self.dropped = dropped
    self.changed = changed
    self.extends = extends
    self.consistency = consistency
  }
}
