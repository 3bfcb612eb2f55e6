"""The rule engine against the bundled facts and rules: the scenarios FACTS.md settles, every rule
firing at least once, every blueprint winning at least once, guardrails, no-fit and integrations."""

from __future__ import annotations

import pytest

from journey_advisor.core.engine import evaluate, exit_code_for, judge
from journey_advisor.core.patterns import choose_integration, covers
from journey_advisor.models import Count, Date, Message, Term, Terms

from ..conftest import answers

# (answers, expected pick, expected integration id). Each row cites the FACTS.md scenario it
# follows where there is one.
SCENARIOS = [
    (answers("triggered", ("email", "push"), data="platform"), "journey-optimizer", None),  # 1
    (answers("triggered", ("in-app", "web", "code-based")), "journey-optimizer", None),  # 2
    (answers("scheduled", ("email",), data="platform"), "journey-optimizer", None),  # 4
    (answers("scheduled", ("email", "sms", "direct-mail"), data="etl"), "campaign-v8", None),  # 5
    (answers("scheduled", ("direct-mail",)), "campaign-v8", None),  # 6
    (answers("scheduled", ("email",), messages_per_hour=30_000_000), "journey-optimizer", None),  # 10
    (answers("scheduled", ("email",), data="etl", profiles=500_000_000), "campaign-v8", None),  # 11
    (answers("triggered", ("custom",)), "journey-optimizer", "third-party-messaging"),  # 16
    (answers("scheduled", ("email", "direct-mail"), data="platform"), "campaign-v8",
     "rtcdp-with-campaign-v8"),  # 14
    (answers("both", ("email",), data="etl"), "campaign-v8", "ajo-with-campaign-v8"),  # 8
    (answers("both", ("email", "push")), "journey-optimizer", None),
    (answers("scheduled", ("email",), deployment="on-premise"), "campaign-v7", None),  # 13
    # No pattern is documented for hybrid or on-premise hosting.
    (answers("triggered", ("email",), deployment="hybrid"), "campaign-v7", None),
    (answers("scheduled", ("email",), deployment="hybrid", data="platform"), "campaign-v7", None),
    (answers("triggered", ("in-app",), deployment="on-premise"), None, None),
    (answers("triggered", ("in-app",), deployment="hybrid"), None, None),
    (answers("triggered", ("email",), current="campaign-v7"), "journey-optimizer",
     "ajo-with-campaign-v7"),
    (answers("scheduled", ("email",), needs=("platform-audiences",)), "campaign-v8",
     "rtcdp-with-campaign-v8"),
    (answers("triggered", ("email", "sms"), needs=("transactional",)), "campaign-v8", None),  # 7
    (answers("scheduled", ("email",), needs=("multi-entity",)), "journey-optimizer", None),  # 18
    (answers("scheduled", ("email",), needs=("on-demand-audiences",)), "journey-optimizer", None),
    (answers("triggered", ("email",), needs=("offers", "audience-journeys")), "journey-optimizer",
     None),
    (answers("scheduled", ("email",), data="warehouse"), "journey-optimizer", None),  # 23
    (answers("scheduled", ("email",), current="campaign-standard"), "campaign-v8", None),  # 24
    (answers("triggered", ("email",), current="journey-optimizer"), "journey-optimizer", None),
    (answers("triggered", ("email",), needs=("static-ip",)), "campaign-v8", None),  # 17
    (answers("scheduled", ("email",), latency="minutes", data="etl"), "journey-optimizer", None),
    (answers("scheduled", ("email",), deployment="on-premise", profiles=150_000_000), None, None),
]


@pytest.mark.parametrize(("given", "pick", "integration"), SCENARIOS)
def test_scenarios(given, pick, integration, facts, rules):
    result = evaluate(given, facts, rules)
    assert result.pick == pick
    assert (result.integration.id if result.integration else None) == integration
    assert exit_code_for(result) == (0 if pick else 3)


def test_every_rule_fires_in_some_scenario(facts, rules):
    fired = set()
    for given, _, _ in SCENARIOS + EXTRA_SCENARIOS:
        result = evaluate(given, facts, rules)
        fired |= {rule_id for verdict in result.ranking for rule_id in verdict.fired}
        # Warnings on the answers alone are said once, on the result.
        fired |= {rule.id for rule in rules.rules if rule.check is None and rule.effect == "warn"
                  and Message(rule.reason) in result.warnings}
    assert fired == {rule.id for rule in rules.rules}


def test_extra_scenarios_pick_as_stated(facts, rules):
    for given, pick, integration in EXTRA_SCENARIOS:
        result = evaluate(given, facts, rules)
        assert result.pick == pick, given
        assert (result.integration.id if result.integration else None) == integration, given


