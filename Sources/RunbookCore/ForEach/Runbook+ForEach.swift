extension Runbook {
  /// The repeated groups over `list`, in order.
  package func groups(over list: String) -> [Section] {
    sections.filter { $0.forEach == list }
  }

  /// The repeated group that asks the question `questionID` (as written), or nil when the
  /// question is not in a repeated group.
  package func group(holding questionID: String) -> Section? {
    guard let section = section(holding: questionID), section.forEach != nil else { return nil }
    return section
  }

  /// The items of the answer to `list` in `values`: a `list` answer's items as written, a
  /// `multi` answer's choices by label (keyed by their ids); none when it is unanswered.
  package func items(of list: String, in values: [String: Value]) -> [RepeatedItem] {
    guard case .list(let entries) = values[list] ?? .unset else { return [] }
    // A multi answer's items are choice ids, already keys; the text shown is the label.
    let keys = RepeatedItem.keys(for: entries)
    var texts = entries
    if let question = question(list), question.type == .multi {
      texts = entries.map { id in question.choices.first { $0.id == id }?.label ?? id }
    }
    return zip(texts, keys).enumerated().map { index, pair in
      RepeatedItem(list: list, text: pair.0, key: pair.1, number: index + 1, count: entries.count)
    }
  }

  /// `values` as seen inside a repeated group (or a `for-each` rule) for `item`: the answers of
  /// every group over the item's list bound to their plain ids, and `item` and `item_key`, and the
  /// item's fields (``itemFields``) as `item.NAME`.
  ///
  /// A plain id the item has no answer for is removed, so one item never sees another's answers.
  package func binding(_ item: RepeatedItem, in values: [String: Value]) -> [String: Value] {
    var bound = values
    for section in groups(over: item.list) {
      for question in section.questions {
        bound[question.id] = values[item.expanded(question.id)]
      }
    }
    bound[RepeatedItem.itemName] = .string(item.text)
    if let fields = itemFields[item.list]?[item.text] {
      for (field, value) in fields { bound[RepeatedItem.itemName + "." + field] = .string(value) }
    }
    bound[RepeatedItem.itemKeyName] = .string(item.key)
    return bound
  }

  /// `question` as asked for `item`: its id expanded, and the item recorded.
  package static func question(_ question: Question, for item: RepeatedItem) -> Question {
    var expanded = question
    expanded.id = item.expanded(question.id)
    var context = item
    context.questionID = question.id
    expanded.item = context
    return expanded
  }
}
