"""Rich renderables for the terminal. Every text from pages or data goes in as a `Text`, never as
markup, so `[bold]` in a page stays literal. Never prints, never exits."""

from __future__ import annotations

from typing import Any, Mapping

from rich.cells import get_character_cell_size
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ..core.i18n import Localizer
from ..core.linebreak import widest_unit
from ..vocabulary import SECTION_KINDS
from .mermaid import node_label
from .views import fact_word, guardrail_line
from .wrapped import Wrapped


class Unwrapped:
    """A line printed as is, never wrapped by rich: a URL split in two is no longer clickable."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment

        yield from self.text.render(console)
        yield Segment.line()


# Below this many columns a table gives up columns of its own for lines in a cell.
NARROW = 80


def link_line(label: str, link: str, t: Localizer) -> Unwrapped:
    """`label: link` (or the link alone) on a line of its own, whole at any width or in a pipe (a
    URL broken in two is no longer clickable), and a terminal hyperlink (OSC 8) where rich
    writes styles at all."""
    line = Text(t.labelled(label, "") if label else "", style="bold")
    line.append(link, style=Style(color="cyan", link=link))
    return Unwrapped(line)


def print_all(console: Any, renderables: list[RenderableType]) -> None:
    """Print renderables in order; an Unwrapped line is neither wrapped nor cropped."""
    for renderable in renderables:
        whole = isinstance(renderable, Unwrapped)
        console.print(renderable, crop=not whole, soft_wrap=whole)


def bullets(lines: list[str], style: str = "") -> Text:
    """Lines as "• " items; wrapped in a `Wrapped`, each item's lines hang under its text."""
    text = Text()
    for index, line in enumerate(lines):
        if index:
            text.append("\n")
        text.append("• ", style="dim")
        text.append(line, style=style)
    return text


def render_list(data: dict, t: Localizer) -> list[RenderableType]:
    """The blueprints in a table; their links below it, each whole on its own line."""
    table = Table(show_lines=True)
    table.add_column(Wrapped(t.text("label.blueprint")))
    table.add_column(Wrapped(t.text("label.status")))
    table.add_column(Wrapped(t.text("label.description")))
    for item in data["blueprints"]:
        status = t.text(f"status.{item['status']}")
        # The name is a hyperlink; the URLs follow the table whole, never cut to fit a cell.
        name = Text(item["name"], style=Style(link=item["link"])) + Text(f"\n{item['id']}", style="dim")
        table.add_row(Wrapped(name),
                      Wrapped(status, style="yellow" if item["status"] == "deprecated" else "green"),
                      Wrapped(item["description"]))
    out: list[RenderableType] = [table]
    out += [link_line(item["name"], item["link"], t) for item in data["blueprints"]]
    return out


def render_show(data: dict, headings: Mapping[str, str], t: Localizer) -> list[RenderableType]:
    title = Text(data["name"], style="bold")
    details = t.text("list.separator").join([data["id"], t.text("status." + data["status"])])
    title.append("  " + t.text("list.parenthesized", text=details), style="dim")
    out: list[RenderableType] = [Wrapped(title)]
    if data["description"]:
        out.append(Wrapped(data["description"]))
    out.append(link_line("", data["link"], t))
    for kind in SECTION_KINDS:
        if data[kind]:
            out.append(Wrapped(Text("\n" + headings.get(kind, kind), style="bold underline")))
            out.append(Wrapped(bullets(list(data[kind]))))
    return out


def _level(value: object, t: Localizer, only_for: list[str] | None = None) -> Wrapped:
    word = fact_word(value, t, only_for)
    if value is True or value == "yes":
        return Wrapped("✓ " + word, style="green")
    if value is False or value is None or value == "no":
        return Wrapped("✗ " + word, style="red")
    return Wrapped(word, style="green" if value in ("primary", "native") else "")


