import YAMLLite

/// One question of a runbook.
///
/// A value whose fields live in one shared, copy-on-write box: a copy (a walk of the runbook
/// hands each question to a closure, a lookup table holds it) retains one object, not each of
/// the seventeen fields.
package struct Question: Sendable, Equatable {
  /// The fields, shared between copies until one of them changes a field.
  private final class Storage: @unchecked Sendable {
    var id: String
    var ask: TemplateText
    var type: QuestionType
    var help: TemplateText?
    var defaultAnswer: String?
    var isRequired: Bool
    var when: Condition?
    var choices: [Choice]
    var exclusiveChoices: [String]
    var min: Double?
    var max: Double?
    var textPattern: TextPattern?
    var location: SourceLocation
    var item: RepeatedItem?
    var defaultLocation: SourceLocation?
    var fact: String?
    var factLocation: SourceLocation?

    init(
      id: String,
      ask: TemplateText,
      type: QuestionType,
      help: TemplateText?,
      defaultAnswer: String?,
      isRequired: Bool,
      when: Condition?,
      choices: [Choice],
      exclusiveChoices: [String],
      min: Double?,
      max: Double?,
      textPattern: TextPattern?,
      location: SourceLocation,
      item: RepeatedItem?,
      defaultLocation: SourceLocation?,
      fact: String?,
      factLocation: SourceLocation?
    ) {
      self.id = id
      self.ask = ask
      self.type = type
      self.help = help
      self.defaultAnswer = defaultAnswer
      self.isRequired = isRequired
      self.when = when
      self.choices = choices
      self.exclusiveChoices = exclusiveChoices
      self.min = min
      self.max = max
      self.textPattern = textPattern
      self.location = location
      self.item = item
      self.defaultLocation = defaultLocation
      self.fact = fact
      self.factLocation = factLocation
    }

    /// A copy of every field, for a question about to change one while another shares them.
    func copy() -> Storage {
      Storage(
        id: id,
        ask: ask,
        type: type,
        help: help,
        defaultAnswer: defaultAnswer,
        isRequired: isRequired,
        when: when,
        choices: choices,
        exclusiveChoices: exclusiveChoices,
        min: min,
        max: max,
        textPattern: textPattern,
        location: location,
        item: item,
        defaultLocation: defaultLocation,
        fact: fact,
        factLocation: factLocation)
    }
  }

  private var storage: Storage

  /// The fields as written; those not given are empty.
  package init(
    id: String,
    ask: TemplateText,
    type: QuestionType,
    help: TemplateText?,
    defaultAnswer: String?,
    isRequired: Bool,
    when: Condition?,
    choices: [Choice],
    exclusiveChoices: [String] = [],
    min: Double?,
    max: Double?,
    textPattern: TextPattern?,
    location: SourceLocation,
    item: RepeatedItem? = nil,
    defaultLocation: SourceLocation? = nil,
    fact: String? = nil,
    factLocation: SourceLocation? = nil
  ) {
    storage = Storage(
      id: id,
      ask: ask,
      type: type,
      help: help,
      defaultAnswer: defaultAnswer,
      isRequired: isRequired,
      when: when,
      choices: choices,
      exclusiveChoices: exclusiveChoices,
      min: min,
      max: max,
      textPattern: textPattern,
      location: location,
      item: item,
      defaultLocation: defaultLocation,
      fact: fact,
      factLocation: factLocation)
  }

  /// The box to change a field in: this question's own (copied first when shared).
  private mutating func unique() -> Storage {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage
  }

  /// The id: lower-case snake case, the name used in expressions and answers files.
  package var id: String {
    get { storage.id }
    set { unique().id = newValue }
  }
  package var ask: TemplateText {
    get { storage.ask }
    set { unique().ask = newValue }
  }
  package var type: QuestionType {
    get { storage.type }
    set { unique().type = newValue }
  }
  package var help: TemplateText? {
    get { storage.help }
    set { unique().help = newValue }
  }
  /// The default, written as the answer would be (`yes`, `api-keys`, `now`).
  package var defaultAnswer: String? {
    get { storage.defaultAnswer }
    set { unique().defaultAnswer = newValue }
  }
  package var isRequired: Bool {
    get { storage.isRequired }
    set { unique().isRequired = newValue }
  }
  package var when: Condition? {
    get { storage.when }
    set { unique().when = newValue }
  }
  package var choices: [Choice] {
    get { storage.choices }
    set { unique().choices = newValue }
  }
  /// The choices of a `multi` question that stand alone (`none`, `unknown`).
  ///
  /// An answer holding one of them holds nothing else. Declared with `exclusive: [none, unknown]`.
  package var exclusiveChoices: [String] {
    get { storage.exclusiveChoices }
    set { unique().exclusiveChoices = newValue }
  }
  /// Bounds a number, or the count of items of a `multi` or `list`.
  package var min: Double? {
    get { storage.min }
    set { unique().min = newValue }
  }
  package var max: Double? {
    get { storage.max }
    set { unique().max = newValue }
  }
  /// The regular expression a `text` (or `list` item) answer must match in full.
  package var textPattern: TextPattern? {
    get { storage.textPattern }
    set { unique().textPattern = newValue }
  }
  package var location: SourceLocation {
    get { storage.location }
    set { unique().location = newValue }
  }
  /// The item a question of a repeated group is asked for; nil for a question as written.
  ///
  /// `id` is then the expanded id (`used_in_production[deploy-key]`).
  package var item: RepeatedItem? {
    get { storage.item }
    set { unique().item = newValue }
  }
  /// Where the `default` value is written, when there is one (for lint rules about it).
  package var defaultLocation: SourceLocation? {
    get { storage.defaultLocation }
    set { unique().defaultLocation = newValue }
  }
  /// The fact of the obligations vocabulary this question answers (`fact:`), and where it is
  /// written.
  package var fact: String? {
    get { storage.fact }
    set { unique().fact = newValue }
  }
  package var factLocation: SourceLocation? {
    get { storage.factLocation }
    set { unique().factLocation = newValue }
  }

  /// The id as written in the runbook: `id` without the item key.
  package var plainID: String { item?.questionID ?? id }

  /// The `pattern` as written.
  package var pattern: String? { textPattern?.source }

  /// The choice ids, in order.
  package var choiceIDs: [String] { choices.map(\.id) }

  package static func == (lhs: Question, rhs: Question) -> Bool {
    if lhs.storage === rhs.storage { return true }
    let (left, right) = (lhs.storage, rhs.storage)
    return left.id == right.id
      && left.ask == right.ask
      && left.type == right.type
      && left.help == right.help
      && left.defaultAnswer == right.defaultAnswer
      && left.isRequired == right.isRequired
      && left.when == right.when
      && left.choices == right.choices
      && left.exclusiveChoices == right.exclusiveChoices
      && left.min == right.min
      && left.max == right.max
      && left.textPattern == right.textPattern
      && left.location == right.location
      && left.item == right.item
      && left.defaultLocation == right.defaultLocation
      && left.fact == right.fact
      && left.factLocation == right.factLocation
  }
}

/// The kinds of question.
package enum QuestionType: String, Sendable, Equatable, CaseIterable {
  case yesno, choice, multi, text, number, date, datetime, list, note

  /// The type of the answer's value in expressions.
  package var valueType: ValueType {
    switch self {
    case .yesno: return .boolean
    case .choice, .text, .note: return .string
    case .multi, .list: return .list
    case .number: return .number
    case .date, .datetime: return .time
    }
  }

  /// Whether the question asks for something (a `note` only shows text).
  package var asksForAnswer: Bool { self != .note }
}

/// One option of a `choice` or `multi` question.
package struct Choice: Sendable, Equatable {
  package var id: String
  package var label: String

  package init(id: String, label: String) {
    self.id = id
    self.label = label
  }
}
