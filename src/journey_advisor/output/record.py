"""The `recommend --format markdown` decision record: a document an architect can paste as is."""

from __future__ import annotations

from typing import Mapping

from ..core.i18n import Localizer
from ..models import BlueprintFacts, BlueprintPage, Count, PageSet, Result, Term
from .markdown import escape_cell
from .views import blueprint_summary, integration_dict


def _answer_rows(result: Result, t: Localizer) -> list[str]:
    answers = result.answers
    rows = [
        (t.text("question.trigger"), t.term(answers.trigger)),
        (t.text("question.channels"), t.terms(answers.channels)),
        (t.text("question.deployment"), t.term(answers.deployment)),
        (t.text("question.data"), t.term(answers.data)),
    ]
    if answers.profiles is not None:
        rows.append((t.text("question.profiles"), t.count(answers.profiles)))
    if answers.messages_per_hour is not None:
        rows.append((t.text("question.messages_per_hour"), t.count(answers.messages_per_hour)))
    return [f"| {escape_cell(q)} | {escape_cell(a)} |" for q, a in rows]


def guardrail_lines(blueprint: BlueprintFacts, result: Result, t: Localizer) -> list[str]:
    """The blueprint's documented limits that apply to these answers, with the stated values."""
    answers = result.answers
    lines = []
    for guardrail in blueprint.guardrails:
        if guardrail.applies_to is not None and answers.trigger not in guardrail.applies_to:
            continue
        stated = answers.get(guardrail.measure)
        params = {"guardrail": t.text("guardrail." + guardrail.id), "value": Count(guardrail.limit),
                  "measure": Term(guardrail.measure)}
        if stated is not None:
            lines.append(t.text("record.guardrail_stated", stated=Count(stated), **params))
        else:
            lines.append(t.text("label.guardrail_limit", **params))
    return lines


def render_decision_record(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
                           page: BlueprintPage | None, t: Localizer) -> str:
    """The record of one recommendation; `page` is the pick's own page (its prerequisites)."""
    out = [f"# {t.text('record.title')}", "", f"## {t.text('record.context')}", "",
           f"| {t.text('label.answers')} | |", "|---|---|", *_answer_rows(result, t), ""]
    out += [f"## {t.text('record.decision')}", ""]
    by_id = {v.blueprint: v for v in result.ranking}
    links = []
    if result.pick is not None:
        summary = blueprint_summary(result.pick, facts, pages, t)
        verdict = by_id[result.pick]
        title = f"**{summary['name']}**"
        if summary["status"] == "deprecated":
            title = t.annotated(title, t.text("status.deprecated"))
        out += [f"{title} — {t.text('label.score', score=verdict.score)}", ""]
        if summary["description"]:
            out += [summary["description"], ""]
        out += [f"### {t.text('record.why')}", ""]
        out += [f"- {t.message(m)}" for m in verdict.reasons] + [""]
        links.append((summary["name"], summary["link"]))
    else:
        out += [t.text("record.no_decision"), ""]
    out += [f"## {t.text('record.alternatives')}", "",
            f"| {t.text('label.blueprint')} | {t.text('label.eligible')} | "
            f"{t.text('label.score_column')} | {t.text('label.why_not')} |", "|---|---|---|---|"]
    best = by_id[result.pick].score if result.pick else 0
    for verdict in result.ranking:
        if verdict.blueprint == result.pick:
            continue
        summary = blueprint_summary(verdict.blueprint, facts, pages, t)
        why_not = ("\n".join(t.message(m) for m in verdict.blocked_by) if verdict.blocked_by
                   else "\n".join([t.text("label.lower_score", score=verdict.score, best=best)]
                                   + [t.message(m) for m in verdict.reasons]))
        eligible = t.text("label.yes" if verdict.eligible else "label.no")
        out.append(f"| {escape_cell(summary['name'])} | {eligible} | {verdict.score} | "
                   f"{escape_cell(why_not)} |")
        links.append((summary["name"], summary["link"]))
    out.append("")
    if result.pick is not None:
        prerequisites = page.sections.get("prerequisites", ()) if page else ()
        if prerequisites:
            out += [f"## {t.text('record.prerequisites')}", ""]
            out += [f"- [ ] {item}" for item in prerequisites] + [""]
        lines = guardrail_lines(facts[result.pick], result, t)
        if lines or result.warnings:
            out += [f"## {t.text('record.guardrails')}", ""]
            out += [f"- {line}" for line in lines]
            out += [f"- ⚠ {t.message(m)}" for m in result.warnings] + [""]
    elif result.warnings:
        out += [f"## {t.text('label.warnings')}", ""]
        out += [f"- ⚠ {t.message(m)}" for m in result.warnings] + [""]
    integration = integration_dict(result.integration, t)
    if integration is not None:
        out += [f"## {t.text('record.integration')}", "", f"**{integration['name']}**", "",
                integration["description"], ""]
        links.append((integration["name"], integration["link"]))
    out += [f"## {t.text('record.links')}", ""]
    out += [f"- [{name}]({link})" for name, link in links]
    return "\n".join(out) + "\n"

