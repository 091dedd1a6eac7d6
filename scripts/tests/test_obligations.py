"""Unit tests of scripts/validate-runbooks' obligations library checks and its reference
evaluator of library scenarios (docs/obligations-format.md, docs/facts.md), on small inline
vocabularies and obligation files. Run with `scripts/validate-runbooks --self-test`.

Expected outcomes follow ObligationEvaluator. The inline scenarios of `Scenarios` were run with
`triage test` on the same files (it passes the first two and reports the same seven and five
problems for the others); differential_obligations.py compares the whole evaluator with triage
on random facts over the real library.
"""

import datetime as dt
import importlib.machinery
import importlib.util
import json
import os
import unittest

import yaml

_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "validate-runbooks")
_LOADER = importlib.machinery.SourceFileLoader("validate_runbooks_obligations_under_test", _SCRIPT)
vr = importlib.util.module_from_spec(importlib.util.spec_from_loader(_LOADER.name, _LOADER))
_LOADER.exec_module(vr)

# Thanksgiving and the day after New Year's Day are not here: only what the tests need.
CALENDARS = {"us-federal": {"2026-11-26", "2026-12-25"}, "xx-bank": {"2026-03-03"}}

FACTS = """
facts:
  - name: data_role
    type: choice
    description: Our relation to the data.
    choices: [owner, licensor, maintainer]
  - name: data_elements
    type: multi
    description: The data elements.
    choices: [name, ssn, contact-only]
  - name: data_encrypted
    type: yesno
    description: Encrypted.
  - name: key_compromised
    type: yesno
    description: The key was taken.
  - name: residents
    type: residents
    description: Counts per jurisdiction.
  - name: established_in
    type: list
    description: Where we are established.
  - name: aware_at
    type: datetime
    description: When we became aware.
  - name: material
    type: choice
    description: Material.
    choices: [yes-material, no-material, not-yet-determined]
  - name: hours
    type: number
    description: Hours.
"""

US_XX = """
obligations: us-xx
jurisdiction: US-XX
title: Test state
reviewed: '2026-12-04'
duties:
  - id: us-xx-residents
    title: Notify residents
    to: Residents ({{residents_here}})
    citation: Test Code 1
    url: https://example.invalid/1
    when: >-
      residents_here > 0 and data_role in ['owner', 'licensor'] and data_elements has 'ssn'
      and (not data_encrypted or key_compromised)
    due: 30 days after aware_at
    undetermined:
      - when: data_role == 'maintainer' and residents_here > 1000
        because: A big maintainer case.
    not-required:
      - when: residents_here > 0 and data_encrypted and key_compromised == false
        because: Encrypted.
  - id: us-xx-regulator
    title: Notify the regulator
    to: Regulator
    citation: Test Code 2
    url: https://example.invalid/2
    in-force-from: '2026-03-01'
    in-force-until: '2026-06-30'
    when: residents_here >= 500
    due: 5 business days after aware_at
  - id: us-xx-follow-up
    title: Follow up
    to: Regulator
    citation: Test Code 3
    url: https://example.invalid/3
    when: residents_here >= 500
    due: 2 business days after us-xx-regulator.sent
"""

XX_BANK = """
obligations: xx--bank
jurisdiction: XX
title: Test bank rule
reviewed: '2026-12-04'
holidays: xx-bank
duties:
  - id: xx--bank-report
    title: Report
    to: Bank regulator
    citation: Bank rule 1
    url: https://example.invalid/b
    due: 2 business days after aware_at
  - id: xx-bank-weekends-only
    title: Report again
    to: Bank regulator
    citation: Bank rule 2
    url: https://example.invalid/b2
    when: hours >= 4
    due: 2 business days after aware_at
"""

ANY_CONTRACTS = """
obligations: any--contracts
jurisdiction: ANY
title: Contracts
reviewed: '2026-12-04'
holidays: none
duties:
  - id: any--contracts-clients
    title: Tell clients
    to: Clients
    citation: Contract
    url: https://example.invalid/c
    when: hours >= 24 or material == 'yes-material'
    due: 1 business days after aware_at
  - id: any--contracts-everyone
    title: Tell everyone
    to: Everyone ({{residents_total}})
    citation: Contract
    url: https://example.invalid/e
    when: residents_total > 10
    no-fixed-deadline: as soon as practicable
"""

