"""Unit tests of scripts/validate-runbooks' reference evaluator: due times, threat-model rules,
undetermined and not-required entries, scenario `sent:` times and coverage, on small inline
runbooks. Run with `scripts/validate-runbooks --self-test` (or `python3 -m unittest` here).

Expected times were cross-checked against `triage test` on the same runbooks.
"""

import datetime as dt
import importlib.machinery
import importlib.util
import os
import unittest

import yaml

_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "validate-runbooks")
_LOADER = importlib.machinery.SourceFileLoader("validate_runbooks_under_test", _SCRIPT)
vr = importlib.util.module_from_spec(importlib.util.spec_from_loader(_LOADER.name, _LOADER))
_LOADER.exec_module(vr)

UTC = dt.timezone.utc
HOLIDAYS = {"2026-05-25", "2026-01-01"}  # Memorial Day, New Year's Day


def utc(text):
    return vr.parse_time(text)


def due(text, anchor, holidays=frozenset()):
    """The due time of `text` with every anchor at `anchor`, as RFC 3339 text (or `pending`)."""
    at = utc(anchor) if anchor else None
    got, _ = vr.resolve_due(vr.parse_due(text), lambda _name: at, holidays)
    return "pending" if got is None else vr.time_text(got)


def schema(name):
    import json

    with open(os.path.join(vr.ROOT, "Schemas", f"{name}.schema.json"), encoding="utf-8") as f:
        return json.load(f)


class Evaluated:
    """An inline runbook checked by the script, and its scenarios replayed."""

    def __init__(self, text, check_schema=True):
        vr.PROBLEMS.clear()
        self.data = yaml.load(text, Loader=vr._StrictLoader)
        self.path = os.path.join(vr.ROOT, "Runbooks", f"{self.data['runbook']}.yaml")
        if check_schema:
            vr.schema_check(self.path, self.data, schema("runbook"))
        self.rb = vr.check_runbook(self.path, self.data, {"test-holidays": HOLIDAYS})
        self.load_problems = list(vr.PROBLEMS)
        self.results = []

    def run(self, text, check_schema=True):
        """Replays a scenario (YAML text); returns the problems it gave."""
        vr.PROBLEMS.clear()
        scenario = yaml.load(text, Loader=vr._StrictLoader)
        scenario.setdefault("scenario", "inline")
        scenario.setdefault("runbook", self.data["runbook"])
        scenario.setdefault("recorded", "2026-03-01T00:00:00Z")
        scenario.setdefault("expect", {})
        path = os.path.join(vr.ROOT, "Runbooks", "tests", self.data["runbook"], "inline.yaml")
        if check_schema:
            vr.schema_check(path, scenario, schema("scenario"))
        self.results.append(vr.replay(path, scenario, self.rb, HOLIDAYS))
        return list(vr.PROBLEMS)

    def coverage(self):
        vr.PROBLEMS.clear()
        vr.coverage_problems(self.rb, self.results)
        return list(vr.PROBLEMS)


class DueParsing(unittest.TestCase):
    def test_forms(self):
        [clause] = vr.parse_due("4 business days after decided_at by 17:30 America/New_York")
        self.assertEqual(clause["unit"], "business days")
        self.assertEqual(clause["cut_off"], (17, 30, "America/New_York"))
        [clause] = vr.parse_due("60 days after year-end of discovered_at")
        self.assertTrue(clause["year_end"])
        clauses = vr.parse_due("earliest of 4 hours after classified_at; 24h after discovered_at")
        self.assertEqual([c["anchor"] for c in clauses], ["classified_at", "discovered_at"])
        self.assertEqual(vr.parse_due("1 month after report.sent")[0]["anchor"], "report.sent")
        self.assertIsNone(vr.parse_due("immediately")[0]["anchor"])
        self.assertEqual(vr.parse_due("72 HOURS  after x")[0]["unit"], "hours")

    def test_refusals(self):
        for text, words in [
            ("earliest of 4 hours after x", "two or more"),
            ("4 hours after x by 17:00 UTC", "whole days"),
            ("1 hour after year-end of x", "whole days"),
            ("4 days after x by 17:30 America/New_Yrok", "America/New_York"),
            ("4 days after x by 17:30 EST", "not a known time zone"),
            ("4 days after x by 24:00 UTC", "time of day"),
            ("0 days after x", "counts nothing"),
            ("4 hours after x; 5 hours after y", "earliest of"),
            ("4 fortnights after x", "is not"),
        ]:
            with self.subTest(text=text):
                with self.assertRaises(vr.DueError) as caught:
                    vr.parse_due(text)
                self.assertIn(words, str(caught.exception))


