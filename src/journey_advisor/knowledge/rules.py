"""rules.yaml: the questions, the rules (exclude, score, warn), the tie-break order and the
documented integration patterns. Validated on load against the vocabulary of PRODUCT.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from ..models import CaveatRule, Constraint, Integration, Question, Rule, RuleSet
from ..vocabulary import (
    BLUEPRINT_IDS,
    LATENCIES,
    NEED_ANSWERS,
    NEEDS,
    QUESTION_IDS,
    QUESTION_OPTIONS,
)
from .files import read_yaml
from .schema import Checker, show

RULE_EFFECTS = ("exclude", "score", "warn")
RULE_CHECKS = {
    "exclude": ("channels", "channels-for-model", "deployment", "guardrail-exceeded", "latency",
                "need-unmet"),
    "warn": ("guardrail-withdrawn", "guardrail-sizing", "guardrail-share", "guardrail-near",
             "deprecated", "need-open"),
}
# Conditions on the answers: a choice answer is one of the values listed, a list answer
# (channels, needs) shares one with them, a count is `{at_least: N}`.
WHEN_KEYS = ("trigger", "channels", "deployment", "data", "latency", "needs", "current",
             "profiles", "messages_per_hour")
COUNT_KEYS = ("profiles", "messages_per_hour")
# Conditions on the result as well, for integration patterns and caveats.
RESULT_KEYS = ("pick", "integration", "eligible")
QUESTION_KINDS = ("choice", "choices", "count")


def load_rules(path: Path) -> RuleSet:
    """Load rules.yaml (questions, rules, tie-break, integrations); DataError listing every problem."""
    return read_yaml(path, lambda raw: rules_from(raw, path))


def rules_from(raw: Any, path: Path) -> RuleSet:
    """Validate parsed data of `path` and build the models; DataError naming every problem."""
    check = Checker(path)
    root = check.mapping(raw, "", required=(
        "schema_version", "near_limit_ratio", "tie_break", "questions", "rules", "integrations",
        "caveats"))
    if root and root.get("schema_version") != 1:
        check.add("schema_version", "expected 1")
    ratio = root.get("near_limit_ratio", 0.8)
    if isinstance(ratio, bool) or not isinstance(ratio, (int, float)) or not 0 < ratio <= 1:
        check.add("near_limit_ratio", f"expected a number above 0 and at most 1, found {show(ratio)}")
        ratio = 0.8
    tie_break = check.choices(root.get("tie_break", []), "tie_break", BLUEPRINT_IDS)
    if root and sorted(map(str, tie_break)) != sorted(BLUEPRINT_IDS):
        check.add("tie_break", f"must list each of {', '.join(BLUEPRINT_IDS)} once")
    questions = tuple(_question(check, f"questions[{i}]", q) for i, q in
                      enumerate(check.list_of(root.get("questions", []), "questions")))
    if root and [q.id for q in questions] != list(QUESTION_IDS):
        check.add("questions", f"must define, in this order: {', '.join(QUESTION_IDS)}")
    rules = tuple(_rule(check, f"rules[{i}]", r) for i, r in
                  enumerate(check.list_of(root.get("rules", []), "rules")))
    seen: set[str] = set()
    for index, rule in enumerate(rules):
        if rule.id in seen:
            check.add(f"rules[{index}].id", f"duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    integrations = tuple(_integration(check, f"integrations[{i}]", x) for i, x in
                         enumerate(check.list_of(root.get("integrations", []), "integrations")))
    pattern_ids = [pattern.id for pattern in integrations]
    caveats = tuple(_caveat(check, f"caveats[{i}]", x, pattern_ids) for i, x in
                    enumerate(check.list_of(root.get("caveats", []), "caveats")))
    check.done()
    return RuleSet(questions=questions, rules=rules, tie_break=tie_break,
                   near_limit_ratio=float(ratio), integrations=integrations, caveats=caveats)


def _question(check: Checker, where: str, raw: Any) -> Question:
    node = check.mapping(raw, where, required=("id", "kind"),
                         optional=("required", "options", "default"))
    question_id = node.get("id")
    check.choice(question_id, f"{where}.id", QUESTION_IDS)
    check.choice(node.get("kind"), f"{where}.kind", QUESTION_KINDS)
    options = tuple(check.list_of(node.get("options") or [], f"{where}.options"))
    expected = QUESTION_OPTIONS.get(str(question_id), ())
    if options != expected:
        check.add(f"{where}.options", f"must be exactly: {', '.join(expected) or '(none)'}")
    default = node.get("default")
    if default is not None and (not isinstance(default, str) or default not in options):
        check.choice(default, f"{where}.default", options)
    required = node.get("required", False)
    if not isinstance(required, bool):
        check.add(f"{where}.required", f"expected true or false, found {show(required)}")
    return Question(id=str(question_id) if isinstance(question_id, str) else "?",
                    kind=str(node.get("kind")) if isinstance(node.get("kind"), str) else "?",
                    required=required is True, options=options,
                    default=default if isinstance(default, str) else None)


def _when(check: Checker, where: str, raw: Any, keys: Iterable[str],
          patterns: Iterable[str] = ()) -> dict[str, Any]:
    node = check.mapping(raw, where, optional=keys)
    out: dict[str, Any] = {}
    for key, values in node.items():
        at = f"{where}.{key}"
        if key in COUNT_KEYS:
            bound = check.mapping(values, at, required=("at_least",))
            out[key] = {"at_least": check.integer(bound.get("at_least"), f"{at}.at_least", 1)}
            continue
        allowed = (BLUEPRINT_IDS if key in ("pick", "eligible") else tuple(patterns)
                   if key == "integration" else QUESTION_OPTIONS.get(key, ()))
        out[key] = check.choices(values, at, allowed)
    return out


def _rule(check: Checker, where: str, raw: Any) -> Rule:
    node = check.mapping(raw, where, required=("id", "effect", "reason", "source"),
                         optional=("check", "when", "blueprints", "points"))
    effect = node.get("effect")
    check.choice(effect, f"{where}.effect", RULE_EFFECTS)
    rule_check = node.get("check")
    when = _when(check, f"{where}.when", node["when"], WHEN_KEYS) if "when" in node else {}
    if effect in RULE_CHECKS:
        if rule_check is None and not (effect == "warn" and when):
            check.add(f"{where}.check", f"a {effect} rule needs a check"
                      + (" or, for a warning, a condition" if effect == "warn" else ""))
        elif rule_check is not None:
            check.choice(rule_check, f"{where}.check", RULE_CHECKS[effect])
    elif rule_check is not None:
        check.add(f"{where}.check", "a score rule takes `when`, not `check`")
    if effect == "score":
        if not when:
            check.add(f"{where}.when", "a score rule needs a condition")
        points = check.integer(node.get("points"), f"{where}.points", minimum=1)
    else:
        points = 0
        if "points" in node:
            check.add(f"{where}.points", "only score rules take points")
    blueprints = node.get("blueprints")
    return Rule(
        id=check.string(node.get("id"), f"{where}.id"),
        effect=str(effect),
        reason=check.string(node.get("reason"), f"{where}.reason"),
        check=rule_check,
        when=when,
        blueprints=(check.choices(blueprints, f"{where}.blueprints", BLUEPRINT_IDS)
                    if blueprints is not None else None),
        points=points,
        source=check.string(node.get("source"), f"{where}.source"),
    )


def _integration(check: Checker, where: str, raw: Any) -> Integration:
    node = check.mapping(raw, where, required=(
        "id", "members", "deployment", "trigger", "suggest_when", "link", "source"),
        optional=("needs", "latency", "constraints"))
    suggest = node.get("suggest_when", [])
    suggest = suggest if isinstance(suggest, list) else [suggest]
    needs = check.mapping(node.get("needs", {}), f"{where}.needs", optional=NEEDS)
    for need, meets in needs.items():
        check.choice(meets, f"{where}.needs.{need}", NEED_ANSWERS)
    latency = node.get("latency")
    if latency is not None:
        check.choice(latency, f"{where}.latency", LATENCIES)
    constraints = []
    for index, item in enumerate(check.list_of(node.get("constraints", []), f"{where}.constraints")):
        at = f"{where}.constraints[{index}]"
        spec = check.mapping(item, at, required=("id", "when", "reason"))
        constraints.append(Constraint(id=check.string(spec.get("id"), f"{at}.id"),
                                      when=_when(check, f"{at}.when", spec.get("when", {}), WHEN_KEYS),
                                      reason=check.string(spec.get("reason"), f"{at}.reason")))
    return Integration(
        id=check.string(node.get("id"), f"{where}.id"),
        members=check.choices(node.get("members", []), f"{where}.members", BLUEPRINT_IDS),
        deployment=check.choices(node.get("deployment", []), f"{where}.deployment",
                                 QUESTION_OPTIONS["deployment"]),
        trigger=check.choices(node.get("trigger", []), f"{where}.trigger",
                              QUESTION_OPTIONS["trigger"]),
        suggest_when=tuple(_when(check, f"{where}.suggest_when[{i}]", item, ("pick",) + WHEN_KEYS)
                           for i, item in enumerate(suggest)),
        link=check.string(node.get("link"), f"{where}.link"),
        needs={k: v for k, v in needs.items() if v in NEED_ANSWERS},
        latency=latency if latency in LATENCIES else None,
        constraints=tuple(constraints),
        source=check.string(node.get("source"), f"{where}.source"),
    )


def _caveat(check: Checker, where: str, raw: Any, patterns: list[str]) -> CaveatRule:
    node = check.mapping(raw, where, required=("id", "when", "sources"))
    sources = check.list_of(node.get("sources", []), f"{where}.sources")
    for index, source in enumerate(sources):
        check.string(source, f"{where}.sources[{index}]")
    if not sources:
        check.add(f"{where}.sources", "a caveat names the sources that conflict")
    return CaveatRule(id=check.string(node.get("id"), f"{where}.id"),
                      when=_when(check, f"{where}.when", node.get("when", {}),
                                 WHEN_KEYS + RESULT_KEYS, patterns),
                      sources=tuple(str(source) for source in sources))
