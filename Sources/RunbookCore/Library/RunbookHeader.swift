import YAMLLite

/// What the top of a runbook file says about it, read without loading the rest: `runbook:`
/// (its id), `version:`, `title:`, and whether it has `sections:`.
///
/// Listing runbooks (`triage runbooks`), finding one by id and telling runbooks from scenarios
/// in a folder (`triage test`) all read this one header.
package struct RunbookHeader: Sendable, Equatable {
  /// The `runbook:` id.
  package var id: String
  /// The `version:`, empty when missing.
  package var version: String
  /// The `title:`, empty when missing.
  package var title: String
  /// Whether the document has a top-level `sections:` key.
  package var hasSections: Bool

  package init(id: String, version: String, title: String, hasSections: Bool) {
    self.id = id
    self.version = version
    self.title = title
    self.hasSections = hasSections
  }

  /// The header of a parsed document; nil unless it is a mapping with a scalar `runbook:`.
  package init?(of root: Node) {
    guard case .mapping(let entries) = root.content else { return nil }
    func text(_ key: String) -> String? {
      guard let value = entries.first(where: { $0.key == key })?.value,
        case .scalar(let scalar) = value.content
      else { return nil }
      return scalar.text
    }
    guard let id = text("runbook") else { return nil }
    self.init(
      id: id, version: text("version") ?? "", title: text("title") ?? "",
      hasSections: entries.contains { $0.key == "sections" })
  }

  /// The header of the file `bytes`, named `path` in locations; nil when it does not parse or
  /// has no `runbook:`.
  package init?(of bytes: [UInt8], path: String) {
    guard let root = try? YAMLParser.parse(bytes, file: path) else { return nil }
    self.init(of: root)
  }
}
