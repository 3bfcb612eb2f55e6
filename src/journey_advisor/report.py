"""Builds the machine-readable result objects of PRODUCT.md section 5.

Keys are never localized; the texts (descriptions, reasons, warnings) are in the user's language.
"""

from __future__ import annotations

from typing import Any, Mapping

from .i18n import Localizer
from .models import BlueprintFacts, Integration, PageSet, Result

SCHEMA_VERSION = 1


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
