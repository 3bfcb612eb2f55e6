"""Validation of the YAML data: every problem names the file and its key path or line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from journey_advisor.errors import DataError
from journey_advisor.knowledge.facts import load_facts
from journey_advisor.knowledge.files import read_text
from journey_advisor.knowledge.resources import data_dir
from journey_advisor.knowledge.rules import load_rules
from journey_advisor.knowledge.strings import load_glossary, load_strings


def _write(tmp_path: Path, name: str, data) -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False),
                    encoding="utf-8")
    return path


@pytest.fixture
def rules_data():
    return yaml.safe_load((data_dir() / "rules.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def facts_data():
    return yaml.safe_load((data_dir() / "blueprints.yaml").read_text(encoding="utf-8"))


def test_bundled_rules_and_facts_load():
    rules = load_rules(data_dir() / "rules.yaml")
    facts = load_facts(data_dir() / "blueprints.yaml")
    assert [q.id for q in rules.questions][:2] == ["trigger", "channels"]
    assert set(facts) == {"journey-optimizer", "campaign-v8", "campaign-v7"}


def test_unknown_rule_key_is_named_with_its_path(tmp_path, rules_data):
    rules_data["rules"][3]["wehn"] = {"trigger": ["triggered"]}
    with pytest.raises(DataError) as caught:
        load_rules(_write(tmp_path, "rules.yaml", rules_data))
    assert "rules.yaml: rules[3].wehn: unknown key" in str(caught.value)


def test_unknown_condition_and_value_are_named(tmp_path, rules_data):
    rules_data["rules"][6]["when"] = {"budget": ["high"]}
    rules_data["rules"][7]["when"] = {"trigger": ["trigered"]}
    with pytest.raises(DataError) as caught:
        load_rules(_write(tmp_path, "rules.yaml", rules_data))
    message = str(caught.value)
    assert "rules[6].when.budget: unknown key" in message
    assert "rules[7].when.trigger[0]: 'trigered' is not one of triggered, scheduled, both" in message
    assert "did you mean 'triggered'" in message


def _score_rule(data: dict) -> dict:
    return next(rule for rule in data["rules"] if rule["effect"] == "score")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["rules"][0].update(effect="boost"), "rules[0].effect: 'boost' is not one of"),
        (lambda d: d["rules"][0].update(check="colour"), "rules[0].check: 'colour' is not one of"),
        (lambda d: _score_rule(d).update(points=-2), ".points: expected a whole number"),
        (lambda d: _score_rule(d).pop("when"), ".when: a score rule needs a condition"),
        (lambda d: _score_rule(d).update(blueprints=["campaign-v9"]), ".blueprints[0]: 'campaign-v9'"),
        (lambda d: _score_rule(d).update(when={"needs": ["ofers"]}),
         ".when.needs[0]: 'ofers' is not one of"),
        (lambda d: _score_rule(d).update(when={"profiles": 5}), ".when.profiles: expected a mapping"),
        (lambda d: _score_rule(d).update(when={"profiles": {"at_least": -1}}),
         ".when.profiles.at_least: expected a whole number of at least 1"),
        (lambda d: d["rules"][0].update(effect="warn", check=None),
         "rules[0].check: a warn rule needs a check or, for a warning, a condition"),
        (lambda d: d["rules"].append(dict(d["rules"][0])), "duplicate rule id 'channel-unsupported'"),
        (lambda d: d.update(tie_break=["campaign-v8"]), "tie_break: must list each of"),
        (lambda d: d.update(near_limit_ratio=3), "near_limit_ratio: expected a number above 0"),
        (lambda d: d["questions"][1].update(options=["email"]), "questions[1].options: must be exactly"),
        (lambda d: d["questions"][2].update(default="moon"), "questions[2].default: 'moon' is not one of"),
        (lambda d: d["integrations"][0].update(members=["x"]), "integrations[0].members[0]: 'x'"),
        (lambda d: d["integrations"][0]["suggest_when"][0].update(pick=["y"]),
         "integrations[0].suggest_when[0].pick[0]"),
        (lambda d: d["integrations"][1].update(needs={"offers": "maybe"}),
         "integrations[1].needs.offers: 'maybe' is not one of yes, no, open"),
        (lambda d: d["integrations"][1].update(latency="weeks"), "integrations[1].latency: 'weeks'"),
        (lambda d: d["integrations"][1]["constraints"][0].pop("reason"),
         "integrations[1].constraints[0].reason: missing"),
        (lambda d: d["caveats"][0].update(sources=[]),
         "caveats[0].sources: a caveat names the sources that conflict"),
        (lambda d: d["caveats"][0]["when"].update(integration=["no-such-pattern"]),
         "caveats[0].when.integration[0]: 'no-such-pattern' is not one of"),
        (lambda d: d["caveats"][0].update(when={"pik": ["campaign-v8"]}),
         "caveats[0].when.pik: unknown key (did you mean 'pick'?)"),
        (lambda d: d.pop("caveats"), "caveats: missing"),
        (lambda d: d.pop("questions"), "questions: missing"),
    ],
)
def test_rule_problems(tmp_path, rules_data, change, expected):
    change(rules_data)
    with pytest.raises(DataError) as caught:
        load_rules(_write(tmp_path, "rules.yaml", rules_data))
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["blueprints"]["campaign-v8"]["channels"]["email"].update(supported="yes"),
         "blueprints.campaign-v8.channels.email.supported: expected true or false"),
        (lambda d: d["blueprints"]["campaign-v8"]["needs"]["offers"].update(meets="perhaps"),
         "blueprints.campaign-v8.needs.offers.meets: 'perhaps' is not one of yes, no, open"),
        (lambda d: d["blueprints"]["campaign-v8"]["latency"]["scheduled"].update(level="weekly"),
         "blueprints.campaign-v8.latency.scheduled.level: 'weekly' is not one of"),
        (lambda d: d["blueprints"]["journey-optimizer"]["channels"]["in-app"].update(models=["batch"]),
         "blueprints.journey-optimizer.channels.in-app.models[0]: 'batch' is not one of"),
        (lambda d: d["blueprints"]["journey-optimizer"]["guardrails"][0].pop("withdrawn"),
         "blueprints.journey-optimizer.guardrails[0].withdrawn: a withdrawn figure needs the date"),
        (lambda d: d["blueprints"]["campaign-v7"].pop("needs"), "blueprints.campaign-v7.needs: missing"),
        (lambda d: d["blueprints"]["campaign-v8"]["channels"].update(fax={"supported": True, "source": "x"}),
         "blueprints.campaign-v8.channels.fax: unknown key"),
        (lambda d: d["blueprints"]["campaign-v7"].update(status="retired"),
         "blueprints.campaign-v7.status: 'retired' is not one of current, deprecated"),
        (lambda d: d["blueprints"]["campaign-v7"]["guardrails"][0].update(limit="lots"),
         "blueprints.campaign-v7.guardrails[0].limit: expected a whole number"),
        (lambda d: d["blueprints"]["campaign-v7"]["guardrails"][0].update(measure="budget"),
         "blueprints.campaign-v7.guardrails[0].measure: 'budget' is not one of"),
        (lambda d: d["blueprints"].pop("campaign-v7"), "blueprints.campaign-v7: missing"),
        (lambda d: d["blueprints"]["journey-optimizer"]["engagement"]["triggered"].pop("source"),
         "blueprints.journey-optimizer.engagement.triggered.source: missing"),
    ],
)
def test_fact_problems(tmp_path, facts_data, change, expected):
    change(facts_data)
    with pytest.raises(DataError) as caught:
        load_facts(_write(tmp_path, "blueprints.yaml", facts_data))
    assert expected in str(caught.value)


def test_every_problem_is_reported_at_once(tmp_path, rules_data):
    rules_data["rules"][0]["effect"] = "boost"
    rules_data["rules"][9]["points"] = 0
    with pytest.raises(DataError) as caught:
        load_rules(_write(tmp_path, "rules.yaml", rules_data))
    assert "rules[0].effect" in str(caught.value) and "rules[9].points" in str(caught.value)


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    path = _write(tmp_path, "rules.yaml", "schema_version: 1\nrules:\n  - id: [unclosed\n")
    with pytest.raises(DataError) as caught:
        load_rules(path)
    assert str(caught.value).startswith(f"{path}:4: invalid YAML")


@pytest.mark.parametrize("content", ["", "[]", "just text"])
def test_wrong_shapes(tmp_path, content):
    with pytest.raises(DataError) as caught:
        load_rules(_write(tmp_path, "rules.yaml", content))
    assert "expected a mapping" in str(caught.value)


def test_python_tags_never_run(tmp_path):
    path = _write(tmp_path, "rules.yaml", "x: !!python/object/apply:os.system ['echo owned']\n")
    with pytest.raises(DataError) as caught:
        load_rules(path)
    assert "invalid YAML" in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(DataError) as caught:
        load_rules(tmp_path / "nope.yaml")
    assert "nope.yaml: no such file" in str(caught.value)


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(DataError) as caught:
        load_rules(tmp_path)
    assert "is a folder" in str(caught.value)


def test_read_text_handles_bom_and_crlf(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n")
    assert read_text(path, 1000) == "a: 1\nb: 2\n"


@pytest.mark.parametrize(("raw", "expected"), [
    (b"a: \xe9t\xe9\n", "not valid UTF-8"), (b"a\x00b", "binary data"), (b"x" * 2000, "larger than")])
def test_read_text_refuses_bad_bytes(tmp_path, raw, expected):
    path = tmp_path / "a.yaml"
    path.write_bytes(raw)
    with pytest.raises(DataError) as caught:
        read_text(path, 1000)
    assert expected in str(caught.value)


def test_strings_flatten_and_refuse_lists(tmp_path):
    assert load_strings(_write(tmp_path, "s.yaml", {"a": {"b": "x"}, "c": "y"})) == {"a.b": "x", "c": "y"}
    with pytest.raises(DataError) as caught:
        load_strings(_write(tmp_path, "t.yaml", {"a": ["x"]}))
    assert "a: expected text or a mapping" in str(caught.value)


def test_glossary_needs_its_sections(tmp_path):
    with pytest.raises(DataError) as caught:
        load_glossary(_write(tmp_path, "g.yaml", {"locale": "xx", "native_name": "X", "terms": {}}))
    assert "headings: missing" in str(caught.value)
