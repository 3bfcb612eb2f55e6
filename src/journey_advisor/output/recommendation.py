"""The terminal view of one recommendation: the pick, the alternatives and what counts against
them, what would change the answer, warnings, caveats, the integration pattern and, on demand,
the rules that fired. Every block wraps through `Wrapped` (no "…", bullets hang), and the
table gives up columns below 80 so the reasons keep room to be read."""

from __future__ import annotations

from typing import Mapping

from rich.cells import cell_len
from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..core.explain import Explanation
from ..core.i18n import Localizer
from ..models import BlueprintFacts, PageSet, Result
from .terminal import NARROW, bullets, link_line
from .views import blueprint_summary, integration_dict, sources_text, what_if_lines
from .wrapped import Wrapped


def render_recommendation(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
                          t: Localizer, explanation: Explanation, explain: bool = False,
                          width: int = 100) -> list[RenderableType]:
    """The pick with its description, reasons and margin; the others and what counts against
    each; what would change the answer; warnings, caveats, integration; the trace on demand;
    laid out for a terminal `width` columns wide."""
    out: list[RenderableType] = []
    by_id = {v.blueprint: v for v in result.ranking}
    names = {bp: blueprint_summary(bp, facts, pages, t)["name"] for bp in by_id}
    if result.pick is not None:
        out += _pick(result, facts, pages, t, names)
        others = [v for v in result.ranking if v.blueprint != result.pick]
        heading = t.text("label.alternatives")
    else:
        out.append(Panel(Wrapped(t.text("label.no_fit"), style="bold red"), border_style="red"))
        others = list(result.ranking)
        heading = t.text("label.blocked")
    best = by_id[result.pick].score if result.pick else 0
    # The reasons take what the other columns leave; a blueprint's name stays on one line. Below
    # 80 columns, eligibility and score go under the name, so the reasons keep room to read.
    narrow = width < NARROW
    table = Table(title=Text(heading, style="bold"), title_justify="left", show_lines=True,
                  expand=True)
    widest_name = max((cell_len(name) for name in names.values()), default=10)
    table.add_column(Wrapped(t.text("label.blueprint")),
                     width=widest_name if width >= 100 else min(widest_name, 17))
    if not narrow:
        table.add_column(Wrapped(t.text("label.eligible")), justify="center")
        table.add_column(Wrapped(t.text("label.score_column")), justify="right")
    table.add_column(Wrapped(t.text("label.why_not")), ratio=1)
    for verdict in others:
        if verdict.blocked_by:
            why_not = bullets([t.message(m) for m in verdict.blocked_by])
        else:  # eligible but ranked lower: by how much, and where it lacked the points
            why_not = Text(t.text("label.lower_score", score=verdict.score, best=best))
            against = explanation.against.get(verdict.blueprint, ())
            if against:
                why_not.append("\n")
                why_not.append_text(bullets([t.message(m) for m in against]))
        eligible = Text(t.text("label.yes" if verdict.eligible else "label.no"),
                        style="green" if verdict.eligible else "red")
        name = Text(names[verdict.blueprint])
        if facts[verdict.blueprint].status == "deprecated":
            name.append("\n" + t.text("status.deprecated"), style="yellow")
        if narrow:
            name.append("\n" + t.labelled(t.text("label.eligible"), ""), style="dim")
            name.append_text(eligible)
            name.append("\n" + t.labelled(t.text("label.score_column"), str(verdict.score)),
                        style="dim")
            table.add_row(Wrapped(name), Wrapped(why_not))
        else:
            table.add_row(Wrapped(name), Wrapped(eligible), Text(str(verdict.score)),
                          Wrapped(why_not))
    out.append(table)
    lines = what_if_lines(explanation, result, facts, t)
    if lines:
        out.append(_section(t.text("label.what_if"), bullets(lines), "bold"))
    if explain:
        out.append(render_trace(explanation, names, t))
    if result.warnings:
        out.append(_section(t.text("label.warnings"),
                            bullets([t.message(m) for m in result.warnings], style="yellow"),
                            "bold yellow"))
    if result.caveats:
        caveats = Text()
        for index, caveat in enumerate(result.caveats):
            caveats.append("\n" if index else "")
            caveats.append_text(bullets([t.message(caveat.message)]))
            # The sources under the caveat's text, at its indent when they wrap.
            caveats.append("\n  ")
            caveats.append(t.text("label.caveat_sources", sources=sources_text(caveat.sources, t)),
                           style="dim")
        out.append(_section(t.text("label.caveats"), caveats, "bold"))
    out += _integration(result, t)
    return out