class DueComputation(unittest.TestCase):
    def test_business_days_keep_the_clock_time(self):
        self.assertEqual(due("4 business days after a", "2026-03-02T14:00:00Z"), "2026-03-06T14:00:00Z")
        # From a Saturday: Mon 9 .. Thu 12, at the anchor's time (no longer 23:59:59Z).
        self.assertEqual(due("4 business days after a", "2026-03-07T10:00:00Z"), "2026-03-12T10:00:00Z")
        # Memorial Day 2026-05-25 is skipped.
        self.assertEqual(due("2 business days after a", "2026-05-22T09:00:00Z", HOLIDAYS), "2026-05-27T09:00:00Z")
        self.assertEqual(due("4 business days after a", "2026-05-23T16:00:00Z", HOLIDAYS), "2026-05-29T16:00:00Z")

    def test_cut_off_counts_in_the_zone(self):
        rule = "4 business days after a by 17:30 America/New_York"
        self.assertEqual(due(rule, "2026-03-02T17:00:00Z"), "2026-03-06T22:30:00Z")
        # 20:00 New York on Monday is 01:00Z Tuesday: still Monday's event.
        self.assertEqual(due(rule, "2026-03-03T01:00:00Z"), "2026-03-06T22:30:00Z")
        # Across the start of summer time (2026-03-08): 17:30 EDT is 21:30Z.
        self.assertEqual(due(rule, "2026-03-05T17:00:00Z"), "2026-03-11T21:30:00Z")
        # A due time in the spring-forward gap moves forward by the gap (02:30 -> 03:30 EDT).
        self.assertEqual(due("3 days after a by 02:30 America/New_York", "2026-03-05T17:00:00Z"), "2026-03-08T07:30:00Z")
        self.assertEqual(due("1 day after a by 09:00 UTC", "2026-03-05T23:00:00Z"), "2026-03-06T09:00:00Z")

    def test_year_end(self):
        self.assertEqual(due("60 days after year-end of a", "2025-06-01T12:00:00Z"), "2026-03-01T23:59:59Z")
        self.assertEqual(due("60 days after year-end of a", "2027-01-10T00:00:00Z"), "2028-02-29T23:59:59Z")
        # 03:00Z on 1 January 2026 is still 2025 in New York.
        rule = "60 days after year-end of a by 17:00 America/New_York"
        self.assertEqual(due(rule, "2026-01-01T03:00:00Z"), "2026-03-01T22:00:00Z")
        self.assertEqual(due(rule, "2026-01-01T06:00:00Z"), "2027-03-01T22:00:00Z")

    def test_months_and_exact_units(self):
        self.assertEqual(due("1 month after a", "2026-01-31T10:00:00Z"), "2026-02-28T10:00:00Z")
        self.assertEqual(due("72h after a", "2026-04-03T15:00:00Z"), "2026-04-06T15:00:00Z")
        self.assertEqual(due("2 weeks after a", "2026-04-03T15:00:00Z"), "2026-04-17T15:00:00Z")

    def test_earliest_of(self):
        clauses = vr.parse_due("earliest of 4 hours after b; 24 hours after a")
        times = {"a": utc("2026-03-06T01:00:00Z"), "b": utc("2026-03-06T02:00:00Z")}
        self.assertEqual(vr.resolve_due(clauses, times.get, set()), (utc("2026-03-06T06:00:00Z"), []))
        # One anchor pending: the known one, an upper bound, with the pending anchor named.
        self.assertEqual(vr.resolve_due(clauses, {"a": times["a"]}.get, set()), (utc("2026-03-07T01:00:00Z"), ["b"]))
        self.assertEqual(vr.resolve_due(clauses, {}.get, set()), (None, ["b", "a"]))


