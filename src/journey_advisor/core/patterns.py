"""The documented integration patterns (FACTS.md section 7): whether one covers the answers,
which one to offer, and the constraints it brings."""

from __future__ import annotations

from typing import Mapping

from ..models import Answers, BlueprintFacts, Integration, Message, RuleSet, Term
from .checks import applicable_guardrails, need_state, slower
from .conditions import matches

Facts = Mapping[str, BlueprintFacts]
_STRONGEST = {"yes": 0, "open": 1, "no": 2}


def pattern_need(pattern: Integration, need: str, answers: Answers, facts: Facts) -> str:
    """yes, no or open: the pattern's own word where the documentation gives one, else the
    best any member gives."""
    if need in pattern.needs:
        return pattern.needs[need]
    states = [need_state(facts[m].needs.get(need), answers) for m in pattern.members]
    return min(states, key=_STRONGEST.__getitem__) if states else "open"


def covers(pattern: Integration, answers: Answers, facts: Facts) -> bool:
    """True when the pattern's members together meet every hard requirement of the answers:
    its documented hosting and engagement models, each channel (one member has it), the
    members' limits, every need, and the latency."""
    members = [facts[m] for m in pattern.members]
    if answers.deployment not in pattern.deployment or answers.trigger not in pattern.trigger:
        return False
    if any(not any(m.supports_channel(c, answers.models) for m in members) for c in answers.channels):
        return False
    if any(g.enforce == "exclude" and v > g.limit
           for m in members for g, v in applicable_guardrails(m, answers)):
        return False
    if any(pattern_need(pattern, need, answers, facts) == "no" for need in answers.needs):
        return False
    return not slower(pattern.latency, answers.latency)


def choose_integration(answers: Answers, facts: Facts, rules: RuleSet,
                       pick: str | None) -> Integration | None:
    """The first documented pattern that covers the answers: beside a pick when one of its
    `suggest_when` conditions holds, or instead of a pick when nothing fits alone."""
    for pattern in rules.integrations:
        if not covers(pattern, answers, facts):
            continue
        if pick is None or any(matches(when, answers, pick) for when in pattern.suggest_when):
            return pattern
    return None


def pattern_warnings(pattern: Integration, answers: Answers, facts: Facts) -> list[Message]:
    """The pattern's documented constraints the answers touch, and needs it leaves open."""
    params = {"pattern": Message(f"integration.{pattern.id}.name")}
    out = [Message(c.reason, params) for c in pattern.constraints if matches(c.when, answers)]
    out += [Message("warning.pattern_need_open", {**params, "need": Term(need)})
            for need in answers.needs if pattern_need(pattern, need, answers, facts) == "open"]
    return out
