import YAMLLite

extension InventoryReader {
  /// The keys of a client and of the organisation.
  static let clientKeys = ["id", "name", "vendors", "notice", "notes"]
  static let organisationKeys = ["name", "facts", "responders"]

  /// Reads a client item.
  mutating func readClient(_ node: Node) -> InventoryClient? {
    guard
      let map = mapping(node, as: "client", known: Self.clientKeys, required: ["id", "name"])
    else { return nil }
    let id = id(map, what: "client id")
    let name = text(map, "name")
    let notice = map.value("notice").flatMap { readNotice($0, as: "notice") }
    guard let id, let name else { return nil }
    return InventoryClient(
      id: id, name: name, vendors: texts(map, "vendors"), notice: notice,
      source: InventorySource(node.location))
  }

  /// Reads `organisation: {name, facts, responders}`; facts are checked against the vocabulary.
  mutating func readOrganisation(_ node: Node) -> InventoryOrganisation? {
    guard
      let map = mapping(
        node, as: "organisation", known: Self.organisationKeys, required: ["name"])
    else { return nil }
    let name = text(map, "name")
    var facts: [InventoryOrganisation.FactAnswer] = []
    if let factsNode = map.value("facts") {
      if case .mapping(let entries) = factsNode.content {
        for entry in entries {
          if let answer = readFactAnswer(entry) { facts.append(answer) }
        }
      } else {
        error(
          RunbookProblem.expectedMapping(what: "facts", found: factsNode.shape),
          at: factsNode.location)
      }
    }
    guard let name else { return nil }
    return InventoryOrganisation(
      name: name, facts: facts, responders: texts(map, "responders"),
      source: InventorySource(node.location))
  }

  /// Reads one `fact: answer` of the organisation, checked against the vocabulary's fact.
  mutating func readFactAnswer(_ entry: MappingEntry) -> InventoryOrganisation.FactAnswer? {
    var text: String?
    var items: [(text: String, node: Node)] = []
    switch entry.value.content {
    case .scalar(let scalar): text = scalar.text
    case .sequence(let nodes):
      for node in nodes {
        guard case .scalar(let scalar) = node.content else {
          error(RunbookProblem.listItemNotText(key: entry.key), at: node.location)
          continue
        }
        items.append((scalar.text, node))
      }
    case .mapping:
      error(
        RunbookProblem.expectedText(key: entry.key, in: "facts", found: .mapping),
        at: entry.value.location)
      return nil
    }
    let answer = InventoryOrganisation.FactAnswer(
      name: entry.key, text: text, items: items.map(\.text),
      source: InventorySource(entry.keyLocation))
    guard let vocabulary else { return answer }
    guard let fact = vocabulary.fact(entry.key) else {
      let problem = InventoryProblem.unknownFact(
        entry.key, suggestion: Suggestion.nearest(to: entry.key, in: vocabulary.names))
      error(problem, at: entry.keyLocation)
      return nil
    }
    checkAnswer(answer, items: items, node: entry.value, of: fact)
    return answer
  }

  /// Checks an organisation fact's answer against its type and choices.
  private mutating func checkAnswer(
    _ answer: InventoryOrganisation.FactAnswer, items: [(text: String, node: Node)], node: Node,
    of fact: Fact
  ) {
    let location = node.location(ofTextOffset: 0)
    switch fact.type {
    case .multi, .choice:
      if fact.type == .choice, answer.text == nil {
        error(InventoryProblem.factShape(fact: fact.name, expected: "one value"), at: location)
        return
      }
      let values = answer.text.map { [($0, node)] } ?? items
      checkChoices(values, ofFacts: [fact.name], label: fact.name)
    case .number, .yesno:
      if answer.value(as: fact.type) == .unset {
        let expected = fact.type == .number ? "a number" : "yes or no"
        error(InventoryProblem.factShape(fact: fact.name, expected: expected), at: location)
      }
    case .residents:
      for (text, item) in items {
        do {
          _ = try ResidentCounts.entry(text)
        } catch {
          self.error(
            InventoryProblem.badResidents(error.message),
            at: item.location(ofTextOffset: error.offset))
        }
      }
    case .datetime:
      error(
        InventoryProblem.factShape(
          fact: fact.name, expected: "a time, which an inventory does not hold"),
        at: location)
    case .text, .list:
      break
    }
  }
}
