import Foundation

extension ArchiveStore {
  /// The folder, under the root, that keeps each checkpoint's leaf list.
  package static let checkpointsDirectoryName = "checkpoints"

  /// The default origin of the archive's checkpoints: `triage/<archive folder name>`.
  package var defaultOrigin: String {
    "triage/" + (root.split(separator: "/").last.map(String.init) ?? "incident-log")
  }

  /// The archive's leaves now, in tree order.
  ///
  /// Every record and amendment file, by id as text, with SHA-256(0x00 || its bytes). Files
  /// that cannot be read are left out (`verify` names them).
  package func leafList() throws(ArchiveError) -> LeafList {
    var leaves: [LeafList.Leaf] = []
    try forEachLocation { (location) throws(ArchiveError) in
      guard let bytes = try? documentBytes(atAbsolutePath: absolute(location.path)) else {
        return
      }
      leaves.append(LeafList.Leaf(id: location.id, hash: MerkleTree.leafHash(bytes)))
    }
    return LeafList(leaves.sorted { $0.id < $1.id })
  }

  /// A checkpoint of the archive now, and keeps its leaf list under `checkpoints/`.
  ///
  /// Under the archive's lock, so that the leaves are those of one moment: no append comes
  /// between the listings of two folders.
  ///
  /// - Throws: ``ArchiveError`` when the archive cannot be read or the list not written.
  package func checkpoint(origin: String) throws -> Checkpoint {
    try withLock { () throws(ArchiveError) in try unlockedCheckpoint(origin: origin) }
  }

  /// ``checkpoint(origin:)`` without taking the lock.
  private func unlockedCheckpoint(origin: String) throws(ArchiveError) -> Checkpoint {
    let leaves = try leafList()
    let checkpoint = Checkpoint(origin: origin, size: leaves.leaves.count, root: leaves.root)
    let folder = absolute(Self.checkpointsDirectoryName)
    try fileSystem.refuseSymbolicLink(at: folder)
    try fileSystem.createDirectory(at: folder)
    let path = folder + "/" + LeafList.fileName(size: checkpoint.size, root: checkpoint.root)
    do {
      try fileSystem.writeNewFile(Array(leaves.text.utf8), at: path)
    } catch .alreadyExists {
      // The same size and root: the same leaves (or an altered list, which compare names).
    }
    return checkpoint
  }

  /// The leaf list kept for `checkpoint`, and whether its root is the checkpoint's.
  package func storedLeafList(
    for checkpoint: Checkpoint
  ) -> (list: LeafList?, state: CheckpointComparison.LeafListState) {
    let path =
      absolute(Self.checkpointsDirectoryName) + "/"
      + LeafList.fileName(size: checkpoint.size, root: checkpoint.root)
    guard let bytes = try? documentBytes(atAbsolutePath: path) else { return (nil, .missing) }
    guard let list = try? LeafList(parsing: String(decoding: bytes, as: UTF8.self)),
      list.leaves.count == checkpoint.size, list.root == checkpoint.root
    else { return (nil, .altered) }
    return (list, .authenticated)
  }

  /// The leaves of `checkpoint`'s tree: its kept list, else the archive's first documents
  /// when their root is the checkpoint's; nil when neither is.
  package func leaves(of checkpoint: Checkpoint) throws(ArchiveError) -> LeafList? {
    if let list = storedLeafList(for: checkpoint).list { return list }
    let current = try leafList()
    let prefix = LeafList(Array(current.leaves.prefix(checkpoint.size)))
    guard prefix.leaves.count == checkpoint.size, prefix.root == checkpoint.root else {
      return nil
    }
    return prefix
  }

  /// Whether the archive extends `checkpoint`, and what changed if not.
  ///
  /// With the checkpoint's leaf list (authenticated by its root), each document it covered
  /// must be present with the same bytes; those that are not are named. Without it, the
  /// archive's first `size` documents must have the checkpoint's root. When the checkpoint's
  /// documents are the first ones, the RFC 9162 consistency proof is built and checked too.
  package func compare(with checkpoint: Checkpoint) throws(ArchiveError) -> CheckpointComparison {
    let current = try leafList()
    let hashes = current.hashes
    let currentRoot = MerkleTree.root(hashes[...])
    let (stored, state) = storedLeafList(for: checkpoint)
    var comparison = CheckpointComparison(
      leafList: state, currentSize: hashes.count, currentRoot: currentRoot, extends: false,
      consistency: nil)
    let isPrefix: Bool
    if let stored {
      var now: [String: [UInt8]] = [:]
      for leaf in current.leaves { now[leaf.id] = leaf.hash }
      for leaf in stored.leaves {
        if let hash = now[leaf.id] {
          if hash != leaf.hash { comparison.changed.append(leaf.id) }
        } else {
          comparison.dropped.append(leaf.id)
        }
      }
      guard comparison.dropped.isEmpty && comparison.changed.isEmpty else { return comparison }
      isPrefix = current.leaves.prefix(checkpoint.size).map(\.id) == stored.leaves.map(\.id)
    } else {
      guard hashes.count >= checkpoint.size,
        MerkleTree.root(hashes.prefix(checkpoint.size)) == checkpoint.root
      else { return comparison }
      isPrefix = true
    }
    comparison.extends = true
    guard isPrefix else {
      comparison.consistency = .setExtension
      return comparison
    }
    let proof = MerkleTree.consistencyProof(oldSize: checkpoint.size, hashes[...])
    guard
      MerkleTree.verifyConsistency(
        oldSize: checkpoint.size, newSize: hashes.count, oldRoot: checkpoint.root,
        newRoot: currentRoot, proof: proof)
    else {
      comparison.extends = false
      return comparison
    }
    comparison.consistency = .checked(proofLength: proof.count)
    return comparison
  }
}