def _pick(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet, t: Localizer,
          names: Mapping[str, str]) -> list[RenderableType]:
    """The pick's panel (score, margin, description, reasons; won by elimination, deprecated)
    and its link below it, unbroken, so terminals keep it clickable."""
    verdict = result.ranking[0]
    summary = blueprint_summary(result.pick or "", facts, pages, t)
    deprecated = summary["status"] == "deprecated"
    body = Text()
    body.append(summary["name"], style="bold yellow" if deprecated else "bold green")
    body.append("  " + t.text("label.score", score=verdict.score), style="dim")
    body.append("  " + (t.text("label.margin", margin=result.margin)
                        if result.margin is not None else t.text("label.margin_none")),
                style="dim")
    if deprecated:
        body.append("  " + t.text("status.deprecated"), style="bold yellow")
    if summary["description"]:
        body.append("\n\n")
        body.append(summary["description"])
    body.append("\n\n")
    body.append(t.text("label.why"), style="bold")
    body.append("\n")
    body.append_text(bullets([t.message(m) for m in verdict.reasons]))
    if result.eliminated:
        body.append("\n\n")
        body.append(t.text("explain.eliminated", blueprints=t.text("list.separator", ", ").join(
            names[bp] for bp in result.eliminated)), style="yellow")
    if deprecated:
        body.append("\n\n")
        body.append(t.text("explain.deprecated_pick", name=summary["name"]), style="yellow")
    return [Panel(Wrapped(body), title=Text(t.text("label.recommendation")), title_align="left",
                  border_style="yellow" if deprecated or result.eliminated else "green"),
            link_line(t.text("label.link"), summary["link"], t)]


def _section(title: str, body: Text, style: str) -> Wrapped:
    """A heading of its own line, then `body`; wrapped, with hanging bullets."""
    text = Text(title, style=style)
    text.append("\n")
    text.append_text(body)
    return Wrapped(text)


def _integration(result: Result, t: Localizer) -> list[RenderableType]:
    """The integration pattern in a panel, its link below; or that none covers a no-fit."""
    integration = integration_dict(result.integration, t)
    if integration is not None:
        body = Text(integration["name"], style="bold")
        body.append("\n")
        body.append(integration["description"])
        return [Panel(Wrapped(body), title=Text(t.text("label.integration")), title_align="left",
                      border_style="blue"),
                link_line(t.text("label.link"), integration["link"], t)]
    if result.pick is None:
        return [Wrapped(t.text("label.no_integration"), style="dim")]
    return []


def render_trace(explanation: Explanation, names: Mapping[str, str], t: Localizer) -> RenderableType:
    """--explain: every rule that fired for each blueprint (and the pattern's constraints), its
    effect, its localized text and its source."""
    text = Text(t.text("label.rules_fired"), style="bold")
    current = None
    for entry in explanation.trace:
        if entry.blueprint != current:
            current = entry.blueprint
            text.append("\n" + names.get(current, t.text(f"integration.{current}.name")),
                        style="bold")
        effect_label = (f"+{entry.points}" if entry.effect == "score"
                        else t.text("label.excluded" if entry.effect == "exclude" else "label.warning"))
        text.append(f"\n  • {entry.rule}", style="cyan")
        noted = t.annotated(entry.rule, effect_label)[len(entry.rule):]
        text.append(noted + ("" if noted.endswith("）") else " "), style="dim")
        text.append(t.message(entry.message))
        if entry.source:
            text.append("\n    " + t.text("label.trace_source", source=entry.source), style="dim")
    return Wrapped(text)
