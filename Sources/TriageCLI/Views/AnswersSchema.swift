import IncidentLog
import RunbookCore

/// A JSON Schema (draft 2020-12) of one runbook's answers files (`triage answers-schema`), so
/// that an editor can complete and check an answers file while it is written.
///
/// It follows what `AnswerReader` accepts: yes/no words or booleans for a `yesno`, choice ids,
/// arrays for `multi` and `list`, numbers or numeric strings, and `now` for dates and times.
/// Answers are not required by the schema: questions may be skipped by their conditions, and a
/// mixed run asks the rest at the terminal. A repeated group's answers are an object under its
/// section id, keyed by item, each holding the group's questions. A question that declares a
/// fact may also be answered under `facts:` by the fact's name; the items of a `residents`
/// question must be `CODE: COUNT` (``residentsItemPattern``).
struct AnswersSchema {
  var runbook: Runbook

  /// One `CODE: COUNT` item, as ``ResidentCounts`` reads it: an ISO 3166-1 alpha-2 or 3166-2
  /// code, `EU` or `ANY`, then a whole number or `?`.
  static let residentsItemPattern =
    "^[ \\t]*(EU|ANY|[A-Z]{2}(-[A-Z0-9]{1,3})?)[ \\t]*:[ \\t]*([0-9]+|\\?)[ \\t]*$"

  /// The schema, pretty-printed with keys in a fixed order, ending with a newline.
  func rendered() -> String {
    var answers: [JSONObject.Member] = []
    for section in runbook.sections {
      let questions = section.questions.filter(\.type.asksForAnswer).map {
        JSONObject.Member($0.id, property(for: $0))
      }
      guard let list = section.forEach else {
        answers += questions
        continue
      }
      let item = JSONValue.object([
        .init("type", .string("object")),
        .init("additionalProperties", .bool(false)),
        .init("properties", .object(JSONObject(questions))),
      ])
      answers.append(
        .init(
          section.id,
          .object([
            .init(
              "description",
              .string("Answers per item of \(list), keyed by the item's text or key.")),
            .init("type", .array([.string("object"), .string("null")])),
            .init("additionalProperties", item),
          ])))
    }
    let schema = JSONValue.object([
      .init("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
      .init("title", .string("Answers for runbook \(runbook.id) \(runbook.version)")),
      .init("description", .string(Self.flat(runbook.title))),
      .init("type", .string("object")),
      .init(
        "properties",
        .object(
          JSONObject(
            [
              JSONObject.Member("runbook", .object([.init("const", .string(runbook.id))])),
              .init(
                "responder",
                .object([
                  .init("type", .string("string")),
                  .init("description", .string("Who answered.")),
                ])),
              .init("tlp", .object([.init("anyOf", .array(Self.tlp))])),
              .init(
                "answers",
                .object([
                  .init("type", .string("object")),
                  .init("additionalProperties", .bool(false)),
                  .init("properties", .object(JSONObject(answers))),
                ])),
            ] + factsMember))),
      // An answers file gives `answers:`, `facts:` or both.
      factsMember.isEmpty
        ? .init("required", .strings(["answers"]))
        : .init(
          "anyOf",
          .array([
            .object([.init("required", .strings(["answers"]))]),
            .object([.init("required", .strings(["facts"]))]),
          ])),
      .init("additionalProperties", .bool(false)),
    ])
    return schema.prettyText
  }

  /// `facts:`, when a question declares a fact: each fact by name, accepting what the first
  /// question that declares it accepts.
  private var factsMember: [JSONObject.Member] {
    var facts: [JSONObject.Member] = []
    var seen: Set<String> = []
    for question in runbook.questions {
      guard let fact = question.fact, seen.insert(fact).inserted else { continue }
      facts.append(.init(fact, property(for: question)))
    }
    guard !facts.isEmpty else { return [] }
    return [
      .init(
        "facts",
        .object([
          .init("description", .string("Answers given by fact name (the questions' fact:).")),
          .init("type", .string("object")),
          .init("additionalProperties", .bool(false)),
          .init("properties", .object(JSONObject(facts))),
        ]))
    ]
  }

  private func property(for question: Question) -> JSONValue {
    var members = [JSONObject.Member("description", .string(Self.flat(question.ask.source)))]
    switch question.type {
    case .yesno:
      members.append(.init("anyOf", .array(Self.yesNo)))
    case .choice:
      if question.choices.isEmpty {
        members.append(.init("type", .string("string")))
      } else {
        members.append(.init("anyOf", .array(Self.choice(question.choiceIDs))))
      }
    case .multi, .list:
      members.append(.init("anyOf", .array(listAlternatives(for: question))))
    case .text, .note:
      members.append(.init("type", .string("string")))
      if let pattern = question.pattern {
        members.append(.init("pattern", .string("^(?:\(pattern))$")))
      }
    case .number:
      var number: [JSONObject.Member] = [.init("type", .string("number"))]
      if let min = question.min { number.append(.init("minimum", .number(min))) }
      if let max = question.max { number.append(.init("maximum", .number(max))) }
      members.append(
        .init(
          "anyOf",
          .array([
            .object(JSONObject(number)),
            .object([
              .init("type", .string("string")), .init("pattern", .string(Self.numberText)),
            ]),
          ])))
    case .date:
      members.append(.init("anyOf", .array(Self.date)))
    case .datetime:
      members.append(.init("anyOf", .array(Self.dateTime)))
    }
    if let value = question.defaultAnswer { members.append(.init("default", .string(value))) }
    return .object(JSONObject(members))
  }

  /// A `multi` or `list` answer: an array of items, or one text (comma-separated ids for a
  /// multi, a one-item list for a list).
  private func listAlternatives(for question: Question) -> [JSONValue] {
    var item: [JSONObject.Member] = [.init("type", .string("string"))]
    let ids = question.type == .multi && !question.choices.isEmpty ? question.choiceIDs : []
    if !ids.isEmpty {
      item = [.init("anyOf", .array(Self.choice(ids)))]
    }
    if question.type == .list, question.fact == ResidentCounts.factName {
      item.append(
        .init(
          "description",
          .string(
            "CODE: COUNT, like 'US-TX: 1200': an ISO 3166-1 alpha-2 (DE) or 3166-2 (US-TX) "
              + "code, EU or ANY, and a whole number, or ? while it is not known.")))
      item.append(.init("pattern", .string(Self.residentsItemPattern)))
    } else if question.type == .list, let pattern = question.pattern {
      item.append(.init("pattern", .string("^(?:\(pattern))$")))
    }
    var array: [JSONObject.Member] = [
      .init("type", .string("array")), .init("items", .object(JSONObject(item))),
    ]
    if let min = question.min { array.append(.init("minItems", .number(min.rounded(.up)))) }
    if let max = question.max { array.append(.init("maxItems", .number(max.rounded(.down)))) }
    let single = ids.isEmpty ? JSONValue.object(JSONObject(item)) : Self.commaSeparated(ids)
    return [.object(JSONObject(array)), single]
  }

  private static func flat(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }
}
