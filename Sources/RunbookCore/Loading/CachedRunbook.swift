import YAMLLite

/// A runbook as `run` loads it (read, checked, before its obligations library is attached),
/// with the SHA-256 of the bytes it was read from, for the compiled cache: a run of an
/// unchanged runbook skips YAML, the tree reader, the checks and hashing the file.
///
/// Only a runbook that loaded without any diagnostic is stored; lint never reads the cache.
package struct CachedRunbook: Sendable, Equatable {
  /// The runbook, `file` being the path it was loaded from, as given.
  package var runbook: Runbook
  /// The SHA-256 (hex) of the runbook's bytes, which a record names.
  package var sha256: String
  /// The library this runbook was last attached to without a problem; nil when none was.
  package var checkedAttachment: CheckedAttachment?

  package init(runbook: Runbook, sha256: String, checkedAttachment: CheckedAttachment? = nil) {
    self.runbook = runbook
    self.sha256 = sha256
    self.checkedAttachment = checkedAttachment
  }

  /// Whether `runbook` can be stored: nothing attached or added after loading.
  package static func canStore(_ runbook: Runbook) -> Bool {
    runbook.obligationLibrary == nil && runbook.itemFields.isEmpty
  }
}

extension CachedRunbook: CacheableDocument {
  package static let cacheKind = "runbook"
  /// Bump when `Runbook` or any type it holds changes shape (6: a repeated condition names its
  /// tree's number).
  package static let cacheFormat = 6

  package func encode(into writer: inout BinaryWriter) {
    let coder = CacheCoder(file: runbook.file)
    writer.write(runbook.file)
    writer.write(sha256)
    coder.write(runbook, into: &writer)
    writer.write(checkedAttachment) { writer, checked in
      writer.write(checked.vocabulary)
      writer.write(checked.fileIDs)
    }
  }

  package init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let file = try reader.readString()
    let sha256 = try reader.readString()
    let coder = CacheCoder(file: file)
    let runbook = try coder.readRunbook(&reader, file: file)
    let checked = try reader.readOptional { reader throws(BinaryReadError) in
      let key = try reader.readCacheKey()
      return CheckedAttachment(vocabulary: key, fileIDs: try reader.readStrings())
    }
    self.init(runbook: runbook, sha256: sha256, checkedAttachment: checked)
  }
}

/// The library a cached runbook last passed its library checks against.
///
/// The checks on `run` are its facts against the vocabulary, its `obligations:` globs against
/// the file ids and its `ID.sent` anchors against the duties; what they depend on is the
/// version of the vocabulary file and the library's file ids. A cached runbook
/// attached to a library of the same vocabulary version and file ids passes them again, so a
/// warm run skips them; any change to either (or to the runbook, whose entry is then made anew)
/// checks again.
package struct CheckedAttachment: Sendable, Equatable {
  /// The vocabulary file's path and version (`facts.yaml`).
  package var vocabulary: CacheKey
  /// The ids of the library's files the runbook's selection names, in order.
  package var fileIDs: [String]

  package init(vocabulary: CacheKey, fileIDs: [String]) {
    self.vocabulary = vocabulary
    self.fileIDs = fileIDs
  }
}

extension CacheCoder {
  // MARK: Writing a runbook

  func write(_ runbook: Runbook, into writer: inout BinaryWriter) {
    writer.write(runbook.id)
    writer.write(runbook.title)
    writer.write(runbook.version)
    writer.write(runbook.summary) { $0.write($1) }
    writer.write(runbook.appliesTo)
    writer.write(runbook.references) { writer, reference in
      writer.write(reference.title)
      writer.write(reference.url)
    }
    writer.write(runbook.sections) { write($1, into: &$0) }
    writer.write(runbook.holidays) { $0.write($1) }
    writer.write(TLP.allCases.firstIndex(of: runbook.tlp) ?? 0)
    writer.write(runbook.derivations) { writer, derivation in
      writer.write(derivation.name)
      write(derivation.expression, into: &writer)
      write(derivation.location, into: &writer)
    }
    writer.write(runbook.severityRules) { writer, rule in
      writer.write(SeverityLevel.allCases.firstIndex(of: rule.level) ?? 0)
      writer.write(rule.when) { write($1, into: &$0) }
      write(rule.location, into: &writer)
    }
    writer.write(runbook.decisionRules) { writer, rule in
      write(rule.say, into: &writer)
      writer.write(rule.when) { write($1, into: &$0) }
      write(rule.location, into: &writer)
    }
    writer.write(runbook.threatModelRules) { writer, rule in
      writer.write(rule.changed)
      write(rule.because, into: &writer)
      writer.write(rule.when) { write($1, into: &$0) }
      write(rule.location, into: &writer)
    }
    writer.write(runbook.actions) { write($1, into: &$0) }
    writer.write(runbook.notifications) { write($1, into: &$0) }
    writer.write(runbook.obligations) { writer, selection in
      switch selection {
      case .library: writer.write(byte: 0)
      case .globs(let globs):
        writer.write(byte: 1)
        writer.write(globs)
      }
    }
    writer.write(runbook.obligationsLocation) { write($1, into: &$0) }
  }