RUNBOOK = """
runbook: inline-outcomes
title: Inline
version: '1.0.0'
holidays: test-holidays
sections:
  - id: facts
    title: Facts
    questions:
      - id: discovered_at
        ask: When?
        type: datetime
      - id: ran
        ask: Did it run on our machines?
        type: yesno
      - id: registrant
        ask: SEC registrant?
        type: yesno
      - id: material
        ask: Material?
        type: choice
        default: not-yet-determined
        when: registrant
        choices: [yes-material, not-material, not-yet-determined]
      - id: decided_at
        ask: Decided when?
        type: datetime
        required: false
        when: registrant
severity:
  - level: low
decision:
  - say: Go.
threat-model:
  - changed: yes
    because: 'It ran on our machines since {{discovered_at}}.'
    when: ran
  - changed: no
    because: 'Nothing of ours ran it.'
actions:
  - id: rotate-keys
    kind: rotate
    title: Rotate
    when: ran
    due: 24 hours after sec-8k.sent
    undetermined:
      - when: registrant and material == 'not-yet-determined'
        because: 'Waiting on materiality.'
    not-required:
      - because: 'It did not run on our machines.'
notifications:
  - id: sec-8k
    to: The SEC
    when: registrant and material == 'yes-material'
    due: 4 business days after decided_at by 17:30 America/New_York
    undetermined:
      - when: registrant and material == 'not-yet-determined'
        because: 'Materiality is not determined yet.'
    not-required:
      - when: not registrant
        because: 'We are not an SEC registrant.'
      - when: material == 'not-material'
        because: 'Determined not material at {{decided_at}}.'
  - id: final-report
    to: The SEC, again
    when: registrant and material == 'yes-material'
    due: earliest of 1 month after sec-8k.sent; 40 days after decided_at
"""


