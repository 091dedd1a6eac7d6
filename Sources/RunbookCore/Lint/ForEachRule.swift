import YAMLLite

/// A `for-each` names an earlier `list` or `multi` question that is not itself in a repeated
/// group; an action's or notification's `for-each` names any such question.
///
/// Where the group's questions may be named is checked by `ScopeRule`.
enum ForEachRule {
  static func check(_ runbook: Runbook) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let ids = runbook.questions.map(\.id)
    func check(_ name: String?, at location: SourceLocation?, before sectionIndex: Int?) {
      guard let name, let location else { return }
      guard
        let holder = runbook.sections.firstIndex(where: { section in
          section.questions.contains { $0.id == name }
        }), let question = runbook.question(name)
      else {
        let problem = ForEachProblem.unknownList(
          name, suggestion: Suggestion.nearest(to: name, in: ids))
        diagnostics.append(.init(.error, problem, at: location))
        return
      }
      let section = runbook.sections[holder]
      if let sectionIndex, holder >= sectionIndex {
        let problem = ForEachProblem.listNotEarlier(name, section: section.id)
        diagnostics.append(.init(.error, problem, at: location))
      } else if section.forEach != nil {
        diagnostics.append(
          .init(.error, ForEachProblem.nested(name, group: section.id), at: location))
      } else if question.type != .list && question.type != .multi {
        let problem = ForEachProblem.notAList(name, type: question.type)
        diagnostics.append(.init(.error, problem, at: location))
      }
    }
    for (index, section) in runbook.sections.enumerated() {
      check(section.forEach, at: section.forEachLocation, before: index)
    }
    let groups = groupsByQuestion(runbook)
    let repeats =
      runbook.sections.contains { $0.forEach != nil }
      || runbook.actions.contains { $0.forEach != nil }
      || runbook.notifications.contains { $0.forEach != nil }
    let reserved = [RepeatedItem.itemName, RepeatedItem.itemKeyName]
    if repeats {
      for question in runbook.questions where reserved.contains(question.id) {
        let problem = ForEachProblem.reservedName(question.id)
        diagnostics.append(.init(.error, problem, at: question.location))
      }
      for derivation in runbook.derivations where reserved.contains(derivation.name) {
        let problem = ForEachProblem.reservedName(derivation.name)
        diagnostics.append(.init(.error, problem, at: derivation.location))
      }
    }
    for rule in runbook.actions {
      check(rule.forEach, at: rule.forEachLocation, before: nil)
      diagnostics += dueAnchors(rule.due, list: rule.forEach, groups: groups)
      diagnostics += dueAnchors(rule.defaultDue, list: rule.forEach, groups: groups)
    }
    for rule in runbook.notifications {
      check(rule.forEach, at: rule.forEachLocation, before: nil)
      diagnostics += dueAnchors(rule.due, list: rule.forEach, groups: groups)
      diagnostics += dueAnchors(rule.defaultDue, list: rule.forEach, groups: groups)
    }
    return diagnostics
  }

  /// A due time counting from a repeated group's answer is only known per item: only a
  /// `for-each` rule over the group's list can use it.
  ///
  /// The names are found in the due text as written (words of letters, digits and `_`), so
  /// every anchor of any due form is checked.
  private static func dueAnchors(
    _ due: DueTime?, list: String?, groups: [String: Section]
  ) -> [Diagnostic] {
    guard let due, !groups.isEmpty else { return [] }
    var names: [(name: String, offset: Int)] = []
    var word = ""
    for (offset, character) in due.source.enumerated() {
      if character.isASCII, character.isLetter || character.isNumber || character == "_" {
        word.append(character)
        continue
      }
      if !word.isEmpty { names.append((word, offset - word.count)) }
      word = ""
    }
    if !word.isEmpty { names.append((word, due.source.count - word.count)) }
    return outsideGroup(names, list: list, groups: groups, origin: due.origin)
  }

  /// The repeated group of each question asked in one, by question id: what `ScopeRule` needs
  /// to refuse a group's question named outside it.
  static func groupsByQuestion(_ runbook: Runbook) -> [String: Section] {
    var groups: [String: Section] = [:]
    for section in runbook.sections where section.forEach != nil {
      for question in section.questions { groups[question.id] = section }
    }
    return groups
  }

  /// The problems of names in an expression or template written where the items of `list` are
  /// in scope (nil: outside every group): each names a group question over another list.
  static func outsideGroup(
    _ names: [(name: String, offset: Int)], list: String?, groups: [String: Section],
    origin: TextOrigin
  ) -> [Diagnostic] {
    names.compactMap { name, offset in
      guard let group = groups[name], let groupList = group.forEach, groupList != list
      else { return nil }
      let problem = ForEachProblem.outsideGroup(name, group: group.id, list: groupList)
      return Diagnostic(.error, problem, at: origin.location(at: offset))
    }
  }
}
