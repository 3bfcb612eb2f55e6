"""The `recommend --format markdown` decision record: a document an architect can hand to a
client (PRODUCT.md section 5). Valid CommonMark/GFM: headings, lists, tables with escaped
cells, a fenced Mermaid block. Everything it shows is handed in; it reads no file."""

from __future__ import annotations

import re
from typing import Any, Mapping, NamedTuple

from ..core.checks import guardrail_applies
from ..core.conditions import matches
from ..core.explain import Explanation
from ..core.i18n import Localizer
from ..models import BlueprintFacts, BlueprintPage, Count, PageSet, Result, Term
from ..vocabulary import CHANNELS
from .markdown import table_lines
from .views import (
    blueprint_summary,
    figure_note,
    integration_dict,
    sources_text,
    what_if_lines,
)


class RecordContext(NamedTuple):
    """What the record says about its own making, and what it draws."""

    date: str  # ISO 8601
    version: str
    fingerprint: str  # a short hash of the facts and rules used
    given: frozenset[str]  # the questions answered (the others took their defaults)
    page: BlueprintPage | None  # the pick's own page (its prerequisites)
    mermaid: str | None  # the pick's reference architecture, as a Mermaid flowchart


def answer_rows(result: Result, given: frozenset[str], t: Localizer) -> list[list[str]]:
    """(question, answer) rows; an answer nobody gave is marked as the default."""
    answers = result.answers
    rows = []
    for question in ("trigger", "channels", "deployment", "data", "profiles", "messages_per_hour",
                     "latency", "needs", "current"):
        value = answers.get(question)
        if value is None or value == ():
            continue
        if isinstance(value, tuple):
            words = t.terms(value)
        elif isinstance(value, int):
            words = t.count(value)
        else:
            words = t.term(value)
        if question not in given:
            words = t.beside(words, t.text("record.default"))
        rows.append([t.text(f"question.{question}"), words])
    return rows


def guardrail_lines(blueprint: BlueprintFacts, result: Result, t: Localizer) -> list[str]:
    """Every documented limit of the blueprint that applies to these answers: for each
    engagement model asked (`both` is both), the chosen channels, with the stated value."""
    answers = result.answers
    lines = []
    for guardrail in blueprint.guardrails:
        if not guardrail_applies(guardrail, answers):
            continue
        # What the figure is (withdrawn on a date, a sizing) goes beside its name.
        name = t.beside(t.text("guardrail." + guardrail.id),
                        figure_note(guardrail.status, guardrail.withdrawn, t))
        params = {"guardrail": name, "value": Count(guardrail.limit),
                  "measure": Term(guardrail.measure)}
        stated = answers.get(guardrail.measure)
        if stated is not None:
            lines.append(t.text("record.guardrail_stated", stated=Count(stated), **params))
        else:
            lines.append(t.text("label.guardrail_limit", **params))
    return lines


def prerequisites_for(page: BlueprintPage | None, result: Result, t: Localizer) -> list[str]:
    """The page's prerequisites for the chosen channels only: an item grouped under a channel
    ("Mobile push: …", with the locale's separator) is kept when that channel is chosen;
    general items are kept."""
    if page is None:
        return []
    chosen = set(result.answers.channels)
    kept = []
    for item in page.sections.get("prerequisites", ()):
        label = _GROUP.match(item)
        group = label.group(1).casefold() if label else ""
        named = {c for c in CHANNELS if _names_channel(group, c, t)}
        if not named or named & chosen:
            kept.append(item)
    return kept


# The group label of a page item: before the first colon, ASCII or full width (the pages use
# the locale's label separator: "Mobile push: …", "Push mobile\u00a0: …", "推送通知：…").
_GROUP = re.compile(r"([^:：]*)\s*[:：]")


def _names_channel(group: str, channel: str, t: Localizer) -> bool:
    words = {channel.replace("-", " "), t.term(channel).casefold()}
    return any(word and word in group for word in words)


def render_decision_record(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
                           t: Localizer, explanation: Explanation, context: RecordContext,
                           explain: bool = False) -> str:
    """The whole record, as markdown text."""
    out = [f"# {t.text('record.title')}", "",
           t.text("record.made", date=context.date, version=context.version,
                  fingerprint=context.fingerprint), "",
           f"## {t.text('record.context')}", ""]
    out += table_lines([t.text("label.answers"), ""], answer_rows(result, context.given, t)) + [""]
    out += _decision(result, facts, pages, t)
    out += _alternatives(result, facts, pages, t, explanation)
    lines = what_if_lines(explanation, result, facts, t)
    if lines:
        out += [f"## {t.text('label.what_if')}", ""] + [f"- {line}" for line in lines] + [""]
    out += _warnings_and_caveats(result, t)
    if result.pick is not None:
        prerequisites = prerequisites_for(context.page, result, t)
        if prerequisites:
            out += [f"## {t.text('record.prerequisites')}", ""]
            out += [f"- [ ] {item}" for item in prerequisites] + [""]
        guardrails = guardrail_lines(facts[result.pick], result, t)
        if guardrails:
            out += [f"## {t.text('record.guardrails')}", ""] + [f"- {g}" for g in guardrails] + [""]
    out += _integration(result, t)
    if context.mermaid:
        out += [f"## {t.text('record.architecture')}", "", "```mermaid",
                context.mermaid.rstrip("\n"), "```", ""]
    if explain:
        out += _trace(explanation, facts, t)
    out += _sources(result, facts, pages, t, explanation)
    return "\n".join(out).rstrip("\n") + "\n"


