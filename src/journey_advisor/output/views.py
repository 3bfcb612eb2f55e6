"""Builds the machine-readable result objects of PRODUCT.md section 5.

Keys are never localized; the texts (descriptions, reasons, warnings) are in the user's language.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..core.explain import Explanation
from ..core.i18n import Localizer
from ..models import (
    BlueprintFacts,
    BlueprintPage,
    Count,
    Date,
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
    LATENCIES,
    NEED_ANSWERS,
    NEEDS,
    SCHEMA_VERSION,
    SECTION_KINDS,
)


def fact_word(value: object, t: Localizer, only_for: list[str] | None = None) -> str:
    """A compared fact in words: an engagement level, a data fit, a latency, what the
    documentation says of a need, or yes/no for a bool; `only_for` names the engagement
    models it is limited to."""
    if value is True:
        word = t.text("label.yes")
    elif value is False or value is None:
        return t.text("label.no")
    elif value in ("primary", "supported", "limited"):
        word = t.text(f"level.{value}")
    elif value in LATENCIES:
        word = t.term(str(value))
    elif value in NEED_ANSWERS:
        word = t.text(f"need_answer.{value}")
    else:
        word = t.text(f"fit.{value}")
    if only_for:
        word = t.beside(word, t.text("label.only_for", models=Terms(tuple(only_for))))
    return word


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
        "source": integration.source,
    }


def result_dict(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
                localizer: Localizer, explanation: Explanation | None = None,
                with_trace: bool = False) -> dict[str, Any]:
    """The `recommend --format json` object (PRODUCT.md section 5); `trace` with --explain."""
    recommendation = None
    against = explanation.against if explanation else {}
    if result.pick is not None:
        top = result.ranking[0]
        summary = blueprint_summary(result.pick, facts, pages, localizer)
        recommendation = {
            "id": summary["id"], "name": summary["name"], "description": summary["description"],
            "status": summary["status"], "score": top.score,
            "reasons": [localizer.message(m) for m in top.reasons], "link": summary["link"],
            "margin": result.margin, "eliminated": list(result.eliminated),
        }
    data = {
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
                "status": facts[verdict.blueprint].status,
                "against": [localizer.message(m) for m in against.get(verdict.blueprint, ())],
            }
            for verdict in result.ranking
        ],
        "integration": integration_dict(result.integration, localizer),
        "warnings": [localizer.message(m) for m in result.warnings],
        "caveats": caveat_dicts(result, localizer),
        "what_if": ([{"blueprint": item.blueprint, "changes": dict(item.changes)}
                     for item in explanation.what_if]
                    if explanation is not None and explanation.what_if is not None else None),
    }
    if with_trace and explanation is not None:
        data["trace"] = [{"rule": e.rule, "blueprint": e.blueprint, "effect": e.effect,
                          "points": e.points, "text": localizer.message(e.message),
                          "source": e.source} for e in explanation.trace]
    return data


def sources_text(sources: tuple[str, ...] | list[str], t: Localizer) -> str:
    """Several sources in one line, apart as the locale keeps groups apart."""
    return t.text("list.group_separator", "; ").join(sources)


def caveat_dicts(result: Result, localizer: Localizer) -> list[dict[str, Any]]:
    """The result's caveats: id, localized text, and the sources that conflict."""
    return [{"id": caveat.id, "text": localizer.message(caveat.message),
             "sources": list(caveat.sources)} for caveat in result.caveats]


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
            "channels": list(guardrail.channels) if guardrail.channels else None,
            "enforce": guardrail.enforce, "status": guardrail.status,
            "withdrawn": guardrail.withdrawn, "stated": guardrail.stated, "source": guardrail.source}


def guardrail_line(guardrail: Mapping[str, Any], t: Localizer) -> str:
    """One guardrail of `guardrail_dict` in a sentence of the locale: its name with what the
    figure is (withdrawn on a date, a sizing that can grow), its limit with the measure, and
    the engagement models it applies to."""
    name = t.beside(guardrail["label"], figure_note(guardrail["status"], guardrail["withdrawn"], t))
    params = {"guardrail": name, "value": Count(guardrail["limit"]),
              "measure": Term(guardrail["measure"])}
    if guardrail["applies_to"]:
        return t.text("label.guardrail_models", models=Terms(tuple(guardrail["applies_to"])),
                      **params)
    return t.text("label.guardrail_limit", **params)


