"""The rule engine. Pure and deterministic: answers, facts and rules in; a ranked Result out.

Facts decide eligibility (channels, deployment, documented guardrails); score rules rank the
eligible blueprints; warn rules attach warnings. No printing, typer, rich, environment or files.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping

from ..models import (
    Answers,
    BlueprintFacts,
    Count,
    Date,
    Guardrail,
    Integration,
    Message,
    Result,
    Rule,
    RuleSet,
    Term,
    Terms,
    Verdict,
)

Facts = Mapping[str, BlueprintFacts]


# Results of answers whose counts stay below every guardrail, by the answers without counts:
# such counts change nothing but `Result.answers` (no rule condition reads a count).
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
    """For each measure, the lowest count at which any guardrail (or its near-limit warning)
    could speak."""
    lowest: dict[str, float] = {}
    for blueprint in facts.values():
        for guardrail in blueprint.guardrails:
            threshold = guardrail.limit * min(rules.near_limit_ratio, 1.0)
            lowest[guardrail.measure] = min(lowest.get(guardrail.measure, threshold), threshold)
    return lowest


def _evaluate(answers: Answers, facts: Facts, rules: RuleSet) -> Result:
    # Conditions on the answers alone hold or not whatever the blueprint: decide them once.
    holds = {rule.id: matches(rule.when, answers) for rule in rules.rules if rule.when}
    verdicts = {bp_id: judge(bp, answers, rules, holds) for bp_id, bp in facts.items()}
    position = {bp_id: index for index, bp_id in enumerate(rules.tie_break)}
    ranking = tuple(sorted(verdicts.values(), key=lambda v: (
        not v.eligible, -v.score, position.get(v.blueprint, len(position)), v.blueprint)))
    pick = ranking[0].blueprint if ranking and ranking[0].eligible else None
    integration = choose_integration(answers, facts, rules, pick)
    involved = ([pick] if pick else []) + list(integration.members if integration else ())
    warnings: list[Message] = []
    for bp_id in involved:
        for warning in verdicts[bp_id].warnings:
            if warning not in warnings:
                warnings.append(warning)
    return Result(answers=answers, ranking=ranking, pick=pick, integration=integration,
                  warnings=tuple(warnings))


def judge(blueprint: BlueprintFacts, answers: Answers, rules: RuleSet,
          holds: Mapping[str, bool] | None = None) -> Verdict:
    """Apply every rule to one blueprint. `holds` may give each `when` rule's outcome already."""
    score = 0
    reasons: list[Message] = []
    blocked: list[Message] = []
    warnings: list[Message] = []
    fired: list[str] = []
    trace: list[tuple[str, str, int, Message]] = []
    name = {"name": blueprint.name}
    for rule, reason in _rules_for(rules, blueprint):
        if rule.when and not (holds[rule.id] if holds is not None else matches(rule.when, answers)):
            continue
        if reason is not None:  # a score rule: its reason is the same whatever the answers
            score += rule.points
            reasons.append(reason)
            fired.append(rule.id)
            trace.append((rule.id, rule.effect, rule.points, reason))
            continue
        findings = CHECKS[rule.check](blueprint, answers, rules)  # type: ignore[index]
        if findings:
            fired.append(rule.id)
        target = blocked if rule.effect == "exclude" else warnings
        for finding in findings:
            target.append(Message(rule.reason, {**name, **finding}))
            trace.append((rule.id, rule.effect, 0, target[-1]))
    return Verdict(blueprint=blueprint.id, eligible=not blocked, score=score,
                   reasons=tuple(reasons), blocked_by=tuple(blocked), warnings=tuple(warnings),
                   fired=tuple(fired), trace=tuple(trace))


RuleAndReason = tuple[Rule, "Message | None"]
_RULES_FOR: dict[tuple[int, str], tuple[RuleSet, BlueprintFacts, tuple[RuleAndReason, ...]]] = {}


