/// One item of a list answer that a repeated group (`for-each:`) or a `for-each` action or
/// notification runs over: its text, its key, and where it is in the list.
///
/// The key is the text slugged: lower-case ASCII letters and digits, every other run of
/// characters a single `-`, trimmed, at most 48 characters; a key taken by an earlier item gets
/// `-2`, `-3`; an empty one is `item-N` (N the item's number). Expanded ids put the key in
/// brackets: `rotate[deploy-key]`, `used_in_production[deploy-key]`.
package struct RepeatedItem: Sendable, Equatable, Hashable {
  /// The list question the item comes from.
  package var list: String
  /// For a question asked for this item: the question's id as written; empty otherwise.
  package var questionID: String
  /// The text of the item (`{{item}}`): the list item, or a `multi` choice's label.
  package var text: String
  /// The item's key (`{{item_key}}`).
  package var key: String
  /// The item's number in its list, from 1.
  package var number: Int
  /// How many items the list has.
  package var count: Int

  package init(
    list: String, questionID: String = "", text: String, key: String, number: Int, count: Int
  ) {
    self.list = list
    self.questionID = questionID
    self.text = text
    self.key = key
    self.number = number
    self.count = count
  }

  /// The longest key, in characters, before a `-N` suffix.
  package static let maximumKeyLength = 48

  /// The template names a repeated group and a `for-each` rule see besides the answers.
  package static let itemName = "item"
  package static let itemKeyName = "item_key"

  /// The fields an item may carry from the inventory, read as `{{item.NAME}}`: a credential's
  /// (`owner`, `rotate`, `kind`, `where_used`, `last_rotated`, `vendor`) and a client's
  /// (`notice_within`, `notice_to`, `notice_channel`, `notice_clause`), and both's `id`, `name`.
  package static let fieldNames = [
    "id", "name", "kind", "owner", "rotate", "where_used", "last_rotated", "vendor",
    "notice_within", "notice_to", "notice_channel", "notice_clause", "source",
  ]

  /// The field `item.NAME` names, or nil for another name.
  package static func field(of name: String) -> String? {
    guard name.hasPrefix(itemName + ".") else { return nil }
    return String(name.dropFirst(itemName.count + 1))
  }

  /// `id[key]`: the id of `id` for this item.
  package func expanded(_ id: String) -> String { Self.expand(id, key: key) }

  /// `id[key]`.
  package static func expand(_ id: String, key: String) -> String { "\(id)[\(key)]" }

  /// The id and the key of an expanded id (`rotate[deploy-key]` → `rotate`, `deploy-key`), or
  /// nil for an id without a well-formed `[key]`.
  package static func split(_ expandedID: String) -> (id: String, key: String)? {
    guard expandedID.hasSuffix("]"), let open = expandedID.firstIndex(of: "[") else { return nil }
    let id = String(expandedID[..<open])
    let key = String(
      expandedID[expandedID.index(after: open)..<expandedID.index(before: expandedID.endIndex)])
    guard !id.isEmpty, isKey(key) else { return nil }
    return (id, key)
  }

  /// The id as written of `id`, expanded (`rotate[deploy-key]` → `rotate`) or not.
  package static func plainID(_ id: String) -> String {
    split(id)?.id ?? id
  }

  /// Whether `text` has the shape of an item key: lower-case ASCII letters and digits in words
  /// joined by single hyphens.
  package static func isKey(_ text: String) -> Bool {
    IDPattern.kebab.matches(text)
  }

  /// The key of each text, in order, unique among them.
  package static func keys(for texts: [String]) -> [String] {
    var taken: Set<String> = []
    var keys: [String] = []
    for (index, text) in texts.enumerated() {
      var base = slug(text)
      if base.isEmpty { base = "item-\(index + 1)" }
      var key = base
      var suffix = 2
      while taken.contains(key) {
        key = "\(base)-\(suffix)"
        suffix += 1
      }
      taken.insert(key)
      keys.append(key)
    }
    return keys
  }

  /// `text` slugged: lower-case ASCII letters and digits, other runs a single `-`, trimmed, at
  /// most ``maximumKeyLength`` characters.
  package static func slug(_ text: String) -> String {
    var result: [UInt8] = []
    var pendingHyphen = false
    for byte in text.utf8 {
      let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
      let isWordByte = (lowered >= 0x61 && lowered <= 0x7A) || (lowered >= 0x30 && lowered <= 0x39)
      guard isWordByte else {
        pendingHyphen = true
        continue
      }
      let hyphen = pendingHyphen && !result.isEmpty
      if result.count + (hyphen ? 2 : 1) > maximumKeyLength { break }
      if hyphen { result.append(0x2D) }
      pendingHyphen = false
      result.append(lowered)
    }
    while result.last == 0x2D { result.removeLast() }
    return String(decoding: result, as: UTF8.self)
  }
}
