"""Reads the bundled YAML data (facts, rules, UI strings, glossaries), validates it and builds models.

YAML is only ever read with a safe loader. Every problem in a file is collected and raised once as
a DataError naming the file and the key path (`rules[3].when.budget`) or line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from .cache import cached
from .errors import DataError
from .files import parse_yaml, read_text
from .models import (
    BLUEPRINT_IDS,
    QUESTION_IDS,
    BlueprintFacts,
    Fact,
    Guardrail,
    Integration,
    Question,
    Rule,
    RuleSet,
)

MAX_DATA_BYTES = 1_000_000
RULE_EFFECTS = ("exclude", "score", "warn")
RULE_CHECKS = {
    "exclude": ("channels", "deployment", "guardrail-exceeded"),
    "warn": ("guardrail-soft", "guardrail-near", "deprecated"),
}
WHEN_KEYS = ("trigger", "channels", "deployment", "data")
QUESTION_KINDS = ("choice", "choices", "count")
STATUSES = ("current", "deprecated")
ENGAGEMENT_LEVELS = ("primary", "supported", "limited")
DATA_FITS = ("native", "partial", "none")
ENFORCE = ("exclude", "warn")
MEASURES = ("profiles", "messages_per_hour")


def read_yaml(path: Path) -> Any:
    """Parse one YAML file with the safe loader; DataError with file and line when it cannot.

    The parsed data is cached by content, so a warm start does not even import PyYAML.
    """
    text = read_text(path, MAX_DATA_BYTES)
    return cached(text, "yaml", lambda: parse_yaml(text, str(path)))


class Checker:
    """Collects every problem of one file, with its key path, and raises them together."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}" if where else message)

    def mapping(self, value: Any, where: str, required: Iterable[str] = (),
                optional: Iterable[str] = ()) -> dict:
        if not isinstance(value, dict):
            self.add(where, f"expected a mapping, found {_kind(value)}")
            return {}
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                hint = _did_you_mean(key, allowed)
                self.add(_join(where, key), f"unknown key{hint}")
        for key in required:
            if key not in value:
                self.add(_join(where, key), "missing")
        return value

    def list_of(self, value: Any, where: str) -> list:
        if not isinstance(value, list):
            self.add(where, f"expected a list, found {_kind(value)}")
            return []
        return value

    def choice(self, value: Any, where: str, allowed: Iterable[str]) -> bool:
        allowed = tuple(allowed)
        if not isinstance(value, str) or value not in allowed:
            hint = _did_you_mean(value, allowed)
            self.add(where, f"{show(value)} is not one of {', '.join(allowed)}{hint}")
            return False
        return True

    def choices(self, value: Any, where: str, allowed: Iterable[str]) -> tuple[str, ...]:
        items = self.list_of(value, where)
        for index, item in enumerate(items):
            self.choice(item, f"{where}[{index}]", allowed)
        return tuple(items)

    def string(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.add(where, f"expected a non-empty string, found {_kind(value)}")
            return ""
        return value

    def integer(self, value: Any, where: str, minimum: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.add(where, f"expected a whole number of at least {minimum}, found {show(value)}")
            return minimum
        return value

    def done(self) -> None:
        if self.problems:
            details = "; ".join(self.problems[:20])
            more = f" (and {len(self.problems) - 20} more)" if len(self.problems) > 20 else ""
            raise DataError("error.invalid_data", "{file}: {details}",
                            file=str(self.path), details=details + more)


def _join(where: str, key: Any) -> str:
    return f"{where}.{key}" if where else str(key)


def show(value: Any) -> str:
    """A short, safe rendering of any YAML value: never expands lists or mappings (alias bombs)."""
    if isinstance(value, str):
        return repr(value[:60] + ("…" if len(value) > 60 else ""))
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    return _kind(value)


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", type(None): "nothing"}.get(
        type(value), type(value).__name__)


def _did_you_mean(value: Any, allowed: Iterable[str]) -> str:
    import difflib

    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value[:100], [str(a) for a in allowed], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def load_facts(path: Path) -> dict[str, BlueprintFacts]:
    """Load blueprints.yaml into BlueprintFacts by id; DataError listing every problem."""
    check = Checker(path)
    root = check.mapping(read_yaml(path), "", required=("schema_version", "blueprints"))
    if root and root.get("schema_version") != 1:
        check.add("schema_version", "expected 1")
    blueprints = check.mapping(root.get("blueprints", {}), "blueprints", optional=BLUEPRINT_IDS)
    for missing in (b for b in BLUEPRINT_IDS if blueprints and b not in blueprints):
        check.add(f"blueprints.{missing}", "missing")
    facts = {}
    for blueprint_id, raw in blueprints.items():
        if blueprint_id in BLUEPRINT_IDS:
            facts[blueprint_id] = _blueprint_facts(check, blueprint_id, raw)
    check.done()
    return facts


def _blueprint_facts(check: Checker, blueprint_id: str, raw: Any) -> BlueprintFacts:
    where = f"blueprints.{blueprint_id}"
    node = check.mapping(raw, where, required=(
        "name", "status", "link", "engagement", "channels", "deployment", "data", "guardrails"),
        optional=("deprecated_since",))

    def facts_of(key: str, allowed: Iterable[str], value_key: str,
                 validate: Callable[[Any, str], bool]) -> dict[str, Fact]:
        section = check.mapping(node.get(key, {}), f"{where}.{key}", optional=allowed)
        out = {}
        for item, fact in section.items():
            item_where = f"{where}.{key}.{item}"
            fact = check.mapping(fact, item_where, required=(value_key, "source"))
            if value_key in fact and validate(fact[value_key], f"{item_where}.{value_key}"):
                out[item] = Fact(fact[value_key], str(fact.get("source", "")))
        return out

    def is_bool(value: Any, at: str) -> bool:
        if not isinstance(value, bool):
            check.add(at, f"expected true or false, found {show(value)}")
            return False
        return True

    status = node.get("status")
    check.choice(status, f"{where}.status", STATUSES)
    guardrails = tuple(_guardrail(check, f"{where}.guardrails[{i}]", g)
                       for i, g in enumerate(check.list_of(node.get("guardrails", []),
                                                          f"{where}.guardrails")))
    deprecated_since = node.get("deprecated_since")
    return BlueprintFacts(
        id=blueprint_id,
        name=check.string(node.get("name"), f"{where}.name"),
        status=status if status in STATUSES else "current",
        link=check.string(node.get("link"), f"{where}.link"),
        engagement=facts_of("engagement", ("triggered", "scheduled"), "level",
                            lambda v, at: check.choice(v, at, ENGAGEMENT_LEVELS)),
        channels=facts_of("channels", QUESTION_OPTIONS["channels"], "supported", is_bool),
        deployment=facts_of("deployment", QUESTION_OPTIONS["deployment"], "supported", is_bool),
        data=facts_of("data", ("platform", "etl"), "fit",
                      lambda v, at: check.choice(v, at, DATA_FITS)),
        guardrails=guardrails,
        deprecated_since=str(deprecated_since) if deprecated_since is not None else None,
    )


def _guardrail(check: Checker, where: str, raw: Any) -> Guardrail:
    node = check.mapping(raw, where, required=(
        "id", "measure", "limit", "unit", "stated", "enforce", "source"), optional=("applies_to",))
    check.choice(node.get("measure"), f"{where}.measure", MEASURES)
    check.choice(node.get("enforce"), f"{where}.enforce", ENFORCE)
    applies_to = node.get("applies_to")
    return Guardrail(
        id=check.string(node.get("id"), f"{where}.id"),
        measure=str(node.get("measure")),
        limit=check.integer(node.get("limit"), f"{where}.limit", minimum=1),
        unit=check.string(node.get("unit"), f"{where}.unit"),
        stated=check.string(node.get("stated"), f"{where}.stated"),
        enforce=str(node.get("enforce")),
        source=check.string(node.get("source"), f"{where}.source"),
        applies_to=(check.choices(applies_to, f"{where}.applies_to", QUESTION_OPTIONS["trigger"])
                    if applies_to is not None else None),
    )


# The answer vocabulary is fixed by the product contract (PRODUCT.md section 3); rules.yaml must
# declare exactly these options, so a typo there is caught instead of silently never matching.
QUESTION_OPTIONS = {
    "trigger": ("triggered", "scheduled", "both"),
    "channels": ("email", "sms", "push", "in-app", "web", "code-based", "direct-mail", "custom"),
    "deployment": ("cloud", "on-premise", "hybrid"),
    "data": ("platform", "etl", "any"),
}


def load_rules(path: Path) -> RuleSet:
    """Load rules.yaml (questions, rules, tie-break, integrations); DataError listing every problem."""
    check = Checker(path)
    root = check.mapping(read_yaml(path), "", required=(
        "schema_version", "near_limit_ratio", "tie_break", "questions", "rules", "integrations"))
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
    check.done()
    return RuleSet(questions=questions, rules=rules, tie_break=tie_break,
                   near_limit_ratio=float(ratio), integrations=integrations)


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


def _when(check: Checker, where: str, raw: Any, keys: Iterable[str]) -> dict[str, tuple[str, ...]]:
    node = check.mapping(raw, where, optional=keys)
    out = {}
    for key, values in node.items():
        allowed = BLUEPRINT_IDS if key == "pick" else QUESTION_OPTIONS.get(key, ())
        out[key] = check.choices(values, f"{where}.{key}", allowed)
    return out


def _rule(check: Checker, where: str, raw: Any) -> Rule:
    node = check.mapping(raw, where, required=("id", "effect", "reason"),
                         optional=("check", "when", "blueprints", "points"))
    effect = node.get("effect")
    check.choice(effect, f"{where}.effect", RULE_EFFECTS)
    rule_check = node.get("check")
    when = _when(check, f"{where}.when", node["when"], WHEN_KEYS) if "when" in node else {}
    if effect in RULE_CHECKS:
        if rule_check is None:
            check.add(f"{where}.check", f"a {effect} rule needs a check")
        else:
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
    )