EU_TEST = """
obligations: eu--test
jurisdiction: EU
title: EU test
reviewed: '2026-12-04'
duties:
  - id: eu--test-authority
    title: Tell the authority
    to: Authority ({{residents_here}})
    citation: Art. 1
    url: https://example.invalid/eu
    when: residents_here > 0 or established_in has 'DE'
    due: 72 hours after aware_at
"""


def schema(name):
    with open(os.path.join(vr.ROOT, "Schemas", f"{name}.schema.json"), encoding="utf-8") as f:
        return json.load(f)


def library(*files, facts=FACTS):
    """A library of the inline vocabulary and files (id → YAML text); the problems it gave."""
    vr.PROBLEMS.clear()
    lib = vr.Library()
    folder = os.path.join(vr.ROOT, "Runbooks", "obligations")
    vr.load_vocabulary(os.path.join(folder, "facts.yaml"), yaml.safe_load(facts), schema("facts"), lib)
    for name, text in files:
        data = yaml.load(text, Loader=vr._StrictLoader)
        vr.check_obligation_file(os.path.join(folder, f"{name}.yaml"), data, schema("obligations"), lib, CALENDARS)
    vr.check_due_anchors(lib)
    return lib, list(vr.PROBLEMS)


def standard():
    lib, problems = library(("us-xx", US_XX), ("xx--bank", XX_BANK), ("any--contracts", ANY_CONTRACTS), ("eu--test", EU_TEST))
    assert problems == [], problems
    return lib


def replay(lib, text):
    """Replays a library scenario (YAML text); the problems it gave."""
    vr.PROBLEMS.clear()
    scenario = yaml.load(text, Loader=vr._StrictLoader)
    scenario.setdefault("scenario", "inline")
    scenario.setdefault("obligations", "library")
    vr.schema_check("inline.yaml", scenario, schema("scenario"))
    vr.replay_library("inline.yaml", scenario, lib, CALENDARS)
    return list(vr.PROBLEMS)


def states(lib, facts, recorded="2026-04-01T12:00:00Z"):
    """{duty id: state} for typed `facts` (a mapping of YAML values)."""
    typed = vr.typed_facts("inline.yaml", lib, facts)
    out = vr.library_outcomes(lib, typed, vr.parse_time(recorded), CALENDARS)
    return {i: (o[3] if o[3] == "required" else (o[3][0], o[3][2])) for i, o in out.items()}


class Residents(unittest.TestCase):
    def test_items(self):
        self.assertEqual(vr.resident_counts(["US-TX: 1200", "DE:40", "CA-QC: ?"]), [("US-TX", 1200), ("DE", 40), ("CA-QC", None)])
        for bad in (["Texas: 3"], ["US-TX 3"], ["US-TX: -1"], ["us-tx: 3"], ["US-TX: 1.5"], "US-TX: 3"):
            self.assertIsNone(vr.resident_counts(bad), bad)

    def test_codes_within(self):
        self.assertTrue(vr.code_within("US-TX", "US"))
        self.assertTrue(vr.code_within("US-TX", "US-TX"))
        self.assertFalse(vr.code_within("US-TX", "US-CA"))
        self.assertFalse(vr.code_within("US", "US-TX"))
        self.assertTrue(vr.code_within("DE", "EU"))
        self.assertTrue(vr.code_within("FR-75", "EU"))
        self.assertFalse(vr.code_within("GB", "EU"))
        self.assertTrue(vr.code_within("GB", "ANY"))

    def test_counts_and_unknown(self):
        entries = vr.resident_counts(["US-TX: 10", "US-CA: 5", "DE: ?"])
        self.assertEqual(vr.count_in(entries, "US"), 15)
        self.assertEqual(vr.count_in(entries, "US-NY"), 0)
        self.assertIsNone(vr.count_in(entries, "EU"))
        self.assertIsNone(vr.count_in(entries, "ANY"))
        values = vr.scope_values({"residents": ["US-TX: 10", "DE: ?"]}, "US-TX")
        self.assertEqual((values["residents_here"], values["jurisdiction"]), (10.0, "US-TX"))
        self.assertNotIn("residents_total", values)

    def test_involved(self):
        self.assertEqual(vr.involved_jurisdictions({"residents": ["US-TX: 1", "FR: 2"], "established_in": [" gb "]}), {"US-TX", "US", "FR", "EU", "GB"})
        self.assertEqual(vr.involved_jurisdictions({"residents": ["Texas: 1"]}), set())


