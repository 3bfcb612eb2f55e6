"""The rule engine. Pure and deterministic: answers, facts and rules in; a ranked Result out.

Facts decide eligibility (channels for the engagement model, deployment, documented guardrails,
latency, needs); score rules rank the eligible blueprints; warn rules attach warnings; caveats
mark where the documentation is ambiguous. No printing, typer, rich, environment or files.
"""

from __future__ import annotations

from typing import Mapping

from ..models import (
    Answers,
    BlueprintFacts,
    Caveat,
    Message,
    Result,
    Rule,
    RuleSet,
    Verdict,
)
from .checks import CHECKS
from .conditions import count_thresholds, matches, rule_holds
from .patterns import choose_integration, pattern_warnings

Facts = Mapping[str, BlueprintFacts]


# Results of answers whose counts stay below every guardrail and every count condition, by the
# answers without counts: such counts change nothing but `Result.answers`.
REMEMBERED_RESULTS = 1_024
_PLAIN: dict[tuple[int, int], tuple[Facts, RuleSet, dict[str, float], dict[Answers, Result]]] = {}


def evaluate(answers: Answers, facts: Facts, rules: RuleSet) -> Result:
    """Rank every blueprint for `answers`: eligible first, then score, then the tie-break order.

    The pick is the first eligible blueprint (None when nothing fits); the integration pattern is
    suggested beside the pick, or offered instead of it when it alone covers the hard requirements.
    """
    key = (id(facts), id(rules))
    known = _PLAIN.get(key)
    if known is None or known[0] is not facts or known[1] is not rules:
        known = _PLAIN[key] = (facts, rules, _lowest_thresholds(facts, rules), {})
    thresholds, results = known[2], known[3]
    if all(getattr(answers, measure) is None or getattr(answers, measure) < lowest
           for measure, lowest in thresholds.items()):
        plain = answers._replace(**{measure: None for measure in thresholds})
        result = results.get(plain)
        if result is None:
            if len(results) >= REMEMBERED_RESULTS:
                results.clear()
            result = results[plain] = _evaluate(plain, facts, rules)
        return result._replace(answers=answers)
    return _evaluate(answers, facts, rules)


def _lowest_thresholds(facts: Facts, rules: RuleSet) -> dict[str, float]:
    """For each measure, the lowest count at which any guardrail (or its near-limit warning),
    rule, pattern or caveat could speak."""
    whens = [rule.when for rule in rules.rules] + [caveat.when for caveat in rules.caveats]
    for pattern in rules.integrations:
        whens += list(pattern.suggest_when) + [c.when for c in pattern.constraints]
    lowest: dict[str, float] = dict(count_thresholds(whens))
    for blueprint in facts.values():
        for guardrail in blueprint.guardrails:
            threshold = guardrail.limit * min(rules.near_limit_ratio, 1.0)
            lowest[guardrail.measure] = min(lowest.get(guardrail.measure, threshold), threshold)
    return lowest


def _evaluate(answers: Answers, facts: Facts, rules: RuleSet) -> Result:
    # Conditions on the answers alone hold or not whatever the blueprint: decide them once.
    holds = rule_holds(rules, answers)
    verdicts = {bp_id: judge(bp, answers, rules, holds) for bp_id, bp in facts.items()}
    position = {bp_id: index for index, bp_id in enumerate(rules.tie_break)}
    ranking = tuple(sorted(verdicts.values(), key=lambda v: (
        not v.eligible, -v.score, position.get(v.blueprint, len(position)), v.blueprint)))
    pick = ranking[0].blueprint if ranking and ranking[0].eligible else None
    integration = choose_integration(answers, facts, rules, pick)
    involved = ([pick] if pick else []) + list(integration.members if integration else ())
    warnings: list[Message] = []
    for message in [w for bp_id in involved for w in verdicts[bp_id].warnings] + (
            pattern_warnings(integration, answers, facts) if integration else []) + [
            Message(rule.reason) for rule in rules.rules
            if rule.effect == "warn" and rule.check is None and holds.get(rule.id)]:
        if message not in warnings:
            warnings.append(message)
    eligible = [v.blueprint for v in ranking if v.eligible]
    caveats = [Caveat(c.id, Message(f"caveat.{c.id}"), c.sources) for c in rules.caveats
               if matches(c.when, answers, pick, integration.id if integration else None, eligible)]
    margin = eliminated = None
    if pick is not None:
        top = ranking[0]
        others = [v for v in ranking[1:] if v.eligible]
        margin = top.score - others[0].score if others else None
        eliminated = tuple(v.blueprint for v in ranking if not v.eligible and (
            v.score > top.score or (v.score == top.score and position.get(v.blueprint, 99)
                                    < position.get(pick, 99))))
        if margin is not None and margin <= CLOSE_CALL:
            caveats.append(_close_call(top, others[0], facts, rules, margin))
    return Result(answers=answers, ranking=ranking, pick=pick, integration=integration,
                  warnings=tuple(warnings), caveats=tuple(caveats), margin=margin,
                  eliminated=eliminated or ())