def _integration(check: Checker, where: str, raw: Any) -> Integration:
    node = check.mapping(raw, where, required=(
        "id", "members", "deployment", "trigger", "suggest_when", "link"))
    return Integration(
        id=check.string(node.get("id"), f"{where}.id"),
        members=check.choices(node.get("members", []), f"{where}.members", BLUEPRINT_IDS),
        deployment=check.choices(node.get("deployment", []), f"{where}.deployment",
                                 QUESTION_OPTIONS["deployment"]),
        trigger=check.choices(node.get("trigger", []), f"{where}.trigger",
                              QUESTION_OPTIONS["trigger"]),
        suggest_when=_when(check, f"{where}.suggest_when", node.get("suggest_when", {}),
                           ("pick",) + WHEN_KEYS),
        link=check.string(node.get("link"), f"{where}.link"),
    )


def load_strings(path: Path) -> dict[str, str]:
    """Load a UI-strings file into a flat {dotted.key: text} mapping."""
    check = Checker(path)
    flat: dict[str, str] = {}

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, _join(prefix, key))
        elif isinstance(node, str):
            flat[prefix] = node
        else:
            check.add(prefix, f"expected text or a mapping, found {_kind(node)}")

    root = read_yaml(path)
    if not isinstance(root, dict):
        check.add("", f"expected a mapping of strings, found {_kind(root)}")
    else:
        walk(root, "")
    check.done()
    return flat


GLOSSARY_SECTIONS = ("terms", "headings", "table")


def load_glossary(path: Path) -> dict[str, Any]:
    """Load a glossary: {'locale', 'native_name', 'terms': {...}, 'headings': {...}, 'table': {...}}."""
    check = Checker(path)
    root = check.mapping(read_yaml(path), "", required=(
        "locale", "native_name", "terms", "headings", "table"), optional=("sources",))
    for section in GLOSSARY_SECTIONS:
        node = root.get(section) or {}
        if not isinstance(node, dict):
            check.add(section, f"expected a mapping, found {_kind(node)}")
            continue
        for key, value in node.items():
            check.string(value, f"{section}.{key}")
    check.done()
    return root