class MissingFacts(unittest.TestCase):
    def missing(self, text, values):
        return vr.missing_facts(vr.Parser(text).parse(), values)

    def test_and_stops_at_a_known_false_side(self):
        self.assertEqual(self.missing("a and b", {"a": False}), [])
        self.assertEqual(self.missing("a and b", {"a": True}), ["b"])
        self.assertEqual(self.missing("a and b", {}), ["a", "b"])

    def test_or_stops_at_a_known_true_side(self):
        self.assertEqual(self.missing("not data_encrypted or key_compromised", {"data_encrypted": False}), [])
        self.assertEqual(self.missing("not data_encrypted or key_compromised", {"data_encrypted": True}), ["key_compromised"])

    def test_counts_are_residents_once(self):
        self.assertEqual(self.missing("residents_here > 0 and residents_total > 5 and x == 'y'", {}), ["residents", "x"])
        # `not (…)` and comparisons name every unset name inside them.
        self.assertEqual(self.missing("not (a and b)", {"a": False}), ["b"])


class States(unittest.TestCase):
    def setUp(self):
        self.lib = standard()

    def test_required_undetermined_not_required_missing_and_absent(self):
        base = {"data_role": "owner", "data_elements": ["name", "ssn"], "aware_at": "2026-04-01T09:00:00Z"}
        got = states(self.lib, dict(base, data_encrypted="no", residents=["US-XX: 600"]))
        self.assertEqual(got["us-xx-residents"], "required")
        self.assertEqual(got["us-xx-regulator"], "required")
        got = states(self.lib, dict(base, data_encrypted="yes", key_compromised="no", residents=["US-XX: 6"]))
        self.assertEqual(got["us-xx-residents"], ("not-required", "Encrypted."))
        got = states(self.lib, dict(base, data_role="maintainer", residents=["US-XX: 2000"]))
        self.assertEqual(got["us-xx-residents"], ("undetermined", "A big maintainer case."))
        got = states(self.lib, dict(base, data_encrypted="yes", residents=["US-XX: 6"]))
        self.assertEqual(got["us-xx-residents"], ("undetermined", "missing facts: key_compromised"))
        got = states(self.lib, dict(base, data_encrypted="no", residents=["US-XX: ?"]))
        self.assertEqual(got["us-xx-residents"], ("undetermined", "missing facts: residents"))
        got = states(self.lib, dict(base, data_encrypted="no", residents=["US-XX: 0"]))
        self.assertNotIn("us-xx-residents", got)

    def test_a_blank_fact_is_not_given(self):
        # `data_elements: []` is no answer (docs/answers-format.md), as triage reads it: unset.
        base = {"data_role": "owner", "data_encrypted": "no", "residents": ["US-XX: 6"]}
        self.assertEqual(states(self.lib, dict(base, data_elements=[]))["us-xx-residents"], ("undetermined", "missing facts: data_elements"))
        self.assertEqual(states(self.lib, dict(base, data_elements=["ssn"], data_role="  "))["us-xx-residents"], ("undetermined", "missing facts: data_role"))
        self.assertTrue(vr.blank(None) and vr.blank([]) and vr.blank([" "]) and not vr.blank(False) and not vr.blank(0))

    def test_files_by_jurisdiction(self):
        got = states(self.lib, {"residents": ["US-YY: 5"], "hours": 30})
        self.assertFalse(any(i.startswith(("us-xx", "xx", "eu")) for i in got))
        self.assertEqual(got["any--contracts-clients"], "required")
        got = states(self.lib, {"residents": ["FR: 5"], "established_in": ["XX"]})
        self.assertEqual(got["eu--test-authority"], "required")
        self.assertEqual(got["xx--bank-report"], "required")
        self.assertEqual(got["xx-bank-weekends-only"], ("undetermined", "missing facts: hours"))
        # A lower-case code chooses the file (the engine upper-cases it) but is not 'DE' in the
        # condition, and residents is unset.
        got = states(self.lib, {"established_in": ["de"]})
        self.assertEqual(got["eu--test-authority"], ("undetermined", "missing facts: residents"))
        self.assertEqual(states(self.lib, {"established_in": ["DE"]})["eu--test-authority"], "required")

    def test_in_force_on_the_day_of_aware_at_else_recorded(self):
        facts = {"residents": ["US-XX: 600"]}
        for aware, listed in (("2026-02-28T23:59:00Z", False), ("2026-03-01T00:00:00Z", True), ("2026-06-30T23:00:00Z", True), ("2026-07-01T00:00:00Z", False), ("2026-03-01T02:00:00+05:00", False)):
            got = states(self.lib, dict(facts, aware_at=aware))
            self.assertEqual("us-xx-regulator" in got, listed, aware)
        self.assertIn("us-xx-regulator", states(self.lib, facts, recorded="2026-05-05T00:00:00Z"))
        self.assertNotIn("us-xx-regulator", states(self.lib, facts, recorded="2026-08-05T00:00:00Z"))


