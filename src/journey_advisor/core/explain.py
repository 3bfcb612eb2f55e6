"""Why not: what counts against each alternative. A blocked blueprint is blocked by its
exclusions; an eligible one lacked points, and this says where (on which answers) the pick
earned more, never the alternative's own strengths."""

from __future__ import annotations

from typing import Mapping, NamedTuple

from ..models import BlueprintFacts, Message, Result, RuleSet, Term, Verdict
from .conditions import matches

# Answers in the order a person reads them.
ORDER = ("trigger", "channels", "deployment", "data", "latency", "needs", "current",
         "profiles", "messages_per_hour")


class Shortfall(NamedTuple):
    """On one answer, the pick earned `pick_points` and the alternative `points`."""

    question: str
    pick_points: int
    points: int
    pick_reasons: tuple[Message, ...]


_BY_ID: dict[int, tuple[RuleSet, dict]] = {}


def _rules_by_id(rules: RuleSet) -> dict:
    known = _BY_ID.get(id(rules))
    if known is None or known[0] is not rules:
        known = _BY_ID[id(rules)] = (rules, {rule.id: rule for rule in rules.rules})
    return known[1]


def shortfalls(pick: Verdict, alternative: Verdict, rules: RuleSet) -> tuple[Shortfall, ...]:
    """Where the alternative earned fewer points than the pick, answer by answer."""
    by_id = _rules_by_id(rules)

    def earned(verdict: Verdict) -> dict[str, tuple[int, list[Message]]]:
        out: dict[str, tuple[int, list[Message]]] = {}
        for rule_id, effect, points, message, _ in verdict.trace:
            if effect != "score":
                continue
            question = next((key for key in ORDER if key in by_id[rule_id].when), "trigger")
            total, reasons = out.get(question, (0, []))
            out[question] = (total + points, reasons + [message])
        return out

    mine, theirs = earned(pick), earned(alternative)
    result = []
    for question in ORDER:
        pick_points, reasons = mine.get(question, (0, []))
        points = theirs.get(question, (0, []))[0]
        if points < pick_points:
            result.append(Shortfall(question, pick_points, points, tuple(reasons)))
    return tuple(result)


def against(result: Result, rules: RuleSet) -> dict[str, tuple[Message, ...]]:
    """For each blueprint but the pick, the messages that say what counts against it."""
    by_id = {verdict.blueprint: verdict for verdict in result.ranking}
    top = by_id.get(result.pick) if result.pick else None
    out: dict[str, tuple[Message, ...]] = {}
    for verdict in result.ranking:
        if verdict.blueprint == result.pick:
            continue
        if verdict.blocked_by or top is None:
            out[verdict.blueprint] = verdict.blocked_by
            continue
        out[verdict.blueprint] = tuple(
            Message("explain.shortfall", {
                "question": Message(f"question_name.{item.question}"),
                "points": item.pick_points - item.points, "pick": Term(top.blueprint),
                "reason": item.pick_reasons[0] if item.pick_reasons else Message("label.none")})
            for item in shortfalls(top, verdict, rules))
    return out


class TraceEntry(NamedTuple):
    rule: str
    blueprint: str  # a blueprint id, or a pattern id for a pattern's constraint
    effect: str
    points: int
    message: Message
    source: str


class Explanation(NamedTuple):
    """Everything that explains a result: what counts against each alternative, what would
    change the answer, and every rule that fired with its source."""

    against: dict[str, tuple[Message, ...]]
    what_if: tuple  # of what_if.WhatIf; None when not searched (a batch without --explain)
    trace: tuple[TraceEntry, ...]


def trace_of(result: Result) -> tuple[TraceEntry, ...]:
    """Each rule that fired for each blueprint, then the constraints of the pattern offered."""
    entries = [TraceEntry(rule, verdict.blueprint, effect, points, message, source)
               for verdict in result.ranking
               for rule, effect, points, message, source in verdict.trace]
    pattern = result.integration
    if pattern is not None:
        params = {"pattern": Message(f"integration.{pattern.id}.name")}
        entries += [TraceEntry(c.id, pattern.id, "warn", 0, Message(c.reason, params), pattern.source)
                    for c in pattern.constraints if matches(c.when, result.answers)]
    return tuple(entries)


def explain(result: Result, facts: Mapping[str, BlueprintFacts], rules: RuleSet,
            search: bool = True) -> Explanation:
    """The explanation of `result`; `search` runs the what-if search (a few hundred fast
    evaluations, so a long batch skips it unless asked)."""
    from .what_if import what_if

    return Explanation(against(result, rules), what_if(result, facts, rules) if search else None,
                       trace_of(result))