class Outcomes(unittest.TestCase):
    def setUp(self):
        self.rb = Evaluated(RUNBOOK)
        self.assertEqual(self.rb.load_problems, [])

    def test_threat_model_first_match(self):
        yes = "answers: {discovered_at: '2026-03-02T09:00:00Z', ran: yes, registrant: no}\n"
        self.assertEqual(self.rb.run(yes + "expect: {threat-model: yes}"), [])
        problems = self.rb.run(yes + "expect: {threat-model: no}")
        self.assertEqual(len(problems), 1)
        self.assertIn("threat-model: expected no, the reference evaluator gives yes", problems[0])

    def test_required_then_undetermined_then_not_required(self):
        answers = "answers: {discovered_at: '2026-03-02T09:00:00Z', ran: no, registrant: yes}\n"
        # The default not-yet-determined matches undetermined before the not-required entries
        # (rotate-keys' entry without `when` matches too, but comes second).
        self.assertEqual(self.rb.run(answers + "expect: {undetermined: [sec-8k, rotate-keys]}"), [])
        no = "answers: {discovered_at: '2026-03-02T09:00:00Z', ran: no, registrant: no}\n"
        self.assertEqual(self.rb.run(no + "expect: {not-required: [sec-8k, rotate-keys]}"), [])
        problems = self.rb.run(answers + "expect: {not-required: [sec-8k], undetermined: [final-report]}")
        self.assertEqual(len(problems), 2)
        self.assertIn("'sec-8k' is undetermined (Materiality is not determined yet.)", problems[0])
        self.assertIn("'final-report' is not applicable", problems[1])
        decided = "answers: {discovered_at: '2026-03-02T09:00:00Z', ran: yes, registrant: yes, material: not-material, decided_at: '2026-03-03T10:00:00Z'}\n"
        self.assertEqual(self.rb.run(decided + "expect: {not-required: [sec-8k], actions: [rotate-keys]}"), [])
        problems = self.rb.run(decided + "expect: {not-required: [rotate-keys, nothing-such]}")
        self.assertIn("'rotate-keys' is required", problems[0])
        self.assertIn("'nothing-such' is not an action or notification", problems[1])

    def test_a_reason_that_would_show_a_gap_is_reported(self):
        answers = "answers: {discovered_at: '2026-03-02T09:00:00Z', ran: no, registrant: yes, material: not-material}\n"
        problems = self.rb.run(answers + "expect: {not-required: [sec-8k]}")
        self.assertEqual(len(problems), 1)
        self.assertIn("sec-8k not-required because: {{decided_at}} is unset", problems[0])

    def test_sent_times_and_pending(self):
        answers = "answers: {discovered_at: '2026-03-02T09:00:00Z', ran: yes, registrant: yes, material: yes-material, decided_at: '2026-03-02T17:00:00Z'}\n"
        pending = "expect: {due: {rotate-keys: pending, sec-8k: '2026-03-06T22:30:00Z', final-report: '2026-04-11T17:00:00Z'}}"
        self.assertEqual(self.rb.run(answers + pending), [])
        sent = "sent: {sec-8k: '2026-03-05T12:00:00Z'}\n"
        chained = "expect: {due: {rotate-keys: '2026-03-06T12:00:00Z', final-report: '2026-04-05T12:00:00Z'}}"
        self.assertEqual(self.rb.run(answers + sent + chained), [])
        problems = self.rb.run(answers + sent + "expect: {due: {rotate-keys: pending}}")
        self.assertEqual(len(problems), 1)
        self.assertIn("due rotate-keys: expected pending, the reference evaluator gives 2026-03-06T12:00:00Z", problems[0])
        problems = self.rb.run(answers + "sent: {sec-8q: '2026-03-05T12:00:00Z'}\nexpect: {}")
        self.assertIn("sent: 'sec-8q' is not a notification", problems[0])

    def test_coverage_counts_threat_model_reasons_and_defaults(self):
        self.rb.run("answers: {discovered_at: '2026-03-02T09:00:00Z', ran: yes, registrant: yes}\nexpect: {}")
        gaps = "\n".join(self.rb.coverage())
        self.assertIn("threat-model entry 2", gaps)
        self.assertIn("not-required entry 1 of rotate-keys", gaps)
        self.assertIn("undetermined entry 1 of rotate-keys", gaps)
        self.assertIn("not-required entry 2 of sec-8k (when: material == 'not-material')", gaps)
        self.assertNotIn("undetermined entry 1 of sec-8k", gaps)
        # The default not-yet-determined counts as picked.
        self.assertNotIn("choice 'not-yet-determined'", gaps)
        self.assertIn("choice 'not-material'", gaps)
        self.assertNotIn("threat-model entry 1", gaps)


class RunbookChecks(unittest.TestCase):
    def problems(self, replace, by):
        self.assertIn(replace, RUNBOOK)
        return Evaluated(RUNBOOK.replace(replace, by), check_schema=False).load_problems

    def test_due_problems(self):
        got = self.problems("17:30 America/New_York", "17:30 America/New_Yrok")
        self.assertEqual(len(got), 1)
        self.assertIn("did you mean America/New_York?", got[0])
        got = self.problems("40 days after decided_at", "40 days after decided")
        self.assertIn("due anchor 'decided' is not a date/datetime question", got[0])
        # A notification chains only on an earlier one; an action on any.
        got = self.problems("1 month after sec-8k.sent", "1 month after final-report.sent")
        self.assertIn("due anchor 'final-report.sent' is not an earlier notification", got[0])

    def test_reason_and_threat_model_names_are_checked(self):
        got = self.problems("when: not registrant", "when: not registrnt")
        self.assertIn("not-required[0] when", got[0])
        got = self.problems("since {{discovered_at}}", "since {{discoverd_at}}")
        self.assertIn("threat-model[0] because: template {{discoverd_at}}", got[0])
        got = self.problems("  - changed: no", "  - changed: maybe")
        self.assertIn("changed 'maybe' is not yes or no", got[0])


