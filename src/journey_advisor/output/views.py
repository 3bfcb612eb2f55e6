"""Builds the machine-readable result objects of PRODUCT.md section 5.

Keys are never localized; the texts (descriptions, reasons, warnings) are in the user's language.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..core.i18n import Localizer
from ..models import (
    BlueprintFacts,
    BlueprintPage,
    Count,
    Guardrail,
    Integration,
    PageSet,
    Result,
    Term,
    Terms,
)
from ..vocabulary import (
    BLUEPRINT_IDS,
    CHANNELS,
    DATA_STRATEGIES,
    DEPLOYMENTS,
    ENGAGEMENT_MODELS,
    SCHEMA_VERSION,
    SECTION_KINDS,
)


def fact_word(value: object, t: Localizer) -> str:
    """A compared fact in words: an engagement level or data fit, or yes/no for a bool."""
    if value is True:
        return t.text("label.yes")
    if value is False or value is None:
        return t.text("label.no")
    key = "level." if value in ("primary", "supported", "limited") else "fit."
    return t.text(key + str(value))


def localized_link(template: str, locale: str) -> str:
    """Experience League URL of a page in `locale` (its path segment is the lower-case code)."""
    return template.replace("{lang}", locale.lower())


def blueprint_summary(blueprint_id: str, facts: Mapping[str, BlueprintFacts], pages: PageSet,
                      localizer: Localizer) -> dict[str, Any]:
    """id, name, description, status and link of one blueprint, as `list` and `recommend` show it."""
    fact = facts[blueprint_id]
    entry = pages.entries.get(blueprint_id)
    # Today's facts win over an older page: a deprecated blueprint stays deprecated.
    status = "deprecated" if "deprecated" in (fact.status, entry.status if entry else "") else "current"
    return {
        "id": blueprint_id,
        "name": entry.name if entry and entry.name else fact.name,
        "description": entry.description if entry else "",
        "status": status,
        "link": localized_link(fact.link, localizer.locale),
    }


def integration_dict(integration: Integration | None, localizer: Localizer) -> dict[str, Any] | None:
    if integration is None:
        return None
    return {
        "id": integration.id,
        "name": localizer.text(f"integration.{integration.id}.name"),
        "description": localizer.text(f"integration.{integration.id}.description"),
        "members": list(integration.members),
        "link": localized_link(integration.link, localizer.locale),
    }


def result_dict(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
                localizer: Localizer) -> dict[str, Any]:
    """The `recommend --format json` object."""
    recommendation = None
    if result.pick is not None:
        top = result.ranking[0]
        summary = blueprint_summary(result.pick, facts, pages, localizer)
        recommendation = {
            "id": summary["id"], "name": summary["name"], "description": summary["description"],
            "status": summary["status"], "score": top.score,
            "reasons": [localizer.message(m) for m in top.reasons], "link": summary["link"],
        }
    return {
        "schema_version": SCHEMA_VERSION,
        "locale": localizer.locale,
        "answers": result.answers.as_dict(),
        "recommendation": recommendation,
        "ranking": [
            {
                "id": verdict.blueprint,
                "eligible": verdict.eligible,
                "score": verdict.score,
                "reasons": [localizer.message(m) for m in verdict.reasons],
                "blocked_by": [localizer.message(m) for m in verdict.blocked_by],
            }
            for verdict in result.ranking
        ],
        "integration": integration_dict(result.integration, localizer),
        "warnings": [localizer.message(m) for m in result.warnings],
    }


def list_dict(facts: Mapping[str, BlueprintFacts], pages: PageSet, localizer: Localizer) -> dict[str, Any]:
    """The `list --format json` object: the blueprints the source pages define."""
    ids = [bp for bp in BLUEPRINT_IDS if bp in pages.entries]
    return {"schema_version": SCHEMA_VERSION, "locale": localizer.locale,
            "blueprints": [blueprint_summary(bp, facts, pages, localizer) for bp in ids]}


def show_dict(blueprint_id: str, facts: Mapping[str, BlueprintFacts], pages: PageSet,
              page: BlueprintPage | None, localizer: Localizer) -> dict[str, Any]:
    """The `show ID --format json` object: the summary and the page's sections as lists."""
    summary = blueprint_summary(blueprint_id, facts, pages, localizer)
    sections = {kind: list(page.sections.get(kind, ())) if page else [] for kind in SECTION_KINDS}
    return {"schema_version": SCHEMA_VERSION, "locale": localizer.locale, **summary, **sections}