def test_every_integration_is_offered_in_some_scenario(rules):
    offered = {integration for _, _, integration in SCENARIOS + EXTRA_SCENARIOS if integration}
    assert offered == {pattern.id for pattern in rules.integrations}


def test_every_blueprint_wins_at_least_once():
    assert {pick for _, pick, _ in SCENARIOS if pick} == {
        "journey-optimizer", "campaign-v8", "campaign-v7"}


# Scenarios that exist to make the warning and exclusion rules fire.
EXTRA_SCENARIOS = [
    (answers("scheduled", ("email",), profiles=190_000_000), "campaign-v8", None),
    (answers("scheduled", ("email",), profiles=300_000_000), "campaign-v8", None),
    (answers("scheduled", ("email",), messages_per_hour=70_000_000), "journey-optimizer", None),
    (answers("both", ("email",), messages_per_hour=3_000_000), "journey-optimizer", None),
    (answers("triggered", ("direct-mail",)), "campaign-v8", None),
    (answers("scheduled", ("email",), needs=("offers",)), "journey-optimizer", None),
    (answers("scheduled", ("email",), current="campaign-v7"), "campaign-v8", None),
    (answers("both", ("push",), current="campaign-v8"), "campaign-v8", "ajo-with-campaign-v8"),
]


def test_ranking_orders_eligible_first_then_score_then_tie_break(facts, rules):
    result = evaluate(answers("triggered", ("in-app",)), facts, rules)
    assert [v.blueprint for v in result.ranking] == ["journey-optimizer", "campaign-v8", "campaign-v7"]
    assert [v.eligible for v in result.ranking] == [True, False, False]


def test_tie_break_decides_equal_scores(facts, rules):
    tied = rules._replace(rules=tuple(r for r in rules.rules if r.effect != "score"))
    result = evaluate(answers("scheduled", ("email",)), facts, tied)
    assert [v.blueprint for v in result.ranking] == list(rules.tie_break)
    reordered = tied._replace(tie_break=("campaign-v7", "campaign-v8", "journey-optimizer"))
    assert evaluate(answers("scheduled", ("email",)), facts, reordered).pick == "campaign-v7"


def test_channel_exclusion_names_the_missing_channels(facts, rules):
    verdict = judge(facts["campaign-v8"], answers("triggered", ("email", "in-app", "web")), rules)
    assert not verdict.eligible
    assert verdict.blocked_by == (Message("blocked.channels", {
        "name": "Adobe Campaign v8", "channels": Terms(("in-app", "web"))}),)


def test_deployment_exclusion(facts, rules):
    verdict = judge(facts["journey-optimizer"], answers(deployment="on-premise"), rules)
    assert verdict.blocked_by[0].params["deployment"] == Term("on-premise")
    assert "deployment-unsupported" in verdict.fired


@pytest.mark.parametrize(
    ("blueprint", "given", "guardrail"),
    [
        ("campaign-v7", answers("scheduled", profiles=100_000_001), "profiles-max"),
        ("campaign-v8", answers("scheduled", profiles=1_000_000_001), "profiles-max"),
        ("campaign-v7", answers("scheduled", messages_per_hour=2_500_001), "batch-throughput"),
        ("campaign-v8", answers("scheduled", messages_per_hour=20_000_001), "batch-throughput"),
        ("campaign-v7", answers("triggered", messages_per_hour=50_001), "realtime-throughput"),
        ("campaign-v8", answers("triggered", messages_per_hour=1_000_001), "realtime-throughput"),
    ],
)
def test_beyond_a_documented_limit_is_excluded(facts, rules, blueprint, given, guardrail):
    verdict = judge(facts[blueprint], given, rules)
    assert not verdict.eligible
    message = verdict.blocked_by[0]
    assert message.params["guardrail"] == Message(f"guardrail.{guardrail}")
    assert message.params["value"] == Count(given.profiles or given.messages_per_hour)


@pytest.mark.parametrize(
    ("blueprint", "given"),
    [("campaign-v7", answers("scheduled", profiles=100_000_000)),
     ("campaign-v8", answers("triggered", messages_per_hour=1_000_000))],
)
def test_at_the_limit_is_eligible_with_a_near_warning(facts, rules, blueprint, given):
    verdict = judge(facts[blueprint], given, rules)
    assert verdict.eligible
    assert [m.key for m in verdict.warnings if m.key != "warning.deprecated"] == ["warning.guardrail_near"]


def test_below_the_near_ratio_no_warning(facts, rules):
    verdict = judge(facts["campaign-v7"], answers("scheduled", profiles=79_000_000), rules)
    assert [m.key for m in verdict.warnings] == ["warning.deprecated"]


