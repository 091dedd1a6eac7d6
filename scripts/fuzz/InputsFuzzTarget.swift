// libFuzzer entry point for the other hostile inputs, compiled by `scripts/fuzz/run SECONDS inputs`
// together with the sources of YAMLLite, RunbookCore, TriageSession and IncidentLog as one module.
//
// The first byte chooses what the rest is fed to:
//   0 (mod 3): the expression parser, then the checker and evaluator on what parses
//   1 (mod 3): the answers reader: an answers file, applied to a small runbook
//   2 (mod 3): the record decoder: `IncidentRecord(json:)` over `JSONValue.parse`
// Checks, for every input: no crash or hang; an expression error's offset lies inside the text.

import Foundation

private let fuzzRunbookSource = """
  runbook: fuzz
  title: Fuzz
  version: 1.0.0
  sections:
    - id: one
      title: One
      questions:
        - id: vendor
          ask: Which vendor?
          type: text
        - id: exposure
          ask: What left?
          type: multi
          choices: [credentials, source-code, personal-data]
        - id: seen
          ask: When?
          type: datetime
        - id: count
          ask: How many?
          type: number
          min: 0
        - id: exposed
          ask: Exposed?
          type: yesno
        - id: hosts
          ask: Which hosts?
          type: list
          required: false
        - id: day
          ask: Which day?
          type: date
          when: exposed and count > 2
  actions:
    - id: rotate
      kind: rotate
      title: Rotate {{vendor}}
      when: exposure has 'credentials'
      due: 24h after seen
  """

private let fuzzRunbook: Runbook? = RunbookLoader.load(
  Array(fuzzRunbookSource.utf8), file: "fuzz.yaml"
).runbook

private let fuzzNow = Date(timeIntervalSince1970: 1_800_000_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size > 0 else { return 0 }
  let selector = data[0] % 3
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  switch selector {
  case 0: fuzzExpression(bytes)
  case 1: fuzzAnswers(bytes)
  default: fuzzRecord(bytes)
  }
  return 0
}

private func fuzzExpression(_ bytes: [UInt8]) {
  let text = String(decoding: bytes, as: UTF8.self)
  do {
    let expression = try ExpressionParser.parse(text)
    _ = ExpressionChecker.check(expression, scope: ExpressionScope())
    _ = ExpressionEvaluator.evaluate(expression, in: [:])
  } catch {
    let count = text.count
    guard error.offset >= 0, error.offset <= count, error.offset + error.length <= count + 1 else {
      fatalError("expression error outside the text: \(error) in \(count) characters")
    }
  }
}

private func fuzzAnswers(_ bytes: [UInt8]) {
  guard let runbook = fuzzRunbook else { fatalError("the fuzz runbook does not load") }
  let (file, _) = AnswersFile.load(bytes, file: "answers.yaml")
  guard let file else { return }
  var session = Session(runbook: runbook)
  _ = file.apply(to: &session, now: fuzzNow)
  _ = session.reachable()
}

private func fuzzRecord(_ bytes: [UInt8]) {
  guard let json = try? JSONValue.parse(bytes) else { return }
  guard let record = try? IncidentRecord(json: json) else { return }
  // What decodes encodes again, and decodes to the same record.
  let again = try? IncidentRecord(json: record.jsonValue)
  if again != record { fatalError("record round trip changed it") }
}