class Expressions(unittest.TestCase):
    def test_times_compare_with_time_literals(self):
        env = {"a": utc("2026-03-07T10:00:00Z"), "d": dt.date(2026, 1, 1)}
        symbols = {"a": vr.Symbol("datetime"), "d": vr.Symbol("date"), "n": vr.Symbol("number")}
        for text, want in [("a >= '2026-03-01'", True), ("a < '2026-03-07T09:00:00Z'", False),
                           ("d < '2026-01-02T00:00:00Z' and d == '2026-01-01'", True), ("d > a", False)]:
            with self.subTest(text=text):
                node = vr.Parser(text).parse()
                vr.type_check(node, symbols)
                self.assertEqual(vr.truthy(vr.evaluate(node, env)), want)
        with self.assertRaises(vr.ExprError):
            vr.type_check(vr.Parser("a < n").parse(), symbols)

    def test_unset_names_leave_list_literals(self):
        node = vr.Parser("x in [y, 'b']").parse()
        self.assertTrue(vr.evaluate(node, {"x": "b"}))
        self.assertEqual(vr.evaluate(vr.Parser("[y, 'b']").parse(), {}), ["b"])


# ---------------------------------------------------------------------------------------------
# Repeated groups (for-each). The schemas of this branch predate for-each, so these runbooks and
# scenarios are not checked against them. Expected outcomes were cross-checked with `triage test`
# built from the foreach branch.

FOR_EACH = """
runbook: fe
title: For-each cross-check
version: '1.0.0'
sections:
  - id: credentials
    title: Credentials
    questions:
      - id: discovered_at
        ask: When?
        type: datetime
      - id: credentials_held
        ask: Which credentials?
        type: list
      - id: clients
        ask: Which clients?
        type: multi
        required: false
        choices:
          - acme: ACME GmbH
          - globex: Globex Corp
  - id: each-credential
    title: 'The credential {{item}}'
    for-each: credentials_held
    questions:
      - id: credential_kind
        ask: What kind of credential is {{item}}?
        type: choice
        choices: [ssh, token, password]
      - id: used_in_production
        ask: Is {{item}} used in production?
        type: yesno
      - id: rotated_at
        ask: When was {{item}} last rotated?
        type: datetime
        required: false
        when: used_in_production
  - id: each-client
    title: 'Client {{item}}'
    for-each: clients
    questions:
      - id: contract_notice
        ask: Does {{item}}'s contract ask for notice?
        type: yesno
severity:
  - level: low
decision:
  - say: Go.
threat-model:
  - changed: no
    because: 'No.'
actions:
  - id: rotate
    kind: rotate
    for-each: credentials_held
    title: 'Rotate {{item}} ({{credential_kind}})'
    when: used_in_production
    due: earliest of 24 hours after discovered_at; 2 days after rotated_at
    not-required:
      - when: not used_in_production
        because: '{{item}} is not used in production.'
notifications:
  - id: notify-client
    to: the client
    for-each: clients
    when: contract_notice
    due: 72 hours after discovered_at
    draft: 'Dear {{item}} ({{item_key}})'
    not-required:
      - because: 'No notice clause for {{item}}.'
  - id: follow-up
    to: the client again
    for-each: clients
    when: contract_notice
    due: 1 week after notify-client.sent
"""

ONE = """
recorded: '2026-04-01T10:00:00Z'
answers:
  discovered_at: '2026-04-01T09:00:00Z'
  credentials_held: [deploy key, npm token, Deploy Key!, '***']
  clients: [acme, globex]
  each-credential:
    deploy key: { credential_kind: ssh, used_in_production: yes, rotated_at: '2026-03-01T00:00:00Z' }
    npm-token: { credential_kind: token, used_in_production: no }
    deploy-key-2: { credential_kind: password, used_in_production: yes }
    item-4: { credential_kind: token, used_in_production: yes }
  each-client:
    ACME GmbH: { contract_notice: yes }
    globex: { contract_notice: no }
sent:
  notify-client[acme]: '2026-04-02T12:00:00Z'
"""


