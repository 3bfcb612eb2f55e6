"""The 24 scenarios of FACTS.md's table, stated with the command-line flags a user would type,
each with the pick FACTS.md gives, the integration pattern where it names one, and a caveat
where it marks the documentation ambiguous (A). Run one by one and as one batch."""

from __future__ import annotations

import json

import pytest

from .conftest import run_cli

# (FACTS.md scenario, flags, pick, integration pattern or None, caveat id or None)
SCENARIOS = [
    (1, "-t triggered -c email,push --data platform", "journey-optimizer", None, None),
    (2, "-t triggered -c in-app,web,code-based", "journey-optimizer", None, None),
    (3, "-t triggered -c email --messages-per-hour 18M", "journey-optimizer", None,
     "triggered-throughput-figures"),
    (4, "-t scheduled -c email --data platform", "journey-optimizer", None,
     "scheduled-both-blueprints"),
    (5, "-t scheduled -c email,sms,direct-mail --data etl", "campaign-v8", None, None),
    (6, "-t scheduled -c direct-mail", "campaign-v8", None, "direct-mail-both"),
    (7, "-t triggered -c email --need transactional --messages-per-hour 800k", "campaign-v8", None,
     "transactional-both"),
    (8, "-t triggered -c email --current campaign-v8", "journey-optimizer", "ajo-with-campaign-v8",
     "pairing-capacity"),
    (9, "-t triggered -c email --need audience-journeys --current campaign-v7", "journey-optimizer",
     None, "audience-journeys-pairing"),
    (10, "-t scheduled -c email --messages-per-hour 20M", "campaign-v8", None,
     "batch-throughput-figures"),
    (11, "-t scheduled -c email --data etl --profiles 500M", "campaign-v8", None, None),
    (12, "-t scheduled -c email --current campaign-v7", "campaign-v8", None, None),
    (13, "-t scheduled -c email --deployment on-premise", "campaign-v7", None,
     "hosting-outside-blueprints"),
    (14, "-t scheduled -c email --data etl --need platform-audiences", "campaign-v8",
     "rtcdp-with-campaign-v8", None),
    (15, "-t triggered -c email,push --need offers", "journey-optimizer", None, None),
    (16, "-t triggered -c custom", "journey-optimizer", "third-party-messaging", None),
    (17, "-t triggered -c email --need static-ip", "campaign-v8", None, "static-ip"),
    (18, "-t scheduled -c email --need multi-entity", "journey-optimizer", None, None),
    (19, "-t scheduled -c email,sms --need on-demand-audiences --latency minutes",
     "journey-optimizer", None, None),
    (20, "-t both -c push --current campaign-v8", "campaign-v8", "ajo-with-campaign-v8",
     "push-tokens-twice"),
    (21, "-t scheduled -c line", "campaign-v8", None, "line-diagrams-only"),
    (22, "-t scheduled -c email --data etl", "campaign-v8", None, "scheduled-both-blueprints"),
    (23, "-t scheduled -c email --data warehouse", "journey-optimizer", None, "warehouse-both"),
    (24, "-t scheduled -c email --current campaign-standard", "campaign-v8", None, None),
]
# FACTS.md scenario 9 and 24 accept either; 12 names v8 "(or AJO)".
ALSO_RIGHT = {9: {"campaign-v8"}, 12: {"journey-optimizer"}, 24: {"journey-optimizer"}}


def recommend(flags: str) -> tuple[int, dict]:
    result = run_cli(["recommend", *flags.split(), "--format", "json", "--no-input"])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize(("number", "flags", "pick", "pattern", "caveat"), SCENARIOS,
                         ids=[f"scenario-{s[0]}" for s in SCENARIOS])
def test_facts_scenario(number, flags, pick, pattern, caveat):
    code, data = recommend(flags)
    assert code == 0
    assert data["recommendation"]["id"] in {pick} | ALSO_RIGHT.get(number, set())
    assert (data["integration"] or {}).get("id") == pattern
    caveats = {c["id"]: c for c in data["caveats"]}
    if caveat is not None:
        assert caveat in caveats
        assert caveats[caveat]["text"] and len(caveats[caveat]["sources"]) >= 2


