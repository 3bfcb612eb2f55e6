"""blueprints.yaml: the facts about each blueprint (engagement models, channels, deployment,
data strategy, guardrails with units, status), each naming its source. Validated on load."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from ..models import BlueprintFacts, Fact, Guardrail
from ..vocabulary import (
    BLUEPRINT_IDS,
    DATA_STRATEGIES,
    ENGAGEMENT_MODELS,
    LATENCIES,
    MEASURES,
    NEED_ANSWERS,
    NEEDS,
    QUESTION_OPTIONS,
    STATUSES,
)
from .files import read_yaml
from .schema import Checker, show

ENGAGEMENT_LEVELS = ("primary", "supported", "limited")
DATA_FITS = ("native", "partial", "none")
ENFORCE = ("exclude", "warn")
# documented (on today's pages), withdrawn (published, later removed), sizing (a documented
# size that can be extended), share (a limit of a part of the total the user states)
FIGURE_STATUSES = ("documented", "withdrawn", "sizing", "share")


def load_facts(path: Path) -> dict[str, BlueprintFacts]:
    """Load blueprints.yaml into BlueprintFacts by id; DataError listing every problem."""
    return read_yaml(path, lambda raw: facts_from(raw, path))


def facts_from(raw: Any, path: Path) -> dict[str, BlueprintFacts]:
    """Validate parsed data of `path` and build the models; DataError naming every problem."""
    check = Checker(path)
    root = check.mapping(raw, "", required=("schema_version", "blueprints"))
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
        "name", "status", "link", "engagement", "channels", "deployment", "data", "guardrails",
        "latency", "needs"), optional=("deprecated_since",))

    def facts_of(key: str, allowed: Iterable[str], value_key: str,
                 validate: Callable[[Any, str], bool], extras: Iterable[str] = ()) -> dict[str, Fact]:
        section = check.mapping(node.get(key, {}), f"{where}.{key}", optional=allowed)
        out = {}
        for item, fact in section.items():
            item_where = f"{where}.{key}.{item}"
            fact = check.mapping(fact, item_where, required=(value_key, "source"), optional=extras)
            if value_key in fact and validate(fact[value_key], f"{item_where}.{value_key}"):
                out[item] = Fact(
                    fact[value_key], str(fact.get("source", "")),
                    models=(check.choices(fact["models"], f"{item_where}.models", ENGAGEMENT_MODELS)
                            if "models" in fact else None),
                    channels=(check.choices(fact["channels"], f"{item_where}.channels",
                                            QUESTION_OPTIONS["channels"])
                              if "channels" in fact else None),
                    latency=(str(fact["latency"]) if "latency" in fact and check.choice(
                        fact["latency"], f"{item_where}.latency", LATENCIES) else None))
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
        channels=facts_of("channels", QUESTION_OPTIONS["channels"], "supported", is_bool,
                          extras=("models",)),
        deployment=facts_of("deployment", QUESTION_OPTIONS["deployment"], "supported", is_bool),
        data=facts_of("data", DATA_STRATEGIES, "fit",
                      lambda v, at: check.choice(v, at, DATA_FITS)),
        guardrails=guardrails,
        deprecated_since=str(deprecated_since) if deprecated_since is not None else None,
        latency=facts_of("latency", ENGAGEMENT_MODELS, "level",
                         lambda v, at: check.choice(v, at, LATENCIES)),
        needs=facts_of("needs", NEEDS, "meets", lambda v, at: check.choice(v, at, NEED_ANSWERS),
                       extras=("models", "channels", "latency")),
    )


def _guardrail(check: Checker, where: str, raw: Any) -> Guardrail:
    node = check.mapping(raw, where, required=(
        "id", "measure", "limit", "unit", "stated", "enforce", "source"),
        optional=("applies_to", "channels", "status", "withdrawn"))
    check.choice(node.get("measure"), f"{where}.measure", MEASURES)
    check.choice(node.get("enforce"), f"{where}.enforce", ENFORCE)
    status = node.get("status", "documented")
    check.choice(status, f"{where}.status", FIGURE_STATUSES)
    if (status == "withdrawn") != ("withdrawn" in node):
        check.add(f"{where}.withdrawn", "a withdrawn figure needs the date it was withdrawn, "
                  "and only a withdrawn one")
    applies_to = node.get("applies_to")
    channels = node.get("channels")
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
        channels=(check.choices(channels, f"{where}.channels", QUESTION_OPTIONS["channels"])
                  if channels is not None else None),
        status=str(status),
        withdrawn=str(node["withdrawn"]) if "withdrawn" in node else None,
    )


# The answer vocabulary is fixed by the product contract (PRODUCT.md section 3); rules.yaml must
# declare exactly these options, so a typo there is caught instead of silently never matching.