class ForEach(unittest.TestCase):
    def setUp(self):
        self.rb = Evaluated(FOR_EACH, check_schema=False)
        self.assertEqual(self.rb.load_problems, [])

    def run_one(self, expect):
        return self.rb.run(ONE + expect, check_schema=False)

    def test_item_keys(self):
        self.assertEqual(vr.item_keys(["deploy key", "Deploy Key!", "***", "deploy-key", "Zürich Büro"]),
                         ["deploy-key", "deploy-key-2", "item-3", "deploy-key-3", "z-rich-b-ro"])
        self.assertEqual(vr.slug("a" * 30 + " " + "b" * 30), "a" * 30 + "-" + "b" * 17)
        self.assertEqual(vr.slug("a" * 47 + " b"), "a" * 47)
        self.assertEqual(vr.slug("x" * 60), "x" * 48)
        self.assertEqual(vr.split_expanded("rotate[deploy-key]"), ("rotate", "deploy-key"))
        self.assertIsNone(vr.split_expanded("rotate"))

    def test_multi_items_are_labels_keyed_by_choice_id(self):
        items = vr.items_of(self.rb.rb, "clients", {"clients": ["globex", "acme"]})
        self.assertEqual([(i.text, i.key) for i in items], [("Globex Corp", "globex"), ("ACME GmbH", "acme")])

    def test_expanded_outcomes_per_item(self):
        expect = """
expect:
  actions: ['rotate[deploy-key]', rotate, 'rotate[deploy-key-2]', 'rotate[item-4]']
  actions-absent: ['rotate[npm-token]']
  notifications: ['notify-client[acme]', notify-client]
  notifications-absent: ['notify-client[globex]']
  not-required: ['rotate[npm-token]', 'notify-client[globex]', rotate]
  due:
    rotate[deploy-key]: '2026-03-03T00:00:00Z'
    rotate[deploy-key-2]: '2026-04-02T09:00:00Z'
    notify-client[acme]: '2026-04-04T09:00:00Z'
    follow-up[acme]: '2026-04-09T12:00:00Z'
"""
        self.assertEqual(self.run_one(expect), [])

    def test_wrong_expectations(self):
        expect = """
expect:
  actions: ['rotate[npm-token]']
  actions-absent: [rotate]
  undetermined: ['rotate[npm-token]']
  due:
    rotate[item-4]: pending
    rotate[npm-token]: '2026-04-02T09:00:00Z'
    follow-up[globex]: pending
"""
        problems = "\n".join(self.run_one(expect))
        self.assertIn("expect actions: 'rotate[npm-token]' is expected but not produced", problems)
        self.assertIn("expect actions-absent: 'rotate' is produced but expected absent", problems)
        self.assertIn("'rotate[npm-token]' is not-required (npm token is not used in production.)", problems)
        self.assertIn("due rotate[item-4]: expected pending, the reference evaluator gives 2026-04-02T09:00:00Z", problems)
        self.assertIn("expect due: 'rotate[npm-token]' is not among the produced", problems)
        self.assertIn("expect due: 'follow-up[globex]' is not among the produced", problems)
        self.assertEqual(problems.count("\n"), 5)

    def test_answer_problems(self):
        problems = "\n".join(self.rb.run("""
answers:
  discovered_at: '2026-04-01T09:00:00Z'
  credentials_held: [deploy key, npm token]
  used_in_production: yes
  each-credential:
    deploy key: { credential_kind: ssh, used_in_production: no, rotated_at: '2026-03-01T00:00:00Z' }
    npm-token: { credential_kind: token, used_in_production: no, contract_notice: yes }
    gone: { credential_kind: ssh, used_in_production: no }
  each-clent:
    x: { contract_notice: yes }
expect: {}
""", check_schema=False))
        self.assertIn("answer 'used_in_production': a question of the repeated group each-credential", problems)
        self.assertIn("answer 'rotated_at[deploy-key]' is for a question that is not asked", problems)
        self.assertIn("'contract_notice' is not a question of the repeated group each-credential", problems)
        self.assertIn("'gone' is not an item of credentials_held (items: deploy key, npm token)", problems)
        self.assertIn("answer 'each-clent': no such question", problems)
        self.assertEqual(problems.count("\n"), 4)

    def test_coverage_counts_any_item(self):
        self.run_one("expect: {}")
        gaps = "\n".join(self.rb.coverage())
        self.assertEqual(gaps, "")

    def test_scope(self):
        def problems(old, new):
            self.assertIn(old, FOR_EACH)
            return "\n".join(Evaluated(FOR_EACH.replace(old, new), check_schema=False).load_problems)

        got = problems("({{credential_kind}})", "({{contract_notice}})")
        self.assertIn("actions rotate title: template {{contract_notice}} names no", got)
        got = problems("  - say: Go.", "  - say: Go {{credential_kind}}.")
        self.assertIn("decision[0] say: template {{credential_kind}}", got)
        got = problems("1 week after notify-client.sent", "1 week after rotated_at")
        self.assertIn("due anchor 'rotated_at' is not a date/datetime question", got)
        got = problems("    for-each: clients\n    questions", "    for-each: discovered_at\n    questions")
        self.assertIn("section each-client: for-each 'discovered_at' is not an earlier list or multi question", got)
        self.assertNotIn("{{item}}", got)
        got = problems("      - id: contract_notice", "      - id: item")
        self.assertIn("`item` is reserved", got)