def test_guardrails_follow_the_engagement_model(facts, rules):
    # 3M/h scheduled is beyond v7's batch server; 3M/h triggered is beyond its real-time server,
    # for "both" the real-time figure only warns.
    assert not judge(facts["campaign-v8"], answers("triggered", messages_per_hour=3_000_000), rules).eligible
    assert judge(facts["campaign-v8"], answers("scheduled", messages_per_hour=3_000_000), rules).eligible
    both = judge(facts["campaign-v8"], answers("both", messages_per_hour=3_000_000), rules)
    assert both.eligible and "guardrail-beyond-share" in both.fired
    assert both.warnings[0].key == "warning.guardrail_share"


def test_withdrawn_figures_only_warn_and_say_when(facts, rules):
    verdict = judge(facts["journey-optimizer"], answers("triggered", messages_per_hour=20_000_000), rules)
    assert verdict.eligible
    assert verdict.warnings[0].key == "warning.guardrail_withdrawn"
    assert verdict.warnings[0].params["withdrawn"] == Date("2024-12-17")


def test_throughput_figures_follow_the_channel(facts, rules):
    # 50M/h: beyond the 5K/s email figure, within the 6M/min push one.
    push = judge(facts["journey-optimizer"], answers("triggered", ("push",), messages_per_hour=50_000_000), rules)
    assert push.warnings == ()
    email = judge(facts["journey-optimizer"], answers("triggered", ("email",), messages_per_hour=50_000_000), rules)
    assert email.warnings[0].params["guardrail"] == Message("guardrail.triggered-email-throughput")


def test_sizing_is_not_a_cliff(facts, rules):
    verdict = judge(facts["campaign-v8"], answers("scheduled", profiles=300_000_000), rules)
    assert verdict.eligible and verdict.warnings[0].key == "warning.guardrail_sizing"


def test_deprecated_pick_carries_a_warning(facts, rules):
    result = evaluate(answers("scheduled", deployment="on-premise"), facts, rules)
    assert result.pick == "campaign-v7"
    assert result.warnings[0] == Message("warning.deprecated", {"name": "Adobe Campaign v7",
                                                                 "since": Date("2025-08-25")})


def test_current_pick_has_no_deprecation_warning(facts, rules):
    assert evaluate(answers(), facts, rules).warnings == ()


def test_no_fit_reports_what_blocks_each(facts, rules):
    result = evaluate(answers("triggered", ("in-app",), deployment="on-premise"), facts, rules)
    assert result.pick is None
    assert all(v.blocked_by for v in result.ranking)
    assert result.warnings == ()


def test_integration_covering_needs_every_member_within_limits(facts, rules):
    pattern = next(p for p in rules.integrations if p.id == "ajo-with-campaign-v7")
    assert covers(pattern, answers("triggered", ("in-app", "sms")), facts)
    assert not covers(pattern, answers("triggered", ("in-app",), deployment="hybrid"), facts)
    assert not covers(pattern, answers("triggered", ("in-app",), messages_per_hour=60_000), facts)
    assert not covers(pattern, answers("triggered", ("email",), needs=("audience-journeys",)), facts)
    assert not covers(pattern, answers("triggered", ("email",), needs=("offers",)), facts)
    assert choose_integration(answers("triggered", ("in-app",), messages_per_hour=60_000,
                                      current="campaign-v7"), facts, rules,
                              "journey-optimizer") is None


def test_evaluate_is_deterministic(facts, rules):
    given = answers("both", ("email", "sms", "direct-mail"), data="etl", profiles=90_000_000)
    assert evaluate(given, facts, rules) == evaluate(given, facts, rules)


@pytest.mark.parametrize("given", [answers("triggered", ("email",)), answers("both", ("push",)),
                                   answers("scheduled", ("email",), data="etl"),
                                   answers("triggered", ("in-app",), deployment="on-premise"),
                                   answers("scheduled", ("email",), deployment="on-premise")])
def test_margin_matches_the_ranking(facts, rules, given):
    result = evaluate(given, facts, rules)
    eligible = [v for v in result.ranking if v.eligible]
    if result.pick is None or len(eligible) == 1:
        assert result.margin is None
    else:
        assert result.margin == eligible[0].score - eligible[1].score
    close = [c for c in result.caveats if c.id == "close-call"]
    assert bool(close) == (result.margin is not None and result.margin <= 1)


def test_a_pick_won_by_elimination_says_so(facts, rules):
    result = evaluate(answers("scheduled", ("email",), messages_per_hour=30_000_000), facts, rules)
    assert result.pick == "journey-optimizer" and "campaign-v8" in result.eliminated
    assert evaluate(answers("triggered", ("email",)), facts, rules).eliminated == ()
