import Foundation
import RunbookCore
import Testing
import YAMLLite

/// A runbook whose decisions and outcomes each test writes: two questions, a multi and a yesno
/// asked only when the answer to the first is yes.
private func runbook(decisions: String, outcomes: String, derive: String = "") -> String {
  """
  runbook: decisions
  title: Decisions
  version: 1.0.0
  sections:
    - id: first
      title: First
      questions:
        - id: exposed
          ask: Exposed?
          type: yesno
        - id: exposure
          ask: What left?
          type: multi
          choices: [credentials, source-code, personal-data]
          when: exposed
        - id: keys_held
          ask: Do they hold keys?
          type: yesno
          when: not exposed
  \(derive)decision:
  \(decisions)
  \(outcomes)
  """
}

/// The `unbacked-decision` errors loading `source` gives.
private func unbacked(_ source: String) -> [Diagnostic] {
  RunbookLoader.load(Array(source.utf8), file: "d.yaml").diagnostics.filter {
    $0.code == "unbacked-decision"
  }
}

@Suite("A decision's rotate or notify promise needs an outcome that fires whenever it is chosen")
struct UnbackedDecisionRuleTests {
  @Test func flagsAPromiseBackedOnlyByAContradictingAction() throws {
    let source = runbook(
      decisions: """
          - say: Contain, then rotate the keys.
            when: exposed
          - say: Watch.
        """,
      outcomes: """
        actions:
          - id: rotate-keys
            kind: rotate
            title: Rotate
            when: not exposed
        """)
    let found = unbacked(source)
    #expect(found.count == 1, "\(found)")
    let error = try #require(found.first)
    #expect(error.severity == .error)
    #expect(error.location == SourceLocation(file: "d.yaml", line: 21, column: 24))
    #expect(
      error.message
        == "this decision says 'rotate', but in some cases where it is the decision chosen no "
        + "action of kind rotate, revoke or reset fires: narrow its `when` to the cases where one "
        + "does (and add a twin without the promise for the others), or reword the decision (for "
        + "example when exposed = yes)")
  }

  @Test func flagsAPromiseKeptInSomeCasesOnlyAndNamesACaseWhereItIsNot() throws {
    // Exposed, but only source code left: the decision still says revoke, nothing revokes.
    let source = runbook(
      decisions: """
          - say: Revoke the tokens.
            when: exposed
          - say: Watch.
        """,
      outcomes: """
        actions:
          - id: revoke-tokens
            kind: revoke
            title: Revoke
            when: exposure has 'credentials'
        """)
    let error = try #require(unbacked(source).first)
    #expect(error.message.hasSuffix("(for example when exposed = yes, exposure = [])"))
  }

  @Test func passesAPromiseKeptInEveryCaseThatChoosesIt() {
    let narrowed = runbook(
      decisions: """
          - say: Revoke the tokens.
            when: exposed and exposure has 'credentials'
          - say: Contain.
            when: exposed
          - say: Watch.
        """,
      outcomes: """
        actions:
          - id: revoke-tokens
            kind: revoke
            title: Revoke
            when: exposure has 'credentials'
        """)
    #expect(unbacked(narrowed) == [])
    let unconditional = runbook(
      decisions: """
          - say: Rotate the keys.
        """,
      outcomes: """
        actions:
          - id: rotate-keys
            kind: rotate
            title: Rotate
        """)
    #expect(unbacked(unconditional) == [])
  }

  @Test func isLeftToLintWhenARunbookIsLoadedToBeUsed() {
    let source = runbook(
      decisions: """
          - say: Rotate the keys.
            when: exposed
          - say: Watch.
        """,
      outcomes: "")
    #expect(unbacked(source).count == 1)
    let loaded = RunbookLoader.load(Array(source.utf8), file: "d.yaml", checks: .errors)
    #expect(loaded.diagnostics == [])
    #expect(loaded.runbook != nil)
  }

  @Test func anActionOfAnotherKindDoesNotBackARotation() {
    let source = runbook(
      decisions: """
          - say: Reset the passwords.
            when: exposed
          - say: Watch.
        """,
      outcomes: """
        actions:
          - id: reset-passwords
            kind: contain
            title: Reset
            when: exposed
        """)
    #expect(unbacked(source).map(\.location.line) == [21])
  }

  @Test func flagsANotificationPromiseAndSkipsNegatedSentences() throws {
    let source = runbook(
      decisions: """
          - say: Notify the regulator.
            when: exposed
          - say: "Nothing to rotate, do not notify: the no-notify rationale is recorded."
            when: not exposed
          - say: Watch.
        """,
      outcomes: """
        notifications:
          - id: regulator
            to: The regulator
            when: not exposed
        """)
    let found = unbacked(source)
    #expect(found.map(\.location.line) == [21], "\(found)")
    let error = try #require(found.first)
    #expect(error.location.column == 10)
    #expect(
      error.message
        == "this decision says 'Notify', but in some cases where it is the decision chosen no "
        + "notification is required: narrow its `when` to the cases where one is (and add a twin "
        + "without the promise for the others), or reword the decision (for example when "
        + "exposed = yes)")
  }

  @Test func followsDerivedValues() {
    let derive = """
      derive:
        leaked: exposure has 'credentials'
        safe: not leaked

      """
    let decisions = """
        - say: Rotate what leaked.
          when: leaked
        - say: Watch.
      """
    let contradicting = runbook(
      decisions: decisions,
      outcomes: """
        actions:
          - id: rotate
            kind: rotate
            title: Rotate
            when: safe
        """, derive: derive)
    #expect(unbacked(contradicting).map(\.location.line) == [24])
    let agreeing = runbook(
      decisions: decisions,
      outcomes: """
        actions:
          - id: rotate
            kind: rotate
            title: Rotate
            when: exposure has 'credentials' and not safe
        """, derive: derive)
    #expect(unbacked(agreeing) == [])
  }

  @Test func followsFirstMatchAmongDecisions() {
    // The rotation fires only when exposed, and then the first entry is the one chosen.
    let source = runbook(
      decisions: """
          - say: Contain.
            when: exposed
          - say: Rotate the keys.
        """,
      outcomes: """
        actions:
          - id: rotate
            kind: rotate
            title: Rotate
            when: exposed
        """)
    #expect(unbacked(source).map(\.location.line) == [23])
  }

  @Test func triesCombinationsOfChoicesAndNumbersBetweenLiterals() throws {
    // The only case without the rotation has two choices at once, not one and not all three: a
    // search that tried single choices and all of them would miss it.
    let choices = runbook(
      decisions: """
          - say: Rotate what left.
            when: exposure has 'credentials'
          - say: Watch.
        """,
      outcomes: """
        actions:
          - id: rotate
            kind: rotate
            title: Rotate
            when: not (exposure has 'personal-data') or exposure has 'source-code'
        """)
    let error = try #require(unbacked(choices).first)
    #expect(
      error.message.hasSuffix(
        "(for example when exposed = yes, exposure = [credentials, personal-data])"))
    let numbers = """
      runbook: numbers
      title: Numbers
      version: 1.0.0
      sections:
        - id: one
          title: One
          questions:
            - {id: records, ask: How many?, type: number}
      decision:
        - say: Notify the people affected.
          when: records > 500
        - say: Watch.
      notifications:
        - id: people
          to: The people affected
          when: records >= 501
      """
    // 500.5 is more than 500 and less than 501: one between the two literals.
    let between = try #require(unbacked(numbers).first)
    #expect(between.location.line == 10)
    #expect(between.message.hasSuffix("(for example when records = 500.5)"))
    let same = numbers.replacingOccurrences(of: "records >= 501", with: "records > 500")
    #expect(unbacked(same) == [])
  }

  @Test func aQuestionNotAskedHasNoAnswer() {
    // `keys_held` is asked only when nothing was exposed.
    let source = runbook(
      decisions: """
          - say: Rotate the keys they hold.
            when: exposed
          - say: Watch.
        """,
      outcomes: """
        actions:
          - id: rotate
            kind: rotate
            title: Rotate
            when: keys_held
        """)
    #expect(unbacked(source).map(\.location.line) == [21])
  }

  @Test func aReferenceIsNotAPromise() {
    let source = runbook(
      decisions: """
          - say: "Watch {{rotate_note}}."
        """,
      outcomes: "", derive: "derive:\n  rotate_note: exposed\n")
    #expect(unbacked(source) == [])
  }

  @Test func givesUpSilentlyAtItsBound() {
    // Twenty questions that the decision names and no pruning can cut: the rotation's condition
    // stays undecided until `last` is answered, after all twenty, so 2^20 cases are looked at
    // before finding that the rotation always fires.
    let questions = (1...20).map { "      - {id: q\($0), ask: Q\($0)?, type: yesno}\n" }.joined()
    let anyOf = (1...20).map { "q\($0)" }.joined(separator: " or ")
    let source = """
      runbook: big
      title: Big
      version: 1.0.0
      sections:
        - id: all
          title: All
          questions:
      \(questions)      - {id: last, ask: Last?, type: yesno}
      decision:
        - say: Rotate everything.
          when: \(anyOf)
        - say: Watch.
      actions:
        - id: rotate
          kind: rotate
          title: Rotate
          when: (\(anyOf)) and (last or not last)
      """
    let start = Date()
    let result = RunbookLoader.load(Array(source.utf8), file: "big.yaml")
    #expect(Date().timeIntervalSince(start) < 20)
    #expect(result.diagnostics.filter { $0.code == "unbacked-decision" } == [])
  }
}
