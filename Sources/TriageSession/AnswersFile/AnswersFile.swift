import Foundation
import RunbookCore
import YAMLLite

/// An answers file: the answers to a runbook's questions given up front, in YAMLLite or JSON.
///
/// ```yaml
/// runbook: ai-tool-source-leak   # optional; when present it must match
/// responder: Dana Ortiz          # optional
/// answers:
///   our_data_exposed: no
///   exposure: [source-code]
///   each-credential:             # a repeated group: answers per item, by item text or key
///     deploy key: { credential_kind: ssh, used_in_production: yes }
/// ```
package struct AnswersFile: Sendable, Equatable {
  /// One answer as written, with where it was written.
  package struct Entry: Sendable, Equatable {
    package var questionID: String
    package var input: AnswerInput
    package var keyLocation: SourceLocation
    package var valueLocation: SourceLocation
    /// Where each item of a list answer starts, in order; empty for a scalar answer.
    package var itemLocations: [SourceLocation] = []
    /// For an answer given for one item of a repeated group, the group and the item.
    package var group: GroupReference?
    /// Whether the entry is written under `facts:`: `questionID` is then a fact name, answered
    /// by the question that declares it (`fact:`).
    package var isFact = false
  }

  /// Where an answer for one item of a repeated group was written: under the group's section
  /// id, under the item's text or key.
  package struct GroupReference: Sendable, Equatable {
    /// The section id as written.
    package var section: String
    /// The item's text or key as written.
    package var item: String
    package var sectionLocation: SourceLocation
    package var itemLocation: SourceLocation
  }

  package var file: String
  package var runbookID: String?
  package var responder: String?
  package var tlp: String?
  package var entries: [Entry]
  /// Where `answers:` is (or the top of the file), for problems about missing answers.
  package var answersLocation: SourceLocation

  static let topLevelKeys = ["runbook", "responder", "tlp", "answers", "facts"]

  /// Reads an answers file's shape; answers are checked against a runbook by `apply(to:now:)`.
  ///
  /// JSON is read by the same parser: a JSON object is a YAMLLite flow mapping.
  package static func load(_ bytes: [UInt8], file: String) -> (AnswersFile?, [Diagnostic]) {
    let root: Node
    do {
      root = try YAMLParser.parse(bytes, file: file)
    } catch {
      return (nil, [Diagnostic(error)])
    }
    guard case .mapping(let top) = root.content else {
      return (nil, [Diagnostic(.error, AnswersFileProblem.notAMapping, at: root.location)])
    }
    // Unknown keys, then each known key's value, in document order; the missing `answers:` last.
    var diagnostics = MappingReader.checkKeys(
      of: top, known: topLevelKeys, at: root.location,
      unknownKey: { AnswersFileProblem.unknownKey($0, suggestion: $1) })
    var result = AnswersFile(
      file: file, runbookID: nil, responder: nil, tlp: nil, entries: [],
      answersLocation: root.location)
    for entry in top {
      switch entry.key {
      case "runbook", "responder", "tlp":
        guard case .scalar(let scalar) = entry.value.content else {
          let problem = AnswersFileProblem.expectedText(key: entry.key)
          diagnostics.append(.init(.error, problem, at: entry.value.location))
          continue
        }
        // These go into the record (or an error message) as written: never a credential.
        if let secret = SecretScanner.firstMatch(in: scalar.text) {
          let problem = AnswersFileProblem.secretInField(key: entry.key, kind: secret.name)
          diagnostics.append(.init(.error, problem, at: entry.value.location(ofTextOffset: 0)))
          continue
        }
        if entry.key == "runbook" { result.runbookID = scalar.text }
        if entry.key == "responder" { result.responder = scalar.text }
        if entry.key == "tlp" {
          guard TLP(written: scalar.text) != nil else {
            let problem = AnswersFileProblem.unknownTLP(scalar.text)
            diagnostics.append(.init(.error, problem, at: entry.value.location))
            continue
          }
          result.tlp = scalar.text
        }
      case "answers":
        result.answersLocation = entry.keyLocation
        result.entries = readAnswers(entry.value, diagnostics: &diagnostics) + result.entries
      case "facts":
        // Facts given directly answer the questions that declare them.
        result.entries += readAnswers(entry.value, diagnostics: &diagnostics).map {
          var fact = $0
          fact.isFact = true
          return fact
        }
      default:
        break  // reported by `checkKeys`
      }
    }
    diagnostics = diagnostics.sortedByLocation()
    if !top.contains(where: { $0.key == "answers" || $0.key == "facts" }) {
      diagnostics.append(.init(.error, AnswersFileProblem.missingAnswers, at: root.location))
    }
    return (diagnostics.containsErrors ? nil : result, diagnostics)
  }

  /// The entries of an `answers:` mapping; also used for a scenario's answers.
  ///
  /// A mapping as a value is a repeated group's answers: `section-id: {item: {question:
  /// answer}}`; they are checked against the runbook when the file is applied.
  static func readAnswers(_ node: Node, diagnostics: inout [Diagnostic]) -> [Entry] {
    if case .scalar(let scalar) = node.content, scalar.text.isEmpty { return [] }
    guard case .mapping(let pairs) = node.content else {
      diagnostics.append(.init(.error, AnswersFileProblem.answersNotMapping, at: node.location))
      return []
    }
    var entries: [Entry] = []
    for pair in pairs {
      guard case .mapping(let items) = pair.value.content else {
        entries += readEntries([pair], diagnostics: &diagnostics)
        continue
      }
      for item in items {
        guard case .mapping(let answers) = item.value.content else {
          let problem = AnswersFileProblem.itemAnswersNotMapping(group: pair.key, item: item.key)
          diagnostics.append(.init(.error, problem, at: item.value.location))
          continue
        }
        let group = GroupReference(
          section: pair.key, item: item.key, sectionLocation: pair.keyLocation,
          itemLocation: item.keyLocation)
        entries += readEntries(answers, diagnostics: &diagnostics).map { entry in
          var entry = entry
          entry.group = group
          return entry
        }
      }
    }
    return entries
  }

  /// The entries of `question: answer` pairs: a text or a list of texts each.
  private static func readEntries(
    _ pairs: [MappingEntry], diagnostics: inout [Diagnostic]
  ) -> [Entry] {
    var entries: [Entry] = []
    entries.reserveCapacity(pairs.count)
    for pair in pairs {
      if let entry = readEntry(pair, diagnostics: &diagnostics) { entries.append(entry) }
    }
    return entries
  }

  /// The entry of one `question: answer` pair, or nil (with why) when its value is neither a
  /// text nor a list of texts.
  private static func readEntry(
    _ pair: MappingEntry, diagnostics: inout [Diagnostic]
  ) -> Entry? {
    let input: AnswerInput
    var itemLocations: [SourceLocation] = []
    switch pair.value.content {
    case .scalar(let scalar): input = .text(scalar.text)
    case .sequence(let items):
      var texts: [String] = []
      texts.reserveCapacity(items.count)
      itemLocations.reserveCapacity(items.count)
      for item in items {
        guard case .scalar(let scalar) = item.content else {
          let problem = AnswersFileProblem.listItemNotText(question: pair.key)
          diagnostics.append(.init(.error, problem, at: item.location))
          return nil
        }
        texts.append(scalar.text)
        itemLocations.append(item.location(ofTextOffset: 0))
      }
      input = .items(texts)
    case .mapping:
      let problem = AnswersFileProblem.answerIsMapping(question: pair.key)
      diagnostics.append(.init(.error, problem, at: pair.value.location))
      return nil
    }
    return Entry(
      questionID: pair.key, input: input, keyLocation: pair.keyLocation,
      valueLocation: pair.value.location(ofTextOffset: 0), itemLocations: itemLocations)
  }
}