class Scenarios(unittest.TestCase):
    def setUp(self):
        self.lib = standard()

    def test_expectations_that_hold(self):
        problems = replay(self.lib, """
recorded: '2026-11-25T12:00:00Z'
facts:
  data_role: owner
  data_elements: [name, ssn]
  data_encrypted: no
  residents: ['US-XX: 600']
  established_in: [XX]
  hours: 30
  aware_at: '2026-11-24T10:00:00Z'
sent: {us-xx-regulator: '2026-11-25T09:00:00Z'}
expect:
  notifications: [us-xx-residents, us-xx-follow-up, xx--bank-report, any--contracts-clients]
  notifications-absent: [us-xx-regulator, eu--test-authority]
  due:
    us-xx-residents: '2026-12-24T10:00:00Z'
    # Tue 24 Nov; Thanksgiving (26 Nov) is a us-federal holiday: Wed 25, Fri 27.
    xx--bank-report: '2026-11-26T10:00:00Z'
    xx-bank-weekends-only: '2026-11-26T10:00:00Z'
    any--contracts-clients: '2026-11-25T10:00:00Z'
    # sent Wed 25 Nov 09:00; the file has no calendar: us-federal skips Thanksgiving.
    us-xx-follow-up: '2026-11-30T09:00:00Z'
""")
        self.assertEqual(problems, [])

    def test_file_calendars(self):
        problems = replay(self.lib, """
recorded: '2026-03-02T12:00:00Z'
facts:
  established_in: [XX]
  hours: 5
  aware_at: '2026-03-02T10:00:00Z'
expect:
  due:
    # xx-bank skips Tue 3 Mar: Wed 4, Thu 5.
    xx--bank-report: '2026-03-05T10:00:00Z'
    xx-bank-weekends-only: '2026-03-05T10:00:00Z'
""")
        self.assertEqual(problems, [])

    def test_wrong_expectations_are_reported(self):
        problems = replay(self.lib, """
recorded: '2026-04-02T12:00:00Z'
facts:
  data_role: owner
  data_elements: [name, ssn]
  data_encrypted: yes
  residents: ['US-XX: 600']
  aware_at: '2026-04-01T10:00:00Z'
expect:
  notifications: [us-xx-residents, us-xx-nothing]
  notifications-absent: [us-xx-regulator]
  not-required: [us-xx-residents]
  undetermined: [us-xx-follow-up]
  due:
    us-xx-regulator: '2026-04-09T10:00:00Z'
    us-xx-follow-up: '2026-04-09T10:00:00Z'
""")
        text = "\n".join(problems)
        self.assertIn("'us-xx-residents' is expected but not required by the reference evaluator (undetermined (missing facts: key_compromised))", text)
        self.assertIn("'us-xx-nothing' is not a duty of the library", text)
        self.assertIn("'us-xx-regulator' is required but expected absent", text)
        self.assertIn("expect not-required: 'us-xx-residents' is undetermined (missing facts: key_compromised)", text)
        self.assertIn("expect undetermined: 'us-xx-follow-up' is required", text)
        self.assertIn("due us-xx-regulator: expected 2026-04-09T10:00:00Z, the reference evaluator gives 2026-04-08T10:00:00Z", text)
        self.assertIn("due us-xx-follow-up: expected 2026-04-09T10:00:00Z, the reference evaluator gives pending", text)
        self.assertEqual(len(problems), 7, problems)

    def test_fact_problems(self):
        problems = replay(self.lib, """
recorded: '2026-04-02T12:00:00Z'
facts:
  data_rol: owner
  data_elements: [name, passport]
  residents: ['Texas: 3']
  hours: many
sent: {us-xx-nothing: '2026-04-02T12:00:00Z'}
expect: {}
""")
        text = "\n".join(problems)
        self.assertIn("facts: 'data_rol' is not a fact of Runbooks/obligations/facts.yaml (did you mean data_role?)", text)
        self.assertIn("facts data_elements: 'passport' is not one of", text)
        self.assertIn("facts residents: every item is CODE: COUNT", text)
        self.assertIn("facts hours:", text)
        self.assertIn("sent: 'us-xx-nothing' is not a duty of the library", text)