  func write(_ section: Section, into writer: inout BinaryWriter) {
    writer.write(section.id)
    write(section.title, into: &writer)
    writer.write(section.when) { write($1, into: &$0) }
    writer.write(section.intro) { write($1, into: &$0) }
    writer.write(section.questions) { write($1, into: &$0) }
    write(section.location, into: &writer)
    writer.write(section.forEach) { $0.write($1) }
    writer.write(section.forEachLocation) { write($1, into: &$0) }
  }

  func write(_ question: Question, into writer: inout BinaryWriter) {
    writer.write(question.id)
    write(question.ask, into: &writer)
    writer.write(QuestionType.allCases.firstIndex(of: question.type) ?? 0)
    writer.write(question.help) { write($1, into: &$0) }
    writer.write(question.defaultAnswer) { $0.write($1) }
    writer.write(question.isRequired)
    writer.write(question.when) { write($1, into: &$0) }
    writer.write(question.choices) { writer, choice in
      writer.write(choice.id)
      writer.write(choice.label)
    }
    writer.write(question.exclusiveChoices)
    writer.write(question.min) { $0.write($1) }
    writer.write(question.max) { $0.write($1) }
    writer.write(question.textPattern?.source) { $0.write($1) }
    write(question.location, into: &writer)
    writer.write(question.item) { writer, item in
      writer.write(item.list)
      writer.write(item.questionID)
      writer.write(item.text)
      writer.write(item.key)
      writer.write(item.number)
      writer.write(item.count)
    }
    writer.write(question.defaultLocation) { write($1, into: &$0) }
    writer.write(question.fact) { $0.write($1) }
    writer.write(question.factLocation) { write($1, into: &$0) }
  }

  func write(_ action: ActionRule, into writer: inout BinaryWriter) {
    writer.write(action.id)
    writer.write(ActionKind.allCases.firstIndex(of: action.kind) ?? 0)
    write(action.title, into: &writer)
    writer.write(action.when) { write($1, into: &$0) }
    writer.write(action.owner) { $0.write($1) }
    writer.write(action.due) { write($1, into: &$0) }
    writer.write(action.defaultDue) { write($1, into: &$0) }
    writer.write(action.details) { write($1, into: &$0) }
    writer.write(action.approver) { $0.write($1) }
    write(reasons: action.notRequired, into: &writer)
    write(reasons: action.undetermined, into: &writer)
    write(action.location, into: &writer)
    writer.write(action.forEach) { $0.write($1) }
    writer.write(action.forEachLocation) { write($1, into: &$0) }
  }

  // MARK: Reading a runbook

  func readRunbook(_ reader: inout BinaryReader, file: String) throws(BinaryReadError) -> Runbook {
    let id = try reader.readString()
    let title = try reader.readString()
    let version = try reader.readString()
    let summary = try readString(&reader)
    let appliesTo = try reader.readStrings()
    let references = try reader.readArray { reader throws(BinaryReadError) in
      Reference(title: try reader.readString(), url: try reader.readString())
    }
    let sections = try reader.readArray { reader throws(BinaryReadError) in
      try readSection(&reader)
    }
    let holidays = try readString(&reader)
    let tlp = try readCase(TLP.self, &reader)
    let derivations = try reader.readArray { reader throws(BinaryReadError) in
      let name = try reader.readString()
      return Derivation(
        name: name, expression: try readCondition(&reader), location: try readLocation(&reader))
    }
    let severityRules = try reader.readArray { reader throws(BinaryReadError) in
      let level = try readCase(SeverityLevel.self, &reader)
      let when = try readOptionalCondition(&reader)
      return SeverityRule(level: level, when: when, location: try readLocation(&reader))
    }
    let decisionRules = try reader.readArray { reader throws(BinaryReadError) in
      let say = try readTemplateText(&reader)
      let when = try readOptionalCondition(&reader)
      return DecisionRule(say: say, when: when, location: try readLocation(&reader))
    }
    let threatModelRules = try reader.readArray { reader throws(BinaryReadError) in
      let changed = try reader.readBool()
      let because = try readTemplateText(&reader)
      let when = try readOptionalCondition(&reader)
      return ThreatModelRule(
        changed: changed, because: because, when: when, location: try readLocation(&reader))
    }
    let actions = try reader.readArray { reader throws(BinaryReadError) in
      try readAction(&reader)
    }
    let notifications = try reader.readArray { reader throws(BinaryReadError) in
      try readRule(&reader)
    }
    let obligations = try reader.readOptional {
      reader throws(BinaryReadError) -> ObligationSelection in
      switch try reader.readByte() {
      case 0: return .library
      case 1: return .globs(try reader.readStrings())
      default: throw BinaryReadError()
      }
    }
    let obligationsLocation = try readOptionalLocation(&reader)
    return Runbook(
      id: id, title: title, version: version, summary: summary, appliesTo: appliesTo,
      references: references, sections: sections, holidays: holidays, tlp: tlp,
      derivations: derivations, severityRules: severityRules, decisionRules: decisionRules,
      threatModelRules: threatModelRules, actions: actions, notifications: notifications,
      file: file, obligations: obligations, obligationsLocation: obligationsLocation)
  }

