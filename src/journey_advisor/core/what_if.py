"""What would change the answer: for each blueprint other than the pick (every blueprint when
nothing fits), the smallest change of the answers, one answer or else two, that makes it the
pick, found by running the engine on the changed answers.

Only changes a user could make: a required answer is changed, never removed; a list answer
(channels, needs) gains, loses or swaps one item and is given whole; a count is lowered to a
documented limit or dropped. The search is exhaustive over those candidates, so "none" means
no such change exists; a fast ranking (eligibility and score, no messages) keeps a few thousand
tries within a few milliseconds.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any, Iterator, Mapping, NamedTuple

from ..models import Answers, BlueprintFacts, Question, Result, RuleSet
from .checks import CHECK_READS, CHECKS
from .conditions import matches, rule_holds
from .engine import rules_for

Facts = Mapping[str, BlueprintFacts]
Change = tuple[str, Any]  # (question id, new value)


class WhatIf(NamedTuple):
    blueprint: str
    changes: Mapping[str, Any]  # question id -> new value (a list answer is given whole)


def what_if(result: Result, facts: Facts, rules: RuleSet) -> tuple[WhatIf, ...]:
    """The smallest changes that make each other blueprint the pick, in tie-break order."""
    targets = [bp for bp in rules.tie_break if bp in facts and bp != result.pick]
    found: dict[str, WhatIf] = {}
    singles = list(single_changes(result.answers, rules, facts))
    holds = Holds(result.answers, rules)
    for change in singles:
        changed = apply(result.answers, [change])
        pick = quick_pick(changed, facts, rules, holds.after(changed, {change[0]}))
        if pick in targets and pick not in found:
            found[pick] = WhatIf(pick, _shown([change]))
    missing = [bp for bp in targets if bp not in found]
    if missing:
        # A blocked blueprint stays blocked unless the pair touches what each of its blocking
        # checks reads: pairs that cannot unblock any missing target are not tried.
        blocks = {bp: blocking_reads(facts[bp], result.answers, rules) for bp in missing}
        for first, second in combinations(singles, 2):
            if first[0] == second[0]:
                continue  # two changes of one answer are one change, already tried
            touched = {first[0], second[0]}
            hopeful = [bp for bp in missing if bp not in found
                       and all(touched & reads for reads in blocks[bp])]
            if not hopeful:
                continue
            changed = apply(result.answers, [first, second])
            if not any(eligible(facts[bp], changed, rules) for bp in hopeful):
                continue  # none of them even becomes eligible: no need to rank
            pick = quick_pick(changed, facts, rules, holds.after(changed, touched))
            if pick in missing and pick not in found:
                found[pick] = WhatIf(pick, _shown([first, second]))
                if all(bp in found for bp in missing):
                    break
    return tuple(found[bp] for bp in targets if bp in found)


def blocking_reads(blueprint: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[set[str]]:
    """For each exclude rule that blocks the blueprint now, the answers its check reads."""
    holds = rule_holds(rules, answers)
    return [set(CHECK_READS[rule.check]) for rule, reason in rules_for(rules, blueprint)
            if reason is None and rule.effect == "exclude" and (not rule.when or holds[rule.id])
            and CHECKS[rule.check](blueprint, answers, rules)]


def _shown(changes: list[Change]) -> dict[str, Any]:
    return {question: list(value) if isinstance(value, tuple) else value
            for question, value in changes}


def apply(answers: Answers, changes: list[Change]) -> Answers:
    return answers._replace(**dict(changes))


def single_changes(answers: Answers, rules: RuleSet, facts: Facts) -> Iterator[Change]:
    """Every change of one answer a user could make, in question order."""
    for question in rules.questions:
        current = answers.get(question.id)
        if question.kind == "choice":
            yield from ((question.id, option) for option in question.options if option != current)
            if not question.required and question.default is None and current is not None:
                yield question.id, None
        elif question.kind == "choices":
            yield from ((question.id, value) for value in _list_changes(question, current))
        elif current is not None:
            yield from ((question.id, value) for value in _count_changes(question, current, facts))


def _list_changes(question: Question, current: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    chosen = list(current)
    missing = [option for option in question.options if option not in chosen]
    for option in missing:  # add one
        yield tuple(chosen + [option])
    if len(chosen) > 1 or not question.required:
        for item in chosen:  # drop one
            yield tuple(c for c in chosen if c != item)
    for index in range(len(chosen)):  # swap one
        for option in missing:
            yield tuple(chosen[:index] + [option] + chosen[index + 1:])


def _count_changes(question: Question, current: int, facts: Facts) -> Iterator[int | None]:
    """A count lowered to each documented limit below it, or not given at all."""
    limits = sorted({g.limit for bp in facts.values() for g in bp.guardrails
                     if g.measure == question.id and g.limit < current}, reverse=True)
    yield from limits
    yield None


def eligible(blueprint: BlueprintFacts, answers: Answers, rules: RuleSet) -> bool:
    """True when no exclude rule blocks the blueprint for these answers."""
    for rule, reason in rules_for(rules, blueprint):
        if reason is None and rule.effect == "exclude" and (
                not rule.when or matches(rule.when, answers)) and CHECKS[rule.check](
                blueprint, answers, rules):
            return False
    return True


class Holds:
    """Which rule conditions hold, for the given answers and for changes of a few of them: only
    the conditions that read a changed answer are decided again."""

    def __init__(self, answers: Answers, rules: RuleSet) -> None:
        self.rules = [rule for rule in rules.rules if rule.when]
        self.base = {rule.id: matches(rule.when, answers) for rule in self.rules}

    def after(self, answers: Answers, changed: set[str]) -> dict[str, bool]:
        holds = dict(self.base)
        for rule in self.rules:
            if not changed.isdisjoint(rule.when):
                holds[rule.id] = matches(rule.when, answers)
        return holds


def quick_pick(answers: Answers, facts: Facts, rules: RuleSet,
               holds: Mapping[str, bool] | None = None) -> str | None:
    """The pick the engine would make: eligibility and score only, no messages. `holds` may
    give each rule condition's outcome already."""
    if holds is None:
        holds = rule_holds(rules, answers)
    position = {bp: index for index, bp in enumerate(rules.tie_break)}
    best: tuple[int, int, str] | None = None
    for bp_id, blueprint in facts.items():
        score = 0
        eligible = True
        for rule, reason in rules_for(rules, blueprint):
            if rule.when and not holds[rule.id]:
                continue
            if reason is not None:
                score += rule.points
            elif rule.effect == "exclude" and CHECKS[rule.check](blueprint, answers, rules):
                eligible = False
                break
        if eligible:
            key = (-score, position.get(bp_id, len(position)), bp_id)
            if best is None or key < best:
                best = key
    return best[2] if best else None
