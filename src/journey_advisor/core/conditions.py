"""When a rule, a pattern or a caveat applies: conditions on the answers, and on the result."""

from __future__ import annotations

from typing import Any, Collection, Mapping

from ..models import Answers

# Answers that are lists: the condition holds when they share a value with it.
LIST_ANSWERS = ("channels", "needs")
COUNT_ANSWERS = ("profiles", "messages_per_hour")


def matches(when: Mapping[str, Any], answers: Answers, pick: str | None = None,
            integration: str | None = None, eligible: Collection[str] = ()) -> bool:
    """True when every condition holds. A choice answer is one of the values listed, a list
    answer shares one with them, a count is at least `at_least`; `pick` and `integration` name
    the result's, `eligible` lists blueprints that must all be eligible."""
    for key, values in when.items():
        if key in COUNT_ANSWERS:
            value = answers.get(key)
            if value is None or value < values["at_least"]:
                return False
        elif key in LIST_ANSWERS:
            if not set(answers.get(key)).intersection(values):
                return False
        elif key == "pick":
            if pick not in values:
                return False
        elif key == "integration":
            if integration not in values:
                return False
        elif key == "eligible":
            if not set(values) <= set(eligible):
                return False
        elif answers.get(key) not in values:
            return False
    return True


def count_thresholds(whens: list[Mapping[str, Any]]) -> dict[str, int]:
    """The lowest `at_least` of each count among these conditions."""
    lowest: dict[str, int] = {}
    for when in whens:
        for key in COUNT_ANSWERS:
            if key in when:
                lowest[key] = min(lowest.get(key, when[key]["at_least"]), when[key]["at_least"])
    return lowest


_SHARED: dict[int, tuple[Any, list[tuple[str, int]], list[Mapping[str, Any]]]] = {}


def rule_holds(rules: Any, answers: Answers) -> dict[str, bool]:
    """Whether each rule's `when` holds for the answers. Rules often share a condition (one per
    blueprint): each distinct condition is decided once; the grouping is remembered per rule set."""
    known = _SHARED.get(id(rules))
    if known is None or known[0] is not rules:
        distinct: list[Mapping[str, Any]] = []
        index: list[tuple[str, int]] = []
        for rule in rules.rules:
            if rule.when:
                if rule.when not in distinct:
                    distinct.append(rule.when)
                index.append((rule.id, distinct.index(rule.when)))
        known = _SHARED[id(rules)] = (rules, index, distinct)
    outcomes = [matches(when, answers) for when in known[2]]
    return {rule_id: outcomes[position] for rule_id, position in known[1]}