# A for-each due with inventory references, and its default-due: cross-checked with `triage
# test` on the same runbook (Tests/TriageSessionTests/Inventory/DefaultDueTests.swift).

CLOCKS = """
runbook: clocks
title: Per-client clocks
version: '1.0.0'
sections:
  - id: start
    title: Start
    questions:
      - id: discovered_at
        ask: When?
        type: datetime
      - id: affected_clients
        ask: Which clients?
        type: list
        fact: affected_clients
severity:
  - level: low
decision:
  - say: Go.
threat-model:
  - changed: no
    because: 'No.'
notifications:
  - id: notify-client
    for-each: affected_clients
    to: 'client {{item}}'
    due: '{{item.notice_within}} after discovered_at'
    default-due: 72 hours after discovered_at
"""

CLOCKS_SCENARIO = """
recorded: '2026-04-01T10:00:00Z'
item-fields:
  affected_clients:
    acme: {notice_within: 24 hours}
    globex: {notice_within: promptly}
answers:
  discovered_at: '2026-04-01T09:00:00Z'
  affected_clients: [acme, globex, initech]
"""


class DefaultDue(unittest.TestCase):
    def test_an_item_without_a_clause_counts_by_the_default(self):
        rb = Evaluated(CLOCKS, check_schema=False)
        self.assertEqual(rb.load_problems, [])
        problems = rb.run(CLOCKS_SCENARIO + """
expect:
  notifications: ['notify-client[acme]', 'notify-client[globex]', 'notify-client[initech]']
  due:
    notify-client[acme]: '2026-04-02T09:00:00Z'
    notify-client[globex]: '2026-04-04T09:00:00Z'
    notify-client[initech]: '2026-04-04T09:00:00Z'
""", check_schema=False)
        self.assertEqual(problems, [])
        rule = rb.data["notifications"][0]
        _, note = vr.due_clock(rule, {"item": "initech", "discovered_at": utc("2026-04-01T09:00:00Z")})
        self.assertEqual(note, "no notice clause for initech in the inventory: default 72 hours after discovered_at")
        env = {"item": "globex", "item.notice_within": "promptly"}
        _, note = vr.due_clock(rule, env)
        self.assertEqual(note, 'the due time "{{item.notice_within}} after discovered_at" does not give a due rule for globex: default 72 hours after discovered_at')

    def test_without_a_default_the_item_is_undetermined(self):
        rb = Evaluated(CLOCKS.replace("    default-due: 72 hours after discovered_at\n", ""), check_schema=False)
        self.assertEqual(rb.load_problems, [])
        problems = rb.run(CLOCKS_SCENARIO + """
expect:
  notifications: ['notify-client[acme]']
  undetermined: ['notify-client[globex]', 'notify-client[initech]']
""", check_schema=False)
        self.assertEqual(problems, [])

    def test_default_due_is_checked_like_due(self):
        def problems(new):
            text = CLOCKS.replace("default-due: 72 hours after discovered_at", new)
            return "\n".join(Evaluated(text, check_schema=False).load_problems)

        self.assertIn("default-due anchor 'found_at' is not a date/datetime question", problems("default-due: 72 hours after found_at"))
        self.assertIn("default-due '72 fortnights after discovered_at'", problems("default-due: 72 fortnights after discovered_at"))
        self.assertIn("takes no references", problems("default-due: '{{item.notice_within}} after discovered_at'"))
        plain = CLOCKS.replace("'{{item.notice_within}} after discovered_at'", "24 hours after discovered_at")
        got = "\n".join(Evaluated(plain, check_schema=False).load_problems)
        self.assertIn("default-due is used only beside a due with references", got)

    def test_the_schema_takes_a_plain_default_due(self):
        import jsonschema

        runbook = schema("runbook")
        notification = {"id": "n", "to": "x", "due": "{{item.notice_within}} after discovered_at"}
        jsonschema.validate({**notification, "default-due": "72 hours after discovered_at"}, runbook["properties"]["notifications"]["items"] | {"$defs": runbook["$defs"]})
        with self.assertRaises(jsonschema.ValidationError):
            jsonschema.validate({**notification, "default-due": "{{item.x}} after discovered_at"}, runbook["properties"]["notifications"]["items"] | {"$defs": runbook["$defs"]})