  func readOptionalCondition(_ reader: inout BinaryReader) throws(BinaryReadError) -> Condition? {
    try reader.readOptional { reader throws(BinaryReadError) in try readCondition(&reader) }
  }

  func readOptionalText(_ reader: inout BinaryReader) throws(BinaryReadError) -> TemplateText? {
    try reader.readOptional { reader throws(BinaryReadError) in try readTemplateText(&reader) }
  }

  func readOptionalLocation(
    _ reader: inout BinaryReader
  ) throws(BinaryReadError) -> SourceLocation? {
    try reader.readOptional { reader throws(BinaryReadError) in try readLocation(&reader) }
  }

  func readSection(_ reader: inout BinaryReader) throws(BinaryReadError) -> Section {
    let id = try reader.readString()
    let title = try readTemplateText(&reader)
    let when = try readOptionalCondition(&reader)
    let intro = try readOptionalText(&reader)
    let questions = try reader.readArray { reader throws(BinaryReadError) in
      try readQuestion(&reader)
    }
    let location = try readLocation(&reader)
    let forEach = try readString(&reader)
    return Section(
      id: id, title: title, when: when, intro: intro, questions: questions, location: location,
      forEach: forEach, forEachLocation: try readOptionalLocation(&reader))
  }

  func readQuestion(_ reader: inout BinaryReader) throws(BinaryReadError) -> Question {
    let id = try reader.readString()
    let ask = try readTemplateText(&reader)
    let type = try readCase(in: CachedCases.questionTypes, &reader)
    let help = try readOptionalText(&reader)
    let defaultAnswer = try readString(&reader)
    let isRequired = try reader.readBool()
    let when = try readOptionalCondition(&reader)
    let choices = try reader.readArray { reader throws(BinaryReadError) in
      Choice(id: try reader.readString(), label: try reader.readString())
    }
    let exclusiveChoices = try reader.readStrings()
    let min = try reader.readOptional { reader throws(BinaryReadError) in
      try reader.readDouble()
    }
    let max = try reader.readOptional { reader throws(BinaryReadError) in
      try reader.readDouble()
    }
    let textPattern = try readString(&reader).map { source throws(BinaryReadError) in
      do { return try TextPattern(source) } catch { throw BinaryReadError() }
    }
    let location = try readLocation(&reader)
    let item = try reader.readOptional { reader throws(BinaryReadError) in
      RepeatedItem(
        list: try reader.readString(), questionID: try reader.readString(),
        text: try reader.readString(), key: try reader.readString(),
        number: try reader.readInt(), count: try reader.readInt())
    }
    let defaultLocation = try readOptionalLocation(&reader)
    let fact = try readString(&reader)
    return Question(
      id: id, ask: ask, type: type, help: help, defaultAnswer: defaultAnswer,
      isRequired: isRequired, when: when, choices: choices, exclusiveChoices: exclusiveChoices,
      min: min, max: max, textPattern: textPattern, location: location, item: item,
      defaultLocation: defaultLocation, fact: fact,
      factLocation: try readOptionalLocation(&reader))
  }

  func readAction(_ reader: inout BinaryReader) throws(BinaryReadError) -> ActionRule {
    let id = try reader.readString()
    let kind = try readCase(in: CachedCases.actionKinds, &reader)
    let title = try readTemplateText(&reader)
    let when = try readOptionalCondition(&reader)
    let owner = try readString(&reader)
    let due = try reader.readOptional { reader throws(BinaryReadError) in try readDue(&reader) }
    let defaultDue = try reader.readOptional { reader throws(BinaryReadError) in
      try readDue(&reader)
    }
    let details = try readOptionalText(&reader)
    let approver = try readString(&reader)
    let notRequired = try readReasons(&reader)
    let undetermined = try readReasons(&reader)
    let location = try readLocation(&reader)
    let forEach = try readString(&reader)
    return ActionRule(
      id: id, kind: kind, title: title, when: when, owner: owner, due: due,
      defaultDue: defaultDue, details: details,
      approver: approver, notRequired: notRequired, undetermined: undetermined,
      location: location, forEach: forEach, forEachLocation: try readOptionalLocation(&reader))
  }
}