def guardrail_dict(guardrail: Guardrail, localizer: Localizer) -> dict[str, Any]:
    return {"id": guardrail.id, "label": localizer.text(f"guardrail.{guardrail.id}"),
            "measure": guardrail.measure, "limit": guardrail.limit, "unit": guardrail.unit,
            "applies_to": list(guardrail.applies_to) if guardrail.applies_to else None,
            "enforce": guardrail.enforce, "stated": guardrail.stated, "source": guardrail.source}


def guardrail_line(guardrail: dict[str, Any], t: Localizer) -> str:
    """One guardrail of `guardrail_dict` in a sentence of the locale: its name, its limit with
    the measure, and the engagement models it applies to."""
    params = {"guardrail": guardrail["label"], "value": Count(guardrail["limit"]),
              "measure": Term(guardrail["measure"])}
    if guardrail["applies_to"]:
        return t.text("label.guardrail_models", models=Terms(tuple(guardrail["applies_to"])),
                      **params)
    return t.text("label.guardrail_limit", **params)


def compare_dict(facts: Mapping[str, BlueprintFacts], pages: PageSet, localizer: Localizer,
                 result: Result | None = None) -> dict[str, Any]:
    """The `compare --format json` object: every fact side by side; `meets` when answers given."""
    ids = [bp for bp in BLUEPRINT_IDS if bp in facts]

    def row(section: str, key: str) -> dict[str, Any]:
        return {bp: getattr(facts[bp], section)[key].value if key in getattr(facts[bp], section)
                else None for bp in ids}

    meets = None
    if result is not None:
        meets = {v.blueprint: v.eligible for v in result.ranking}
    return {
        "schema_version": SCHEMA_VERSION,
        "locale": localizer.locale,
        "blueprints": [{k: blueprint_summary(bp, facts, pages, localizer)[k]
                        for k in ("id", "name", "status", "link")} for bp in ids],
        "engagement": {model: row("engagement", model) for model in ENGAGEMENT_MODELS},
        "channels": {c: row("channels", c) for c in CHANNELS},
        "deployment": {d: row("deployment", d) for d in DEPLOYMENTS},
        "data": {d: row("data", d) for d in DATA_STRATEGIES},
        "guardrails": {bp: [guardrail_dict(g, localizer) for g in facts[bp].guardrails] for bp in ids},
        "status": {bp: blueprint_summary(bp, facts, pages, localizer)["status"] for bp in ids},
        "answers": result.answers.as_dict() if result is not None else None,
        "meets": meets,
        "pick": result.pick if result is not None else None,
    }


def languages_dict(languages: list[dict[str, Any]], localizer: Localizer) -> dict[str, Any]:
    """The `languages --format json` object."""
    return {"schema_version": SCHEMA_VERSION, "locale": localizer.locale, "languages": languages}


def batch_header(t: Localizer) -> list[str]:
    return [t.text("label.row"), t.text("label.answers"), t.text("label.pick"),
            t.text("label.score_column"), t.text("label.integration"), t.text("label.warnings")]


def batch_row(row: str, result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
              t: Localizer) -> list[str]:
    """One line of a batch: row, answers, pick (or none), score, integration, warnings."""
    answers = result.answers
    # The answers in the glossary's words, like the rest of the table.
    parts = [t.term(answers.trigger), t.terms(answers.channels), t.term(answers.deployment)]
    if answers.data != "any":
        parts.append(t.term(answers.data))
    for measure in ("profiles", "messages_per_hour"):
        if answers.get(measure) is not None:
            parts.append(t.text("label.measure_value", value=Count(answers.get(measure)),
                                measure=Term(measure)))
    summary = t.text("list.group_separator", "; ").join(parts)
    pick = (blueprint_summary(result.pick, facts, pages, t)["name"] if result.pick
            else t.text("label.none"))
    score = str(result.ranking[0].score) if result.pick else "—"
    integration = integration_dict(result.integration, t)
    return [row, summary, pick, score, integration["name"] if integration else "",
            "\n".join(t.message(m) for m in result.warnings)]
