/// Where an answer came from, as the trail records it: the inventory (its file, line and hash),
/// a package scan, or the responder who replaced an inventory answer.
///
/// ```json
/// {"kind": "inventory", "file": "inventory/vendors/github.yaml", "line": 12,
///  "inventory_sha256": "…"}
/// ```
package struct AnswerSource: Sendable, Equatable {
  /// Who or what gave the answer.
  package enum Kind: String, Sendable, Equatable {
    case inventory
    case responder
    /// A package scan (`triage run --scan-result FILE`, or `--package --scan` inline).
    case scan
  }

  package var kind: Kind
  /// For the inventory: the file, as the inventory folder was named, and the line.
  package var file: String?
  package var line: Int?
  /// For the inventory: its hash (`Inventory.sha256`).
  package var inventorySHA256: String?

  package init(
    kind: Kind, file: String? = nil, line: Int? = nil, inventorySHA256: String? = nil
  ) {
    self.kind = kind
    self.file = file
    self.line = line
    self.inventorySHA256 = inventorySHA256
  }

  /// `from inventory, vendors/github.yaml:12` or `from package scan, FILE`, as the review shows
  /// it; nil for the responder.
  package var reviewNote: String? {
    guard let file else { return nil }
    switch kind {
    case .inventory: return "from inventory, \(file):\(line ?? 1)"
    case .scan: return "from package scan, \(file)"
    case .responder: return nil
    }
  }
}