RUNBOOK = """
runbook: uses-library
title: Uses the library
version: 1.0.0
obligations: [us-*, any--contracts]
sections:
  - id: facts
    title: Facts
    questions:
      - {id: role, ask: 'Role', type: choice, choices: [owner, maintainer], fact: data_role}
      - {id: elements, ask: 'Elements', type: multi, choices: [name, ssn], fact: data_elements}
      - {id: encrypted, ask: 'Encrypted', type: yesno, fact: data_encrypted}
      - {id: counts, ask: 'Residents', type: list, fact: residents}
      - {id: aware, ask: 'Aware', type: datetime, fact: aware_at}
notifications:
  - id: own-follow-up
    to: Us
    due: 1 days after us-xx-residents.sent
severity:
  - level: low
decision:
  - say: Decide.
"""


class RunbookWithLibrary(unittest.TestCase):
    def test_duties_join_the_runbook_notifications(self):
        lib = standard()
        vr.PROBLEMS.clear()
        vr.LIBRARY, vr.CALENDARS = lib, CALENDARS
        try:
            data = yaml.safe_load(RUNBOOK)
            path = os.path.join(vr.ROOT, "Runbooks", "uses-library.yaml")
            vr.schema_check(path, data, schema("runbook"))
            rb = vr.check_runbook(path, data, CALENDARS)
            self.assertEqual(vr.PROBLEMS, [])
            scenario = yaml.safe_load("""
recorded: '2026-04-02T12:00:00Z'
answers: {role: owner, encrypted: no, counts: ['US-XX: 600', 'DE: 3'], aware: '2026-04-01T10:00:00Z'}
facts: {data_elements: [ssn]}
sent: {us-xx-residents: '2026-04-03T08:00:00Z'}
expect:
  notifications: [own-follow-up, us-xx-residents, us-xx-regulator]
  notifications-absent: [eu--test-authority, xx--bank-report]
  due:
    own-follow-up: '2026-04-04T08:00:00Z'
    us-xx-residents: '2026-05-01T10:00:00Z'
    us-xx-follow-up: pending
""")
            vr.replay("inline.yaml", scenario, rb, set())
            text = "\n".join(vr.PROBLEMS)
            # eu--test is not selected by the runbook's globs: it is no duty the scenario may name.
            self.assertIn("expect notifications-absent: 'eu--test-authority' is not defined in runbook uses-library", text)
            self.assertIn("expect notifications-absent: 'xx--bank-report' is not defined", text)
            self.assertEqual(len(vr.PROBLEMS), 2, vr.PROBLEMS)
        finally:
            vr.LIBRARY, vr.CALENDARS = None, {}


class Coverage(unittest.TestCase):
    def test_duties_never_required_and_entries_never_matched(self):
        lib, _ = library(("us-xx", US_XX))
        vr.PROBLEMS.clear()
        scenario = {"recorded": "2026-04-02T12:00:00Z", "facts": {"data_role": "owner", "data_elements": ["ssn"], "data_encrypted": "yes", "key_compromised": "no", "residents": ["US-XX: 600"], "aware_at": "2026-04-01T10:00:00Z"}}
        results = [vr.replay_library("inline.yaml", scenario, lib, CALENDARS)]
        vr.library_coverage(lib, results)
        self.assertEqual(vr.PROBLEMS, [
            "Runbooks/obligations/us-xx.yaml: coverage: no library scenario makes duty us-xx-residents required",
            "Runbooks/obligations/us-xx.yaml: coverage: no library scenario matches undetermined entry 1 of us-xx-residents",
        ])


