"""Property-based tests of the engine: for any valid answers the result is deterministic, the
ranking holds each blueprint once, a recommended blueprint meets every hard requirement, and the
exit code agrees with the result."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journey_advisor.core import engine
from journey_advisor.core.checks import applicable_guardrails
from journey_advisor.core.engine import evaluate, exit_code_for
from journey_advisor.knowledge import catalog
from journey_advisor.models import Answers
from journey_advisor.vocabulary import QUESTION_OPTIONS

FACTS = catalog.facts()
RULES = catalog.rules()
counts = st.none() | st.integers(min_value=1, max_value=10**12) | st.sampled_from(
    [g.limit + d for b in FACTS.values() for g in b.guardrails for d in (-1, 0, 1)])

answers = st.builds(
    Answers,
    trigger=st.sampled_from(QUESTION_OPTIONS["trigger"]),
    channels=st.lists(st.sampled_from(QUESTION_OPTIONS["channels"]), min_size=1, max_size=8,
                      unique=True).map(tuple),
    deployment=st.sampled_from(QUESTION_OPTIONS["deployment"]),
    data=st.sampled_from(QUESTION_OPTIONS["data"]),
    profiles=counts,
    messages_per_hour=counts,
    latency=st.none() | st.sampled_from(QUESTION_OPTIONS["latency"]),
    needs=st.lists(st.sampled_from(QUESTION_OPTIONS["needs"]), max_size=3, unique=True).map(tuple),
    current=st.sampled_from(QUESTION_OPTIONS["current"]),
)


@settings(max_examples=400, deadline=None)
@given(answers)
@pytest.mark.slow
def test_engine_properties(given_answers):
    result = evaluate(given_answers, FACTS, RULES)
    assert result == evaluate(given_answers, FACTS, RULES)
    # The results remembered for counts below every guardrail are the ones computed afresh.
    assert result == engine._evaluate(given_answers, FACTS, RULES)
    assert sorted(v.blueprint for v in result.ranking) == sorted(FACTS)
    eligible = [v.eligible for v in result.ranking]
    assert eligible == sorted(eligible, reverse=True)  # eligible first
    assert exit_code_for(result) == (0 if result.pick else 3)
    assert (result.pick is None) == (not any(eligible))
    if result.pick is not None:
        pick = FACTS[result.pick]
        assert all(pick.supports_channel(c, given_answers.models) for c in given_answers.channels)
        assert pick.supports_deployment(given_answers.deployment)
        assert not any(g.enforce == "exclude" and v > g.limit
                       for g, v in applicable_guardrails(pick, given_answers))
        top = result.ranking[0]
        assert all(top.score >= v.score for v in result.ranking if v.eligible)
    for verdict in result.ranking:
        assert verdict.eligible == (not verdict.blocked_by)