def figure_note(status: str, withdrawn: str | None, t: Localizer) -> str:
    """What a guardrail's figure is, in parentheses of the locale: "(withdrawn 17 December
    2024)", "(a sizing that can grow)"; nothing for a documented limit."""
    if status == "withdrawn":
        return t.text("label.figure_withdrawn", date=Date(withdrawn) if withdrawn else "?")
    if status == "sizing":
        return t.text("label.figure_sizing")
    return ""


def compare_dict(facts: Mapping[str, BlueprintFacts], pages: PageSet, localizer: Localizer,
                 result: Result | None = None) -> dict[str, Any]:
    """The `compare --format json` object: every fact side by side; `meets` when answers given."""
    ids = [bp for bp in BLUEPRINT_IDS if bp in facts]

    def row(section: str, key: str) -> dict[str, Any]:
        return {bp: getattr(facts[bp], section)[key].value if key in getattr(facts[bp], section)
                else None for bp in ids}

    def only_for(section: str) -> dict[str, dict[str, list[str]]]:
        """Facts that hold for some engagement models only: key -> blueprint -> models."""
        out: dict[str, dict[str, list[str]]] = {}
        for bp in ids:
            for key, fact in getattr(facts[bp], section).items():
                if fact.models is not None:
                    out.setdefault(key, {})[bp] = list(fact.models)
        return out

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
        "latency": {model: row("latency", model) for model in ENGAGEMENT_MODELS},
        "needs": {n: row("needs", n) for n in NEEDS},
        "only_for": {"channels": only_for("channels"), "needs": only_for("needs")},
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
            t.text("label.score_column"), t.text("label.integration"), t.text("label.notes")]


# Answers that mean "no preference" or "nothing", left out of a batch row's summary.
UNSTATED = (None, (), "any", "none")


def answers_summary(answers: Any, t: Localizer) -> str:
    """The answers of one scenario in the user's words, short enough for one table cell."""
    parts = []
    for field in answers._fields:
        value = answers.get(field)
        if value in UNSTATED:
            continue
        if field in ("profiles", "messages_per_hour"):
            parts.append(t.text("label.measure_value", value=Count(value), measure=Term(field)))
        elif isinstance(value, (tuple, list)):
            parts.append(t.terms(list(value)))
        else:
            parts.append(t.term(str(value)))
    return t.text("list.answers_separator", "; ").join(parts)


def batch_row(row: str, result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
              t: Localizer) -> list[str]:
    """One line of a batch: row, answers, pick (or none), score, integration, and the notes:
    what blocks each blueprint when none fits (✗), then the warnings (⚠)."""
    pick = (blueprint_summary(result.pick, facts, pages, t)["name"] if result.pick
            else t.text("label.none"))
    if result.pick and facts[result.pick].status == "deprecated":
        pick = t.annotated(pick, t.text("status.deprecated"))
    score = str(result.ranking[0].score) if result.pick else "—"
    integration = integration_dict(result.integration, t)
    notes = []
    if result.pick is None:
        notes += ["✗ " + t.message(m) for verdict in result.ranking for m in verdict.blocked_by]
    notes += ["⚠ " + t.message(m) for m in result.warnings]
    return [row, answers_summary(result.answers, t), pick, score,
            integration["name"] if integration else "", "\n".join(notes)]


def what_if_lines(explanation: Explanation, result: Result, facts: Mapping[str, BlueprintFacts],
                  t: Localizer) -> list[str]:
    """"It would be Campaign v8 if the data strategy were own database", for each other
    blueprint; "no change of one or two answers" for those none can make the pick."""
    if explanation.what_if is None:
        return []
    found = {item.blueprint: item for item in explanation.what_if}
    lines = []
    for verdict in result.ranking:
        bp = verdict.blueprint
        if bp == result.pick:
            continue
        name = facts[bp].name
        if bp not in found:
            lines.append(t.text("what_if.none", blueprint=name))
            continue
        parts = [t.text("what_if.removed", question=t.text(f"question_name.{q}")) if value is None
                 else t.text("what_if.change", question=t.text(f"question_name.{q}"),
                             value=_answer_words(value, t))
                 for q, value in found[bp].changes.items()]
        lines.append(t.text("what_if.line", blueprint=name,
                            changes=t.text("what_if.joiner").join(parts)))
    return lines


def _answer_words(value: Any, t: Localizer) -> str:
    if isinstance(value, (list, tuple)):
        return t.terms(tuple(value)) if value else t.text("label.none")
    if isinstance(value, int) and not isinstance(value, bool):
        return t.count(value)
    return t.term(str(value))