def _rules_for(rules: RuleSet, blueprint: BlueprintFacts) -> tuple[RuleAndReason, ...]:
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


def matches(when: Mapping[str, Iterable[str]], answers: Answers, pick: str | None = None) -> bool:
    """True when every condition holds: the answer is one of the listed values (channels: any)."""
    for key, values in when.items():
        if key == "pick":
            if pick not in values:
                return False
        elif key == "channels":
            if not set(answers.channels).intersection(values):
                return False
        elif answers.get(key) not in values:
            return False
    return True


def applicable_guardrails(blueprint: BlueprintFacts, answers: Answers) -> list[tuple[Guardrail, int]]:
    """The guardrails that apply to these answers, each with the stated value it is measured on."""
    if answers.profiles is None and answers.messages_per_hour is None:
        return []
    out = []
    for guardrail in blueprint.guardrails:
        value = answers.get(guardrail.measure)
        if value is None:
            continue
        if guardrail.applies_to is not None and answers.trigger not in guardrail.applies_to:
            continue
        out.append((guardrail, value))
    return out


def _guardrail_params(guardrail: Guardrail, value: int) -> dict:
    return {"guardrail": Message(f"guardrail.{guardrail.id}"), "measure": Term(guardrail.measure),
            "value": Count(value), "limit": Count(guardrail.limit)}


def _check_channels(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    missing = tuple(c for c in answers.channels if not bp.supports_channel(c))
    return [{"channels": Terms(missing)}] if missing else []


def _check_deployment(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    if bp.supports_deployment(answers.deployment):
        return []
    return [{"deployment": Term(answers.deployment)}]


def _check_exceeded(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    return [_guardrail_params(g, v) for g, v in applicable_guardrails(bp, answers)
            if g.enforce == "exclude" and v > g.limit]


def _check_soft(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    return [_guardrail_params(g, v) for g, v in applicable_guardrails(bp, answers)
            if g.enforce == "warn" and v > g.limit]


def _check_near(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    return [_guardrail_params(g, v) for g, v in applicable_guardrails(bp, answers)
            if rules.near_limit_ratio * g.limit <= v <= g.limit]


def _check_deprecated(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    if bp.status != "deprecated":
        return []
    return [{"since": Date(bp.deprecated_since) if bp.deprecated_since else "?"}]


CHECKS: dict[str, Callable[[BlueprintFacts, Answers, RuleSet], list[dict]]] = {
    "channels": _check_channels,
    "deployment": _check_deployment,
    "guardrail-exceeded": _check_exceeded,
    "guardrail-soft": _check_soft,
    "guardrail-near": _check_near,
    "deprecated": _check_deprecated,
}


def choose_integration(answers: Answers, facts: Facts, rules: RuleSet,
                       pick: str | None) -> Integration | None:
    """The first documented pattern that fits: suggested beside a pick, or covering a no-fit."""
    for pattern in rules.integrations:
        if answers.deployment not in pattern.deployment or answers.trigger not in pattern.trigger:
            continue
        if pick is not None:
            if matches(pattern.suggest_when, answers, pick):
                return pattern
        elif covers(pattern, answers, facts):
            return pattern
    return None


def covers(pattern: Integration, answers: Answers, facts: Facts) -> bool:
    """True when the pattern's members together meet every hard requirement of the answers."""
    members = [facts[m] for m in pattern.members]
    if answers.deployment not in pattern.deployment or answers.trigger not in pattern.trigger:
        return False
    if any(not any(m.supports_channel(c) for m in members) for c in answers.channels):
        return False
    return not any(g.enforce == "exclude" and v > g.limit
                   for m in members for g, v in applicable_guardrails(m, answers))


def exit_code_for(result: Result) -> int:
    """0 when a blueprint was recommended, 3 when none fits (PRODUCT.md section 5)."""
    return 0 if result.pick is not None else 3

