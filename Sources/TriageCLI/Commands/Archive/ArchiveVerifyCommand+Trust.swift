import IncidentLog

/// The parts of `archive verify` beyond the hash chain: `--checkpoint FILE` (does the archive
/// extend it?) and the documents' SSH signatures (`--require-signatures`).
struct ArchiveTrustCheck {
  /// Lines to print after the chain's.
  var lines: [String] = []
  /// The same facts for `--json`.
  var json: [String: JSONValue] = [:]
  /// Whether everything checked here passed.
  var isIntact = true

  /// Runs the checks the invocation asks for (signatures whenever the archive has any, or an
  /// `allowed_signers`).
  init(_ invocation: Invocation, _ context: CommandContext, store: ArchiveStore) throws {
    let required = invocation.flag(.requireSignatures)
    if let path = invocation.value(.checkpoint) {
      let checkpoint = try ArchiveCheckpointCommand.read(path, context)
      try checkCheckpoint(checkpoint, store: store, context: context, required: required)
    }
    try checkSignatures(store: store, context: context, required: required)
  }

  /// Compares the archive with `checkpoint`, checks its signature lines, and says what it
  /// found.
  private mutating func checkCheckpoint(
    _ checkpoint: Checkpoint, store: ArchiveStore, context: CommandContext, required: Bool
  ) throws {
    let comparison = try store.compare(with: checkpoint)
    var signature = "unsigned"
    if checkpoint.signatures.isEmpty {
      lines.append("Checkpoint: unsigned (no SSH signature line).")
      if required { isIntact = false }
    }
    for line in checkpoint.signatures {
      let check = context.signatures.verify(
        Array(checkpoint.body.utf8), signature: line.armored,
        allowedSignersPath: store.allowedSignersPath)
      let (words, good) = Self.describe(check)
      signature = words
      let named = check == .signed(principal: line.name) || !good
      lines.append(
        "Checkpoint: \(words)" + (named ? "" : " (the signature line names \(line.name))") + ".")
      if !good || !named { isIntact = false }
    }
    lines.append(
      "Checkpoint \(checkpoint.origin): \(checkpoint.size) documents, root "
        + "\(Hex.string(of: checkpoint.root)); the archive holds \(comparison.currentSize).")
    let origin =
      ArchiveConfig(archive: store.root, fileSystem: context.fileSystem).origin
      ?? store.defaultOrigin
    if origin != checkpoint.origin {
      lines.append(
        "Note: this archive's origin is \(origin), the checkpoint's \(checkpoint.origin) "
          + "(a copy under another folder name, or another log).")
    }
    for id in comparison.dropped { lines.append("dropped: \(id)") }
    for id in comparison.changed { lines.append("changed: \(id)") }
    switch (comparison.extends, comparison.consistency) {
    case (true, .checked?) where comparison.currentSize == checkpoint.size:
      lines.append(
        "The archive extends the checkpoint: it holds the same \(checkpoint.size) documents, "
          + "unchanged.")
    case (true, .checked(let length)?):
      lines.append(
        "The archive extends the checkpoint: its first \(checkpoint.size) documents are the "
          + "checkpoint's; RFC 9162 consistency proof (\(length) hashes) from size "
          + "\(checkpoint.size) to \(comparison.currentSize) checked.")
    case (true, _):
      lines.append(
        "The archive extends the checkpoint as a set: every document it covered is here, "
          + "unchanged, with others sorted between them (a merge); a consistency proof covers "
          + "only linear growth.")
    case (false, _):
      isIntact = false
      if comparison.leafList == .authenticated {
        let count = comparison.dropped.count + comparison.changed.count
        lines.append(
          "The archive does NOT extend the checkpoint: \(count) of its \(checkpoint.size) "
            + "documents dropped or changed.")
      } else {
        lines.append(
          "The archive does NOT extend the checkpoint: its first \(checkpoint.size) documents "
            + "do not have the checkpoint's root, and the leaf list needed to name the change "
            + "(\(ArchiveStore.checkpointsDirectoryName)/"
            + "\(LeafList.fileName(size: checkpoint.size, root: checkpoint.root))) is "
            + "\(comparison.leafList == .missing ? "missing" : "altered").")
      }
    }
    json["checkpoint"] = [
      "origin": .string(checkpoint.origin), "size": .number(Double(checkpoint.size)),
      "extends": .bool(comparison.extends), "signature": .string(signature),
      "dropped": .array(comparison.dropped.map(JSONValue.string)),
      "changed": .array(comparison.changed.map(JSONValue.string)),
    ]
  }

  /// Reports each document's signature, when the archive has signatures or `allowed_signers`
  /// (or they are required).
  private mutating func checkSignatures(
    store: ArchiveStore, context: CommandContext, required: Bool
  ) throws {
    let hasAllowedSigners = (try? context.fileSystem.status(at: store.allowedSignersPath)) != nil
    guard try required || hasAllowedSigners || store.hasSignatureFiles() else { return }
    let tool = context.signatures
    if let reason = tool.unavailableReason {
      lines.append("Signatures not checked: \(reason).")
      if required { isIntact = false }
      json["signatures"] = ["checked": .bool(false), "reason": .string(reason)]
      return
    }
    let found = try store.signatures(with: tool)
    var good = 0
    var unsigned = 0
    var entries: [JSONValue] = []
    var perDocument: [String] = []
    for signature in found {
      let kind = signature.location.kind.rawValue
      let words: String
      switch signature.status {
      case .unsigned:
        unsigned += 1
        words = "unsigned"
      case .checked(let check):
        let (described, isGood) = Self.describe(check)
        words = isGood ? described : "BADLY SIGNED: " + described
        if isGood { good += 1 }
        // A signature that does not match its document: the document changed after it was
        // signed (edited and sealed again, say). Always a failure.
        if case .bad = check { isIntact = false }
      }
      perDocument.append("  \(kind) \(signature.location.id): \(words)")
      entries.append(
        ["id": .string(signature.location.id), "kind": .string(kind), "status": .string(words)])
    }
    let bad = found.count - good - unsigned
    lines.append("Signatures: \(good) signed, \(unsigned) unsigned, \(bad) badly signed.")
    lines += perDocument
    if required && good < found.count {
      isIntact = false
      lines.append("--require-signatures: \(found.count - good) documents are not signed well.")
    }
    json["signatures"] = ["checked": .bool(true), "documents": .array(entries)]
  }

  /// A check in words, and whether it is a good signature by an allowed key.
  static func describe(_ check: SignatureCheck) -> (String, Bool) {
    switch check {
    case .signed(let principal): ("signed by \(principal)", true)
    case .unknownKey(let fingerprint):
      ("signed by key \(fingerprint), which is not in allowed_signers", false)
    case .bad(let reason): ("bad signature (\(reason))", false)
    case .notChecked(let reason): ("signature not checked: \(reason)", false)
    }
  }
}