def test_every_scenario_table_row_is_covered():
    assert sorted(number for number, *_ in SCENARIOS) == list(range(1, 25))


def test_the_scenarios_as_one_batch(tmp_path):
    rows = []
    for _, flags, *_ in SCENARIOS:
        words = flags.split()
        row: dict = {}
        for flag, value in zip(words[::2], words[1::2]):
            key = {"-t": "trigger", "-c": "channels", "--need": "needs"}.get(
                flag, flag.lstrip("-").replace("-", "_"))
            row[key] = value
        rows.append(row)
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    batch = json.loads(result.stdout)
    for (number, flags, _, pattern, _), data in zip(SCENARIOS, batch):
        single = recommend(flags)[1]
        assert data["recommendation"]["id"] == single["recommendation"]["id"], number
        assert (data["integration"] or {}).get("id") == pattern, number
        assert data["caveats"] == single["caveats"], number


# Decision factors the scenarios above do not reach --------------------------------------------

def test_direct_mail_is_a_campaign_channel_of_journey_optimizer():
    code, data = recommend("-t triggered -c direct-mail")
    ajo = next(v for v in data["ranking"] if v["id"] == "journey-optimizer")
    assert not ajo["eligible"] and "only for" in ajo["blocked_by"][0]
    assert data["recommendation"]["id"] == "campaign-v8"


def test_in_app_is_a_journey_channel_only():
    code, data = recommend("-t scheduled -c in-app")
    assert code == 3 and data["recommendation"] is None


def test_latency_excludes_what_cannot_be_that_fast():
    code, data = recommend("-t scheduled -c email --data etl --latency minutes")
    assert data["recommendation"]["id"] == "journey-optimizer"
    v8 = next(v for v in data["ranking"] if v["id"] == "campaign-v8")
    assert not v8["eligible"] and "within the hour" in v8["blocked_by"][0]


def test_offers_never_travel_through_a_custom_channel():
    code, data = recommend("-t triggered -c custom --need offers")
    assert code == 3 and data["integration"] is None


def test_platform_audiences_to_campaign_need_a_day():
    code, data = recommend("-t scheduled -c email --data etl --need platform-audiences --latency hours")
    assert data["recommendation"]["id"] == "journey-optimizer"
    assert data["integration"] is None


def test_an_open_need_warns_and_does_not_exclude():
    code, data = recommend("-t scheduled -c email --data etl --need multi-entity")
    assert data["recommendation"]["id"] == "campaign-v8"
    assert any("does not say whether" in w for w in data["warnings"])


def test_contradictory_answers_say_what_blocks_what():
    code, data = recommend("-t triggered -c email --current journey-optimizer --deployment on-premise")
    assert code == 0 and data["recommendation"]["id"] == "campaign-v7"
    ajo = next(v for v in data["ranking"] if v["id"] == "journey-optimizer")
    assert not ajo["eligible"] and ajo["score"] >= 8


def test_an_existing_v7_adding_journey_optimizer_pairs_them_until_the_move():
    code, data = recommend("-t triggered -c email --current campaign-v7")
    assert data["recommendation"]["id"] == "journey-optimizer"
    assert data["integration"]["id"] == "ajo-with-campaign-v7"
    assert any("21.1" in w for w in data["warnings"])
    assert any("deprecated" in w for w in data["warnings"])


def test_no_hybrid_or_on_premise_pattern():
    code, data = recommend("-t triggered -c in-app --deployment hybrid")
    assert code == 3 and data["integration"] is None


@pytest.mark.parametrize(("flags", "message"), [
    ("-t triggered -c email --need ofers", "did you mean 'offers'"),
    ("-t triggered -c email --latency minuts", "did you mean 'minutes'"),
    ("-t triggered -c email --current campaign-v9", "did you mean 'campaign-v8'"),
    ("-t triggered -c lne", "did you mean 'line'"),
    ("-t triggered -c email --data warehous", "did you mean 'warehouse'"),
])
def test_unknown_values_of_the_new_flags(flags, message):
    result = run_cli(["recommend", *flags.split(), "--format", "json", "--no-input"])
    assert result.exit_code == 2 and message in result.stderr
