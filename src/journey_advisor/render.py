"""Rich renderables for the terminal. Every text from pages or data goes in as a `Text`, never as
markup, so `[bold]` in a page stays literal. Never prints, never exits."""

from __future__ import annotations

from typing import Any, Mapping

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .i18n import Localizer
from .models import BlueprintFacts, PageSet, Result
from .report import blueprint_summary, integration_dict


def _bullets(lines: list[str], style: str = "") -> Text:
    text = Text()
    for index, line in enumerate(lines):
        if index:
            text.append("\n")
        text.append("• ", style="dim")
        text.append(line, style=style)
    return text


def render_recommendation(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
                          t: Localizer, explain: bool = False) -> list[RenderableType]:
    """The pick with its description and reasons, the others and why not, warnings, integration."""
    out: list[RenderableType] = []
    by_id = {v.blueprint: v for v in result.ranking}
    names = {bp: blueprint_summary(bp, facts, pages, t)["name"] for bp in by_id}
    if result.pick is not None:
        verdict = by_id[result.pick]
        summary = blueprint_summary(result.pick, facts, pages, t)
        body = Text()
        body.append(summary["name"], style="bold green")
        body.append("  " + t.text("label.score", score=verdict.score), style="dim")
        if summary["status"] == "deprecated":
            body.append("  " + t.text("status.deprecated"), style="bold yellow")
        if summary["description"]:
            body.append("\n\n")
            body.append(summary["description"])
        body.append("\n\n")
        body.append(t.text("label.why"), style="bold")
        body.append("\n")
        body.append_text(_bullets([t.message(m) for m in verdict.reasons]))
        body.append("\n\n")
        body.append(t.text("label.link") + ": ", style="bold")
        body.append(summary["link"], style="cyan")
        out.append(Panel(body, title=Text(t.text("label.recommendation")), title_align="left",
                         border_style="green"))
        others = [v for v in result.ranking if v.blueprint != result.pick]
        heading = t.text("label.alternatives")
    else:
        out.append(Panel(Text(t.text("label.no_fit"), style="bold red"), border_style="red"))
        others = list(result.ranking)
        heading = t.text("label.blocked")
    best = by_id[result.pick].score if result.pick else 0
    table = Table(title=Text(heading, style="bold"), title_justify="left", show_lines=True,
                  expand=False)
    table.add_column(t.text("label.blueprint"), no_wrap=True)
    table.add_column(t.text("label.eligible"), justify="center")
    table.add_column(t.text("label.score_column"), justify="right")
    table.add_column(t.text("label.why_not"))
    if explain:
        table.add_column("rules")
    for verdict in others:
        if verdict.blocked_by:
            why_not = _bullets([t.message(m) for m in verdict.blocked_by])
        else:
            why_not = Text(t.text("label.lower_score", score=verdict.score, best=best))
        row: list[Any] = [Text(names[verdict.blueprint]),
                          Text(t.text("label.yes" if verdict.eligible else "label.no"),
                               style="green" if verdict.eligible else "red"),
                          Text(str(verdict.score)), why_not]
        if explain:
            row.append(Text("\n".join(verdict.fired), style="dim"))
        table.add_row(*row)
    out.append(table)
    if explain and result.pick is not None:
        fired = Text(f"{result.pick}: ", style="bold")
        fired.append(", ".join(by_id[result.pick].fired), style="dim")
        out.append(fired)
    if result.warnings:
        warnings = Text(t.text("label.warnings"), style="bold yellow")
        warnings.append("\n")
        warnings.append_text(_bullets([t.message(m) for m in result.warnings], style="yellow"))
        out.append(warnings)
    integration = integration_dict(result.integration, t)
    if integration is not None:
        body = Text(integration["name"], style="bold")
        body.append("\n")
        body.append(integration["description"])
        body.append("\n")
        body.append(integration["link"], style="cyan")
        out.append(Panel(body, title=Text(t.text("label.integration")), title_align="left",
                         border_style="blue"))
    elif result.pick is None:
        out.append(Text(t.text("label.no_integration"), style="dim"))
    return out


def as_group(renderables: list[RenderableType]) -> Group:
    return Group(*renderables)
