"""What would change the answer: each entry flips the pick when applied, a two-answer change is
given only when no single change does it, required answers are never removed."""

from __future__ import annotations

import pytest

from journey_advisor.core.engine import evaluate
from journey_advisor.core.what_if import apply, single_changes, what_if

from ..conftest import answers

CASES = [
    answers("triggered", ("email",)),
    answers("scheduled", ("email", "sms", "direct-mail"), data="etl"),
    answers("triggered", ("in-app",), deployment="on-premise"),
    answers("both", ("push",), current="campaign-v8", messages_per_hour=3_000_000),
    answers("scheduled", ("email",), needs=("multi-entity",), latency="minutes"),
    answers("triggered", ("email",), needs=("static-ip",), profiles=300_000_000),
    answers("scheduled", ("line",)),
]


@pytest.mark.parametrize("given", CASES)
def test_each_change_makes_its_blueprint_the_pick(facts, rules, given):
    result = evaluate(given, facts, rules)
    for item in what_if(result, facts, rules):
        changes = [(q, tuple(v) if isinstance(v, list) else v) for q, v in item.changes.items()]
        assert evaluate(apply(given, changes), facts, rules).pick == item.blueprint
        assert 1 <= len(item.changes) <= 2
        assert item.blueprint != result.pick


@pytest.mark.parametrize("given", CASES)
def test_no_single_change_was_missed(facts, rules, given):
    result = evaluate(given, facts, rules)
    found = {item.blueprint: item for item in what_if(result, facts, rules)}
    by_single = {}
    for change in single_changes(given, rules, facts):
        pick = evaluate(apply(given, [change]), facts, rules).pick
        by_single.setdefault(pick, change)
    for blueprint in facts:
        if blueprint == result.pick:
            continue
        if blueprint in by_single:
            assert blueprint in found and len(found[blueprint].changes) == 1
        elif blueprint in found:
            assert len(found[blueprint].changes) == 2


def test_required_answers_are_changed_never_removed(facts, rules):
    given = answers("triggered", ("email",), latency="seconds", profiles=2_000_000_000)
    changes = list(single_changes(given, rules, facts))
    assert ("trigger", None) not in changes and ("channels", ()) not in changes
    assert ("latency", None) in changes and ("profiles", None) in changes
    assert ("profiles", 1_000_000_000) in changes  # lowered to a documented limit


def test_none_when_nothing_reaches_it(facts, rules):
    # Campaign v7 is blocked three ways (in-app, offers, 500M profiles): two changes cannot do.
    given = answers("triggered", ("in-app",), needs=("offers",), profiles=500_000_000)
    found = {item.blueprint for item in what_if(evaluate(given, facts, rules), facts, rules)}
    assert "campaign-v7" not in found
