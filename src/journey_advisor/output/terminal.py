"""Rich renderables for the terminal. Every text from pages or data goes in as a `Text`, never as
markup, so `[bold]` in a page stays literal. Never prints, never exits."""

from __future__ import annotations

from typing import Any, Mapping

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ..core.explain import Explanation
from ..core.i18n import Localizer
from ..models import BlueprintFacts, PageSet, Result
from ..vocabulary import SECTION_KINDS
from .mermaid import node_label
from .views import blueprint_summary, fact_word, guardrail_line, integration_dict, what_if_lines


class Unwrapped:
    """A line printed as is, never wrapped by rich: a URL split in two is no longer clickable."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment

        yield from self.text.render(console)
        yield Segment.line()


def link(url: str, label: str = "") -> Unwrapped:
    """A link on a line of its own, whole at any width or in a pipe (a URL broken in two is no
    longer clickable), and a terminal hyperlink (OSC 8) where rich writes styles at all."""
    text = Text(label + ": " if label else "", style="bold")
    text.append(url, style=Style(color="cyan", link=url))
    return Unwrapped(text)


def print_all(console: Any, renderables: list[RenderableType]) -> None:
    """Print renderables in order; an Unwrapped line is neither wrapped nor cropped."""
    for renderable in renderables:
        whole = isinstance(renderable, Unwrapped)
        console.print(renderable, crop=not whole, soft_wrap=whole)


def _bullets(lines: list[str], style: str = "") -> Text:
    text = Text()
    for index, line in enumerate(lines):
        if index:
            text.append("\n")
        text.append("• ", style="dim")
        text.append(line, style=style)
    return text


def render_recommendation(result: Result, facts: Mapping[str, BlueprintFacts], pages: PageSet,
                          t: Localizer, explanation: Explanation,
                          explain: bool = False) -> list[RenderableType]:
    """The pick with its description, reasons and margin; the others and what counts against
    each; what would change the answer; warnings, caveats, integration; the trace on demand."""
    out: list[RenderableType] = []
    by_id = {v.blueprint: v for v in result.ranking}
    names = {bp: blueprint_summary(bp, facts, pages, t)["name"] for bp in by_id}
    if result.pick is not None:
        verdict = by_id[result.pick]
        summary = blueprint_summary(result.pick, facts, pages, t)
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
        body.append_text(_bullets([t.message(m) for m in verdict.reasons]))
        if result.eliminated:
            body.append("\n\n")
            body.append(t.text("explain.eliminated", blueprints=", ".join(
                names[bp] for bp in result.eliminated)), style="yellow")
        if deprecated:
            body.append("\n\n")
            body.append(t.text("explain.deprecated_pick", name=summary["name"]), style="yellow")
        out.append(Panel(body, title=Text(t.text("label.recommendation")), title_align="left",
                         border_style="yellow" if deprecated or result.eliminated else "green"))
        # The link goes below the box, unbroken, so terminals keep it clickable.
        out.append(link(summary["link"], t.text("label.link")))
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
    for verdict in others:
        if verdict.blocked_by:
            why_not = _bullets([t.message(m) for m in verdict.blocked_by])
        else:  # eligible but ranked lower: by how much, and where it lacked the points
            why_not = Text(t.text("label.lower_score", score=verdict.score, best=best))
            against = explanation.against.get(verdict.blueprint, ())
            if against:
                why_not.append("\n")
                why_not.append_text(_bullets([t.message(m) for m in against]))
        name = Text(names[verdict.blueprint])
        if facts[verdict.blueprint].status == "deprecated":
            name.append("\n" + t.text("status.deprecated"), style="yellow")
        table.add_row(name,
                      Text(t.text("label.yes" if verdict.eligible else "label.no"),
                           style="green" if verdict.eligible else "red"),
                      Text(str(verdict.score)), why_not)
    out.append(table)
    lines = what_if_lines(explanation, result, facts, t)
    if lines:
        changes = Text(t.text("label.what_if"), style="bold")
        changes.append("\n")
        changes.append_text(_bullets(lines))
        out.append(changes)
    if explain:
        out.append(render_trace(explanation, names, t))
    if result.warnings:
        warnings = Text(t.text("label.warnings"), style="bold yellow")
        warnings.append("\n")
        warnings.append_text(_bullets([t.message(m) for m in result.warnings], style="yellow"))
        out.append(warnings)
    if result.caveats:
        caveats = Text(t.text("label.caveats"), style="bold")
        for caveat in result.caveats:
            caveats.append("\n")
            caveats.append_text(_bullets([t.message(caveat.message)]))
            caveats.append("\n  ")
            caveats.append(t.text("label.caveat_sources", sources="; ".join(caveat.sources)),
                           style="dim")
        out.append(caveats)
    integration = integration_dict(result.integration, t)
    if integration is not None:
        body = Text(integration["name"], style="bold")
        body.append("\n")
        body.append(integration["description"])
        out.append(Panel(body, title=Text(t.text("label.integration")), title_align="left",
                         border_style="blue"))
        out.append(link(integration["link"], t.text("label.link")))
    elif result.pick is None:
        out.append(Text(t.text("label.no_integration"), style="dim"))
    return out


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
        text.append(f"\n  • {entry.rule} ", style="cyan")
        text.append(f"({effect_label}) ", style="dim")
        text.append(t.message(entry.message))
        if entry.source:
            text.append("\n    " + t.text("label.trace_source", source=entry.source), style="dim")
    return text


def render_list(data: dict, t: Localizer) -> list[RenderableType]:
    table = Table(show_lines=True)
    table.add_column(t.text("label.blueprint"), no_wrap=True)
    table.add_column(t.text("label.status"))
    table.add_column(t.text("label.description"))
    for item in data["blueprints"]:
        status = t.text(f"status.{item['status']}")
        # The name is a hyperlink; the URLs follow the table whole, never cut to fit a cell.
        table.add_row(Text(item["name"], style=Style(link=item["link"]))
                      + Text(f"\n{item['id']}", style="dim"),
                      Text(status, style="yellow" if item["status"] == "deprecated" else "green"),
                      Text(item["description"]))
    return [table, *[link(item["link"], item["name"]) for item in data["blueprints"]]]


def render_show(data: dict, headings: Mapping[str, str], t: Localizer) -> list[RenderableType]:
    title = Text(data["name"], style="bold")
    title.append(f"  ({data['id']}, {t.text('status.' + data['status'])})", style="dim")
    out: list[RenderableType] = [title]
    if data["description"]:
        out.append(Text(data["description"]))
    out.append(link(data["link"]))
    for kind in SECTION_KINDS:
        if data[kind]:
            out.append(Text("\n" + headings.get(kind, kind), style="bold underline"))
            out.append(_bullets(list(data[kind])))
    return out


def _level(value: object, t: Localizer, only_for: list[str] | None = None) -> Text:
    word = fact_word(value, t, only_for)
    if value is True or value == "yes":
        return Text("✓ " + word, style="green")
    if value is False or value is None or value == "no":
        return Text("✗ " + word, style="red")
    return Text(word, style="green" if value in ("primary", "native") else "")


def render_compare(data: dict, t: Localizer) -> list[RenderableType]:
    ids = [b["id"] for b in data["blueprints"]]
    table = Table(show_lines=False)
    table.add_column("")
    for blueprint in data["blueprints"]:
        header = Text(blueprint["name"], style="bold")
        if data["meets"] is not None:
            fits = data["meets"][blueprint["id"]]
            header.append("\n" + ("★ " if blueprint["id"] == data["pick"] else "")
                          + t.text("label.meets") + ": " + t.text("label.yes" if fits else "label.no"),
                          style="green" if fits else "red")
        table.add_column(header)

    def section(title: str) -> None:
        table.add_row(Text(title, style="bold underline"), *[Text("") for _ in ids])

    section(t.text("label.engagement"))
    for model, values in data["engagement"].items():
        table.add_row(Text(t.term(model)), *[_level(values[b], t) for b in ids])
    section(t.text("label.channels"))
    chosen = set(data["answers"]["channels"]) if data["answers"] else set()
    limited = data["only_for"]["channels"]
    for channel, values in data["channels"].items():
        label = Text(t.term(channel), style="bold" if channel in chosen else "")
        table.add_row(label, *[_level(values[b], t, limited.get(channel, {}).get(b)) for b in ids])
    section(t.text("label.deployment"))
    for deployment, values in data["deployment"].items():
        table.add_row(Text(t.term(deployment)), *[_level(values[b], t) for b in ids])
    section(t.text("label.data"))
    for strategy, values in data["data"].items():
        table.add_row(Text(t.term(strategy)), *[_level(values[b], t) for b in ids])
    section(t.text("label.latency"))
    for model, values in data["latency"].items():
        table.add_row(Text(t.term(model)), *[_level(values[b], t) for b in ids])
    section(t.text("label.needs"))
    limited = data["only_for"]["needs"]
    for need, values in data["needs"].items():
        table.add_row(Text(t.term(need)),
                      *[_level(values[b], t, limited.get(need, {}).get(b)) for b in ids])
    section(t.text("label.guardrails"))
    table.add_row(Text(""), *[Text("\n".join(guardrail_line(g, t) for g in data["guardrails"][b])
                                   or "—") for b in ids])
    section(t.text("label.status"))
    table.add_row(Text(""), *[Text(t.text("status." + data["status"][b]),
                                   style="yellow" if data["status"][b] == "deprecated" else "green")
                              for b in ids])
    return [table]


def render_languages(data: dict, t: Localizer) -> list[RenderableType]:
    table = Table()
    table.add_column(t.text("label.locale"))
    table.add_column(t.text("label.language"))
    table.add_column(t.text("label.completeness"), justify="right")
    for item in data["languages"]:
        table.add_row(Text(item["code"]), Text(item["name"]),
                      Text(f"{item['completeness']:.0%}",
                           style="green" if item["complete"] else "yellow"))
    return [table]


def batch_table(header: list[str], rows: list[tuple[list[str], bool]], show_header: bool = True,
                pick_width: int = 0, width: int = 0) -> RenderableType:
    """Rows of a batch (cells, no fit?). The columns take fixed shares of the width (the pick's
    name the width it needs), so tables printed one chunk after another line up as one. Where
    the columns cannot all show their headings whole, each scenario is a block of its own."""
    # A heading is kept whole, or wrapped between its words (a short Chinese or Japanese heading
    # counts as one word).
    least = [max(_unbreakable(h, False), 6) if i in (0, 3) else
             max(_unbreakable(h, False), pick_width) if i == 2 else _unbreakable(h, False)
             for i, h in enumerate(header)]
    if width and sum(least) + 3 * len(header) + 1 > width:
        return _batch_blocks(header, rows)
    table = Table(show_lines=True, show_header=show_header, expand=True)
    for index, heading in enumerate(header):
        # Headings wrap at words, never cut: a column is at least as wide as its longest word.
        # (rich takes `width` as the least width of a column that shares the rest by ratio.)
        shortest = least[index]
        if index in (0, 3):  # the row number and the score: fixed, so every chunk lines up
            table.add_column(heading, justify="right", width=shortest)
        elif index == 2:
            table.add_column(heading, min_width=shortest)
        else:
            table.add_column(heading, ratio=(0, 4, 0, 0, 3, 4)[index], width=shortest)
    for cells, no_fit in rows:
        table.add_row(*[Text(cell, style="red" if no_fit and i == 2 else "", overflow="fold")
                        for i, cell in enumerate(cells)])
    return table


# The gap between boxes side by side, and the arrow drawn in it from border to border.
ARROW_RIGHT = "──→"
ARROW_DOWN = "↓"


def _unbreakable(text: str, by_character: bool = True) -> int:
    """The widest piece of `text` that wrapping cannot split: a word, or (`by_character`) one
    character of a script written without spaces (Chinese, Japanese)."""
    from rich.cells import cell_len

    widest = 0
    for word in text.split():
        size = cell_len(word)
        widest = max(widest, 2 if by_character and size > len(word) else size)
    return widest


def render_diagram(layers: list[tuple[str, list[str]]], title: str, t: Localizer,
                   width: int) -> RenderableType:
    """Layers as boxes joined by arrows that meet both borders: side by side when every box can
    show its title and its longest word whole, else stacked. Nothing is cut with an ellipsis."""
    from rich.cells import cell_len

    titles = [t.text("diagram.layer." + layer) for layer, _ in layers]
    labels = [[node_label(n, t) for n in nodes] for _, nodes in layers]
    boxes = [Panel(Text("\n".join(lines), overflow="fold"), title=Text(name, style="bold"),
                   border_style="blue" if layer == "integration" else "dim")
             for (layer, _), name, lines in zip(layers, titles, labels)]
    heading = Text(title, style="bold")
    # A box needs its title with the border's corners and spaces, and its widest word padded.
    needed = [max(cell_len(name) + 6, max((_unbreakable(x) for x in lines), default=0) + 4)
              for name, lines in zip(titles, labels)]
    gaps = cell_len(ARROW_RIGHT) * (len(boxes) - 1)
    share = (width - gaps) // max(len(boxes), 1)
    if boxes and width >= 100 and all(size <= share for size in needed):
        grid = Table.grid(padding=(0, 0), expand=True)
        for index in range(len(boxes)):
            if index:
                grid.add_column(width=cell_len(ARROW_RIGHT), vertical="top")
            grid.add_column(ratio=1)
        cells: list[Any] = []
        for index, box in enumerate(boxes):
            if index:  # on the first line inside the boxes: from one border to the next
                cells.append(Text("\n" + ARROW_RIGHT, style="bold"))
            cells.append(box)
        grid.add_row(*cells)
        return Group(heading, grid)
    stacked: list[RenderableType] = [heading]
    for index, box in enumerate(boxes):
        if index:  # between the bottom border above and the top border below
            stacked.append(Text(ARROW_DOWN, style="bold", justify="center"))
        stacked.append(box)
    return Group(*stacked)


def _batch_blocks(header: list[str], rows: list[tuple[list[str], bool]]) -> RenderableType:
    """Scenarios one below the other, each a heading and its labelled answers: for narrow
    terminals, where six columns side by side would cut their headings."""
    from rich.cells import cell_len

    labels = max(cell_len(label) for label in header[1:])
    blocks: list[RenderableType] = []
    for cells, no_fit in rows:
        blocks.append(Text(f"{header[0]} {cells[0]}", style="bold"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", width=labels)
        grid.add_column(overflow="fold")
        for index, (label, value) in enumerate(zip(header[1:], cells[1:]), start=1):
            if value:
                grid.add_row(Text(label), Text(value, style="red" if no_fit and index == 2 else ""))
        blocks += [grid, Text("")]
    return Group(*blocks)
