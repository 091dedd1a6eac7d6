import Foundation
import RunbookCore

/// The answers the inventory gives a run about one vendor (`triage run RUNBOOK --vendor V`):
/// for each fact it holds, the answer and the inventory line it came from.
///
/// Facts held: the organisation's `facts:`; from the vendor's data sets `data_elements`,
/// `residents` (summed per jurisdiction) and our role (any question whose fact is a `choice`
/// with one of the roles among its choices: `gdpr_role`, `data_role`, `hipaa_role`); the
/// vendor's credentials (`vendor_credentials`, a list of credential ids); the clients whose
/// data it touches (`affected_clients`, a list of client ids, and `clients_affected`).
package struct InventoryAnswers: Sendable {
  /// One fact's answer as the inventory holds it.
  package struct Answer: Sendable, Equatable {
    package var input: AnswerInput
    package var source: InventorySource
  }

  /// The facts that list the vendor's credentials and the clients it touches.
  package static let credentialsFact = "vendor_credentials"
  package static let clientsFact = "affected_clients"
  package static let clientsAffectedFact = "clients_affected"

  package var impact: VendorImpact
  package var inventorySHA256: String
  /// Answers by fact name.
  package var answers: [String: Answer]
  /// Roles (`processor`, `maintainer`) and where the first data set naming them is written.
  package var roles: [String]
  package var rolesSource: InventorySource?

  /// The inventory's answers about `impact`'s vendor.
  package init(impact: VendorImpact, organisation: InventoryOrganisation?, sha256: String) {
    self.impact = impact
    self.inventorySHA256 = sha256
    var answers: [String: Answer] = [:]
    for fact in organisation?.facts ?? [] {
      let input: AnswerInput = fact.text.map { .text($0) } ?? .items(fact.items)
      answers[fact.name] = Answer(input: input, source: fact.source)
    }
    let vendorSource = impact.vendor.source
    if let first = impact.data.first {
      if !impact.elements.isEmpty {
        answers["data_elements"] = Answer(input: .items(impact.elements), source: first.source)
      }
      if !impact.residents.isEmpty {
        answers["residents"] = Answer(input: .items(impact.residentItems), source: first.source)
      }
    }
    answers[Self.credentialsFact] = Answer(
      input: .items(impact.credentials.map(\.id)),
      source: impact.credentials.first?.source ?? vendorSource)
    answers[Self.clientsFact] = Answer(
      input: .items(impact.clients.map(\.id)), source: impact.clients.first?.source ?? vendorSource)
    answers[Self.clientsAffectedFact] = Answer(
      input: .text(impact.clients.isEmpty ? "no" : "yes"),
      source: impact.clients.first?.source ?? vendorSource)
    self.answers = answers
    roles = impact.roles
    rolesSource = impact.data.first { !$0.roles.isEmpty }?.source
  }

  /// The answer to `question` (by its `fact:`) and its source, or nil when the inventory does
  /// not hold it or its value does not fit the question.
  package func answer(to question: Question, now: Date) -> (Value, AnswerSource)? {
    Self.answer(
      to: question, now: now, answers: answers, roles: roles, rolesSource: rolesSource,
      sha256: inventorySHA256)
  }

  /// ``answer(to:now:)`` from the fields it reads: a walk's closure that captures them, not the
  /// whole value (the vendor's impact and all), copies nothing per question.
  private static func answer(
    to question: Question, now: Date, answers: [String: Answer], roles: [String],
    rolesSource: InventorySource?, sha256: String
  ) -> (Value, AnswerSource)? {
    guard let fact = question.fact else { return nil }
    var found = answers[fact]
    if found == nil, question.type == .choice, let rolesSource,
      let role = roles.first(where: question.choiceIDs.contains)
    {
      found = Answer(input: .text(role), source: rolesSource)
    }
    guard var answer = found else { return nil }
    // Data elements the question does not offer are left out (it may offer fewer).
    if question.type == .multi, case .items(let items) = answer.input {
      answer.input = .items(items.filter(question.choiceIDs.contains))
    }
    guard case .success(let value) = AnswerReader.read(answer.input, for: question, now: now)
    else { return nil }
    return (value, source(answer.source, sha256: sha256))
  }

  /// The trail's source for an inventory line.
  package func source(_ place: InventorySource) -> AnswerSource {
    Self.source(place, sha256: inventorySHA256)
  }

  /// The trail's source for a line of the inventory whose hash is `sha256`.
  private static func source(_ place: InventorySource, sha256: String) -> AnswerSource {
    AnswerSource(kind: .inventory, file: place.file, line: place.line, inventorySHA256: sha256)
  }

  /// The per-item fields of the runbook's lists this inventory fills: for each question whose
  /// fact is `vendor_credentials` or `affected_clients`, each credential's or client's fields
  /// by id (see `RepeatedItem.fieldNames`), with `source` its `file:line`.
  package func itemFields(for runbook: Runbook) -> [String: [String: [String: String]]] {
    var fields: [String: [String: [String: String]]] = [:]
    var credentials: [String: [String: String]] = [:]
    for credential in impact.credentials {
      var item = credential.templateFields
      item["source"] = credential.source.description
      credentials[credential.id] = item
    }
    var clients: [String: [String: String]] = [:]
    for client in impact.clients {
      var item = client.templateFields
      item["source"] = (client.notice?.source ?? client.source).description
      clients[client.id] = item
    }
    for question in runbook.questions {
      switch question.fact {
      case Self.credentialsFact: fields[question.id] = credentials
      case Self.clientsFact: fields[question.id] = clients
      default: break
      }
    }
    return fields
  }

  /// The inventory as a ``Prefill`` source: the answer to each question of `session` whose
  /// fact the inventory holds, except those the responder reopened.
  ///
  /// The closure captures the fields ``answer(to:now:)`` reads, not the whole value (the
  /// vendor's impact and all), and copies nothing per question.
  package func answering(
    _ session: Session, at time: Date
  ) -> (Question) -> (Value, AnswerSource?)? {
    let reopened = session.reopened
    let (answers, roles, rolesSource, sha256) = (answers, roles, rolesSource, inventorySHA256)
    return { question in
      guard reopened[question.id] == nil,
        let (value, source) = Self.answer(
          to: question, now: time, answers: answers, roles: roles, rolesSource: rolesSource,
          sha256: sha256)
      else { return nil }
      return (value, source)
    }
  }
}