def render_compare(data: dict, t: Localizer, width: int = 100) -> list[RenderableType]:
    """The facts side by side; below 100 columns the guardrails, sentences rather than marks,
    follow the table, one list per blueprint, so they keep the width to be read."""
    ids = [b["id"] for b in data["blueprints"]]
    table = Table(show_lines=False)
    table.add_column("")
    for blueprint in data["blueprints"]:
        header = Text(blueprint["name"], style="bold")
        if data["meets"] is not None:
            fits = data["meets"][blueprint["id"]]
            header.append("\n" + ("★ " if blueprint["id"] == data["pick"] else "")
                          + t.labelled(t.text("label.meets"),
                                       t.text("label.yes" if fits else "label.no")),
                          style="green" if fits else "red")
        table.add_column(Wrapped(header))

    def section(title: str) -> None:
        table.add_row(Wrapped(title, style="bold underline"), *[Text("") for _ in ids])

    section(t.text("label.engagement"))
    for model, values in data["engagement"].items():
        table.add_row(Wrapped(t.term(model)), *[_level(values[b], t) for b in ids])
    section(t.text("label.channels"))
    chosen = set(data["answers"]["channels"]) if data["answers"] else set()
    limited = data["only_for"]["channels"]
    for channel, values in data["channels"].items():
        label = Wrapped(t.term(channel), style="bold" if channel in chosen else "")
        table.add_row(label, *[_level(values[b], t, limited.get(channel, {}).get(b)) for b in ids])
    section(t.text("label.deployment"))
    for deployment, values in data["deployment"].items():
        table.add_row(Wrapped(t.term(deployment)), *[_level(values[b], t) for b in ids])
    section(t.text("label.data"))
    for strategy, values in data["data"].items():
        table.add_row(Wrapped(t.term(strategy)), *[_level(values[b], t) for b in ids])
    section(t.text("label.latency"))
    for model, values in data["latency"].items():
        table.add_row(Wrapped(t.term(model)), *[_level(values[b], t) for b in ids])
    section(t.text("label.needs"))
    limited = data["only_for"]["needs"]
    for need, values in data["needs"].items():
        table.add_row(Wrapped(t.term(need)),
                      *[_level(values[b], t, limited.get(need, {}).get(b)) for b in ids])
    lists = {b: (bullets([guardrail_line(g, t) for g in data["guardrails"][b]])
                 if data["guardrails"][b] else Text("—")) for b in ids}
    if width >= 100:
        section(t.text("label.guardrails"))
        table.add_row(Text(""), *[Wrapped(lists[b]) for b in ids])
    section(t.text("label.status"))
    table.add_row(Text(""), *[Wrapped(t.text("status." + data["status"][b]),
                                      style="yellow" if data["status"][b] == "deprecated" else "green")
                              for b in ids])
    if width >= 100:
        return [table]
    out: list[RenderableType] = [table, Wrapped(Text("\n" + t.text("label.guardrails"), style="bold"))]
    for blueprint in data["blueprints"]:
        out.append(Wrapped(Text(blueprint["name"], style="bold underline")))
        out.append(Wrapped(lists[blueprint["id"]]))
    return out


def render_languages(data: dict, t: Localizer) -> list[RenderableType]:
    table = Table()
    table.add_column(Wrapped(t.text("label.locale")))
    table.add_column(Wrapped(t.text("label.language")))
    table.add_column(Wrapped(t.text("label.completeness")), justify="right")
    for item in data["languages"]:
        table.add_row(Text(item["code"]), Wrapped(item["name"]),
                      Text(t.percent(item["completeness"]),
                           style="green" if item["complete"] else "yellow"))
    return [table]


def batch_table(header: list[str], rows: list[tuple[list[str], bool]], show_header: bool = True,
                pick_width: int = 0, width: int = 100) -> RenderableType:
    """Rows of a batch (cells, no fit?). The columns take fixed shares of the width (the pick's
    name the width it needs, a heading at least its widest word), so tables printed one chunk
    after another line up as one. Where the columns cannot all show their headings whole, each
    scenario is a block of its own."""
    if width < NARROW:
        pick_width = min(pick_width, 17)  # "Adobe Journey / Optimizer" rather than no room
    # A heading is kept whole, or wrapped between its words (a short Chinese or Japanese heading
    # counts as one word).
    least = [max(_unbreakable(h), pick_width) if i == 2 else max(_unbreakable(h), 2)
             for i, h in enumerate(header)]
    if width and sum(least) + 3 * len(header) + 1 > width:
        return _batch_blocks(header, rows)
    table = Table(show_lines=True, show_header=show_header, expand=True)
    for index, heading in enumerate(header):
        table.add_column(Wrapped(heading), justify="right" if index in (0, 3) else "left",
                         ratio=None if index == 2 else (1, 4, 0, 1, 3, 4)[index],
                         width=least[index])
    for cells, no_fit in rows:
        table.add_row(*[Wrapped(cell, style="red" if no_fit and i == 2 else "")
                        for i, cell in enumerate(cells)])
    return table


# The gap between boxes side by side, and the arrow drawn in it from border to border.
ARROW_RIGHT = "──→"
ARROW_DOWN = "↓"


def _unbreakable(text: str) -> int:
    """The widest piece of `text` that wrapping cannot split (core/linebreak.py): a word, or one
    character of a script written without spaces (Chinese, Japanese)."""
    return widest_unit(text, get_character_cell_size)


def render_diagram(layers: list[tuple[str, list[str]]], title: str, t: Localizer,
                   width: int) -> RenderableType:
    """Layers as boxes joined by arrows that meet both borders: side by side when every box can
    show its title and its longest word whole, else stacked. Nothing is cut with an ellipsis."""
    from rich.cells import cell_len

    titles = [t.text("diagram.layer." + layer) for layer, _ in layers]
    labels = [[node_label(n, t) for n in nodes] for _, nodes in layers]
    boxes = [Panel(Wrapped("\n".join(lines)), title=Text(name, style="bold"),
                   border_style="blue" if layer == "integration" else "dim")
             for (layer, _), name, lines in zip(layers, titles, labels)]
    heading = Wrapped(title, style="bold")
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

    labels = min(max(cell_len(label) for label in header[1:]), 24)
    blocks: list[RenderableType] = []
    for cells, no_fit in rows:
        blocks.append(Wrapped(f"{header[0]} {cells[0]}", style="bold"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(width=labels)
        grid.add_column()
        for index, (label, value) in enumerate(zip(header[1:], cells[1:]), start=1):
            if value:
                grid.add_row(Wrapped(label, style="dim"),
                             Wrapped(value, style="red" if no_fit and index == 2 else ""))
        blocks += [grid, Text("")]
    return Group(*blocks)