def _decision(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
              t: Localizer) -> list[str]:
    out = [f"## {t.text('record.decision')}", ""]
    if result.pick is None:
        return out + [t.text("record.no_decision"), ""]
    summary = blueprint_summary(result.pick, facts, pages, t)
    verdict = result.ranking[0]
    title = f"**{summary['name']}**"
    if summary["status"] == "deprecated":
        title = t.annotated(title, t.text("status.deprecated"))
    margin = (t.text("label.margin", margin=result.margin) if result.margin is not None
              else t.text("label.margin_none"))
    score = t.text("list.separator", ", ").join([t.text("label.score", score=verdict.score), margin])
    out += [f"{title} — {score}", ""]
    if summary["description"]:
        out += [summary["description"], ""]
    if summary["status"] == "deprecated":
        out += [f"> {t.text('explain.deprecated_pick', name=summary['name'])}", ""]
    if result.eliminated:
        names = t.text("list.separator", ", ").join(facts[bp].name for bp in result.eliminated)
        out += [f"> {t.text('explain.eliminated', blueprints=names)}", ""]
    out += [f"### {t.text('record.why')}", ""]
    out += [f"- {t.message(m)}" for m in verdict.reasons] + [""]
    return out


def _alternatives(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
                  t: Localizer, explanation: Explanation) -> list[str]:
    rows = []
    for verdict in result.ranking:
        if verdict.blueprint == result.pick:
            continue
        name = blueprint_summary(verdict.blueprint, facts, pages, t)["name"]
        if facts[verdict.blueprint].status == "deprecated":
            name = t.annotated(name, t.text("status.deprecated"))
        against = explanation.against.get(verdict.blueprint, ())
        rows.append([name, t.text("label.yes" if verdict.eligible else "label.no"),
                     str(verdict.score), "\n".join(t.message(m) for m in against) or "—"])
    if not rows:
        return []
    header = [t.text("label.blueprint"), t.text("label.eligible"), t.text("label.score_column"),
              t.text("label.why_not")]
    return [f"## {t.text('record.alternatives')}", ""] + table_lines(header, rows) + [""]


def _warnings_and_caveats(result: Result, t: Localizer) -> list[str]:
    if not result.warnings and not result.caveats:
        return []
    out = [f"## {t.text('record.warnings_caveats')}", ""]
    out += [f"- ⚠ {t.message(m)}" for m in result.warnings]
    for caveat in result.caveats:
        out += [f"- {t.message(caveat.message)}",
                f"  {t.text('label.caveat_sources', sources=sources_text(caveat.sources, t))}"]
    return out + [""]


def _integration(result: Result, t: Localizer) -> list[str]:
    integration = integration_dict(result.integration, t)
    if integration is None:
        return []
    out = [f"## {t.text('record.integration')}", "", f"**{integration['name']}**", "",
           integration["description"], ""]
    # The pattern's documented constraints that these answers touch.
    constraints = [c for c in (result.integration.constraints if result.integration else ())
                   if matches(c.when, result.answers)]
    params: dict[str, Any] = {"pattern": integration["name"]}
    if constraints:
        out += [f"- {t.text(c.reason, **params)}" for c in constraints] + [""]
    if result.integration is not None and result.integration.source:
        out += [t.text("label.caveat_sources", sources=escape_md(result.integration.source)), ""]
    return out


def _trace(explanation: Explanation, facts: Mapping[str, BlueprintFacts], t: Localizer) -> list[str]:
    rows = []
    for entry in explanation.trace:
        who = facts[entry.blueprint].name if entry.blueprint in facts else t.text(
            f"integration.{entry.blueprint}.name")
        effect = (f"+{entry.points}" if entry.effect == "score"
                  else t.text("label.excluded" if entry.effect == "exclude" else "label.warning"))
        rows.append([who, entry.rule, effect, t.message(entry.message), entry.source])
    header = [t.text("label.blueprint"), t.text("record.rule"), t.text("record.effect"),
              t.text("record.text"), t.text("label.sources")]
    return [f"## {t.text('label.rules_fired')}", ""] + table_lines(header, rows) + [""]


def _sources(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet, t: Localizer,
             explanation: Explanation) -> list[str]:
    """The Experience League pages, then every documented source the decision rests on."""
    links = []
    for verdict in result.ranking:
        summary = blueprint_summary(verdict.blueprint, facts, pages, t)
        links.append(f"- [{summary['name']}]({summary['link']})")
    integration = integration_dict(result.integration, t)
    if integration is not None:
        links.append(f"- [{integration['name']}]({integration['link']})")
    cited: list[str] = []
    decisive = {result.pick} if result.pick else {v.blueprint for v in result.ranking}
    for entry in explanation.trace:
        if (entry.blueprint in decisive or entry.blueprint not in facts) and entry.source:
            cited.append(entry.source)
    for caveat in result.caveats:
        cited += caveat.sources
    if result.integration is not None and result.integration.source:
        cited.append(result.integration.source)
    unique = list(dict.fromkeys(cited))
    return ([f"## {t.text('record.links')}", ""] + links + [""]
            + ([f"### {t.text('label.sources')}", ""] + [f"- {escape_md(s)}" for s in unique]
               if unique else []))


def escape_md(text: str) -> str:
    """Source text inside a list item: characters markdown would read as markup, escaped."""
    return "".join("\\" + c if c in "\\`*_[]<>|#" else c for c in text)