# A lead of at most this many points is a close call (PRODUCT.md section 4).
CLOSE_CALL = 1


def _close_call(top: Verdict, runner_up: Verdict, facts: Facts, rules: RuleSet,
                margin: int) -> Caveat:
    """The close-call caveat, naming the sources of the score rules that decided it."""
    sources = []
    for _, effect, _, _, source in top.trace + runner_up.trace:
        if effect == "score" and source and source not in sources:
            sources.append(source)
    params = {"pick": facts[top.blueprint].name, "runner_up": facts[runner_up.blueprint].name,
              "margin": margin}
    return Caveat("close-call", Message("caveat.close-call", params), tuple(sources))


def judge(blueprint: BlueprintFacts, answers: Answers, rules: RuleSet,
          holds: Mapping[str, bool] | None = None) -> Verdict:
    """Apply every rule to one blueprint. `holds` may give each `when` rule's outcome already."""
    score = 0
    reasons: list[Message] = []
    blocked: list[Message] = []
    warnings: list[Message] = []
    fired: list[str] = []
    trace: list[tuple[str, str, int, Message, str]] = []
    name = {"name": blueprint.name}
    for rule, reason in rules_for(rules, blueprint):
        if rule.when and not (holds[rule.id] if holds is not None else matches(rule.when, answers)):
            continue
        if reason is not None:  # a score rule: its reason is the same whatever the answers
            score += rule.points
            reasons.append(reason)
            fired.append(rule.id)
            trace.append((rule.id, rule.effect, rule.points, reason, rule.source))
            continue
        if rule.check is None:  # a warning on the answers alone: said once, on the result
            continue
        findings = CHECKS[rule.check](blueprint, answers, rules)
        if findings:
            fired.append(rule.id)
        target = blocked if rule.effect == "exclude" else warnings
        for finding in findings:
            source = finding.pop("source", "") or rule.source
            target.append(Message(rule.reason, {**name, **finding}))
            trace.append((rule.id, rule.effect, 0, target[-1], source))
    return Verdict(blueprint=blueprint.id, eligible=not blocked, score=score,
                   reasons=tuple(reasons), blocked_by=tuple(blocked), warnings=tuple(warnings),
                   fired=tuple(fired), trace=tuple(trace))


RuleAndReason = tuple[Rule, "Message | None"]
_RULES_FOR: dict[tuple[int, str], tuple[RuleSet, BlueprintFacts, tuple[RuleAndReason, ...]]] = {}


def rules_for(rules: RuleSet, blueprint: BlueprintFacts) -> tuple[RuleAndReason, ...]:
    """The rules that concern one blueprint, in order, each score rule with its reason made
    once; remembered per rule set (a batch judges the same blueprints thousands of times, and
    the localizer recognises a message it has seen by identity)."""
    key = (id(rules), blueprint.id)
    known = _RULES_FOR.get(key)
    if known is None or known[0] is not rules or known[1] is not blueprint:
        name = {"name": blueprint.name}
        known = (rules, blueprint, tuple(
            (r, Message(r.reason, name) if r.effect == "score" else None) for r in rules.rules
            if r.blueprints is None or blueprint.id in r.blueprints))
        _RULES_FOR[key] = known
    return known[2]


def exit_code_for(result: Result) -> int:
    """0 when a blueprint was recommended, 3 when none fits (PRODUCT.md section 5)."""
    return 0 if result.pick is not None else 3