class FileChecks(unittest.TestCase):
    def problems(self, name, text):
        return library(("us-xx", US_XX), (name, text))[1]

    def test_the_standard_files_pass(self):
        self.assertEqual(library(("us-xx", US_XX), ("xx--bank", XX_BANK), ("any--contracts", ANY_CONTRACTS), ("eu--test", EU_TEST))[1], [])

    def test_names_jurisdictions_and_ids(self):
        text = XX_BANK.replace("jurisdiction: XX", "jurisdiction: US").replace("id: xx-bank-weekends-only", "id: xy-bank-weekends-only")
        got = "\n".join(self.problems("xx--bonk", text))
        self.assertIn("xx--bonk.yaml: file name should be xx--bank.yaml", got)
        self.assertIn("jurisdiction US is not the one the id xx--bank names (XX)", got)
        self.assertIn("duty xy-bank-weekends-only: the id should start with xx--bank- (or xx-bank-)", got)

    def test_duplicate_duty_ids(self):
        got = "\n".join(library(("us-xx", US_XX), ("us-xx--two", US_XX.replace("obligations: us-xx", "obligations: us-xx--two")))[1])
        self.assertIn("duty us-xx-residents: defined twice (first in us-xx.yaml)", got)

    def test_conditions_and_templates(self):
        text = EU_TEST.replace("established_in has 'DE'", "established_inn has 'DE'").replace("({{residents_here}})", "({{residents_hear}})")
        got = "\n".join(self.problems("eu--test", text))
        self.assertIn("'established_inn' is not a fact or a scope name (did you mean established_in?)", got)
        self.assertIn("template {{residents_hear}} is not a fact or a scope name", got)
        got = "\n".join(self.problems("eu--test", EU_TEST.replace("residents_here > 0 or established_in has 'DE'", "material == 'yes'")))
        self.assertIn("'yes' is not a choice of material", got)
        got = "\n".join(self.problems("eu--test", EU_TEST.replace("residents_here > 0 or", "data_encrypted == 'yes' or")))
        self.assertIn("data_encrypted is a yesno", got)

    def test_a_yaml_boolean_condition_is_a_schema_problem_but_read_as_text(self):
        lib, problems = library(("eu--test", EU_TEST.replace("when: residents_here > 0 or established_in has 'DE'", "when: false")))
        self.assertEqual(problems, ["Runbooks/obligations/eu--test.yaml: schema: duties/0/when: False is not of type 'string'"])
        self.assertNotIn("eu--test-authority", states(lib, {"residents": ["DE: 4"]}))

    def test_citations_dates_and_due(self):
        text = US_XX.replace("    citation: Test Code 2\n", "").replace("in-force-until: '2026-06-30'", "in-force-until: '2026-02-30'")
        text = text.replace("due: 30 days after aware_at", "due: 30 days after data_role").replace("url: https://example.invalid/3", "url: ftp://example.invalid/3")
        text = text.replace("us-xx-regulator.sent", "us-xx-regulatr.sent").replace("reviewed: '2026-12-04'", "reviewed: '2026-13-04'")
        got = "\n".join(library(("us-xx", text))[1])
        self.assertIn("'citation' is a required property", got)
        self.assertIn("duty us-xx-regulator: no citation", got)
        self.assertIn("in-force-until '2026-02-30' is not a real YYYY-MM-DD date", got)
        self.assertIn("due anchor 'data_role' is not a datetime fact", got)
        self.assertIn("due anchor 'us-xx-regulatr.sent' is not a library duty's `ID.sent`", got)
        self.assertIn("duty us-xx-follow-up: url 'ftp://example.invalid/3' is not http or https", got)
        self.assertIn("reviewed '2026-13-04' is not a real YYYY-MM-DD date", got)
        got = "\n".join(library(("us-xx", US_XX.replace("'2026-03-01'", "'2026-07-01'")))[1])
        self.assertIn("duty us-xx-regulator: in-force-from is after in-force-until", got)
        got = "\n".join(library(("us-xx", US_XX.replace("    due: 2 business days after us-xx-regulator.sent\n", "")))[1])
        self.assertIn("duty us-xx-follow-up: neither `due` nor `no-fixed-deadline`", got)

    def test_vocabulary(self):
        facts = FACTS + "  - name: jurisdiction\n    type: text\n    description: x\n  - name: hours\n    type: number\n    description: again\n    choices: [a]\n"
        got = "\n".join(library(facts=facts)[1])
        self.assertIn("fact 'jurisdiction' is a name the engine binds", got)
        self.assertIn("fact 'hours' is defined twice", got)
        self.assertIn("fact hours: only choice and multi facts take choices", got)
        self.assertIn("schema: facts/10", got)

    def test_schemas_take_library_duty_ids(self):
        import jsonschema

        scenario = {"scenario": "x", "obligations": "library", "recorded": "2026-01-01T00:00:00Z", "facts": {}, "expect": {"notifications": ["eu--gdpr-authority"], "due": {"eu--gdpr-authority": "pending"}}}
        self.assertEqual(list(jsonschema.Draft202012Validator(schema("scenario")).iter_errors(scenario)), [])
        lib, problems = library(("eu--test", EU_TEST))
        self.assertEqual(problems, [])


if __name__ == "__main__":
    unittest.main()