# `item.NAME` in a for-each rule's `when` (cross-checked with ItemFieldConditionTests.swift).

ITEM_WHEN = """
runbook: items
title: Items
version: '1.0.0'
sections:
  - id: facts
    title: Facts
    questions:
      - id: credentials
        ask: Which credentials?
        type: list
severity:
  - level: low
decision:
  - say: Go.
threat-model:
  - changed: no
    because: 'No.'
actions:
  - id: rotate
    kind: rotate
    for-each: credentials
    title: 'Rotate {{item}}'
    when: not (item.kind == 'oauth-client')
    not-required:
      - when: item.kind == 'oauth-client'
        because: '{{item}} was revoked by the platform.'
    due: immediately
"""


class ItemFieldConditions(unittest.TestCase):
    def test_a_field_decides_each_item(self):
        rb = Evaluated(ITEM_WHEN, check_schema=False)
        self.assertEqual(rb.load_problems, [])
        problems = rb.run("""
item-fields:
  credentials:
    grant: {kind: oauth-client}
    deploy-key: {kind: ssh-key}
answers:
  credentials: [grant, deploy-key]
expect:
  actions: ['rotate[deploy-key]']
  not-required: ['rotate[grant]']
""", check_schema=False)
        self.assertEqual(problems, [])

    def test_without_fields_every_item_is_rotated(self):
        rb = Evaluated(ITEM_WHEN, check_schema=False)
        problems = rb.run("""
answers:
  credentials: [grant, deploy-key]
expect:
  actions: ['rotate[grant]', 'rotate[deploy-key]']
""", check_schema=False)
        self.assertEqual(problems, [])

    def test_an_unknown_field_or_one_outside_a_for_each_rule_is_refused(self):
        got = "\n".join(Evaluated(ITEM_WHEN.replace("not (item.kind", "not (item.knd"), check_schema=False).load_problems)
        self.assertIn("names 'item.knd', which is not a field an item carries", got)
        outside = ITEM_WHEN.replace("  - level: low", "  - level: low\n    when: item.kind == 'x'")
        got = "\n".join(Evaluated(outside, check_schema=False).load_problems)
        self.assertIn("names 'item.kind', which is not an earlier question or derive value", got)


if __name__ == "__main__":
    unittest.main()


class TemplateFallback(unittest.TestCase):
    """`{{name ?? text}}`: the text stands in for an unset or empty value (Template.rendered)."""

    def test_unset_and_empty_show_the_fallback(self):
        self.assertEqual(vr.render("to {{item.notice_to ?? their contact}}", {}), "to their contact")
        self.assertEqual(vr.render("{{owner??nobody}}", {"owner": ""}), "nobody")

    def test_a_set_value_wins_and_names_are_read(self):
        self.assertEqual(vr.render("{{ a ?? x }}", {"a": "set"}), "set")
        self.assertEqual(vr.template_names("{{a ?? x}} {{b}}"), ["a", "b"])
        self.assertEqual(vr.template_names("{{a ?? x}} {{b}}", bare_only=True), ["b"])
