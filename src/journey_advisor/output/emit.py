"""The one place that turns what a command shows into its --format: JSON or YAML data, a markdown
document, plain text, or rich tables. Each form is built only when asked for, so a JSON run never
imports rich and a table run never builds the JSON object. Batches stream: one result in, one
result out, so memory stays flat however long the batch."""

from __future__ import annotations

import json
import os
import sys
from typing import Any, Callable, Iterable, NamedTuple, TextIO

from ..models import Result

# A batch that repeats a scenario repeats its JSON line: remembered, up to this many.
REMEMBERED_LINES = 2_048
# The terminal width tables are laid out for: a sane range whatever COLUMNS says (0, 1, negative,
# huge, not a number) or the terminal reports.
MIN_WIDTH = 60
MAX_WIDTH = 1_000
# Rows of a batch table printed as one rich table; the columns keep fixed shares of the width,
# so the chunks line up as one table.
TABLE_CHUNK = 200


class View(NamedTuple):
    """One result in every form. `text` is the plain form of a format of its own (mermaid)."""

    data: Callable[[], Any]
    table: Callable[[int], list[Any]]
    markdown: Callable[[], str]
    text: Callable[[], str] | None = None


class BatchView(NamedTuple):
    """Many results, streamed: `items()` yields (row label, result) in input order."""

    items: Callable[[], Iterable[tuple[str, Result]]]
    data: Callable[[Result], dict[str, Any]]
    header: Callable[[], list[str]]
    row: Callable[[str, Result], list[str]]
    # The widest pick a row can show (a blueprint name, or "none"): kept on one line.
    pick_width: Callable[[], int] = lambda: 0


def print_data(text: str, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    out.write(text if text.endswith("\n") else text + "\n")
    out.flush()


def dump(data: Any, output_format: str) -> str:
    """JSON (indented) or YAML text of plain data."""
    if output_format == "yaml":
        import yaml

        # libyaml's emitter when PyYAML has it: the same text, many times faster for batches.
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    return json.dumps(data, ensure_ascii=False, indent=2)


def console() -> Any:
    """The stdout console. Plain text (no escape codes at all, bold included) when NO_COLOR is
    set; rich already writes plain text when stdout is not a terminal."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR"))
    screen = Console(highlight=False, emoji=False, markup=False,
                     color_system=None if plain else "auto", no_color=plain)
    screen.width = min(max(screen.width, MIN_WIDTH), MAX_WIDTH)
    return screen


def emit(view: View, output_format: str) -> None:
    """Print one view in `output_format`."""
    if output_format in ("json", "yaml"):
        print_data(dump(view.data(), output_format))
    elif output_format == "markdown":
        print_data(view.markdown())
    elif output_format in ("mermaid", "text") and view.text is not None:
        text = view.text()
        if text:
            print_data(text)
    else:
        from .terminal import print_all

        screen = console()
        print_all(screen, view.table(screen.width))


def emit_batch(view: BatchView, output_format: str) -> None:
    """Stream a batch in `output_format`: each result is printed as soon as it is made."""
    if output_format == "json":
        _stream_json(view)
    elif output_format == "yaml":
        # Top-level list items, dumped TABLE_CHUNK at a time: together one YAML list.
        chunk: list[Any] = []
        for _, result in view.items():
            chunk.append(view.data(result))
            if len(chunk) == TABLE_CHUNK:
                sys.stdout.write(dump(chunk, "yaml"))
                chunk = []
        if chunk:
            sys.stdout.write(dump(chunk, "yaml"))
    elif output_format == "markdown":
        from .markdown import table_lines

        header = view.header()
        lines = table_lines(header, [])
        sys.stdout.write("\n".join(lines) + "\n")
        for row, result in view.items():
            sys.stdout.write(table_lines(header, [view.row(row, result)])[-1] + "\n")
    else:
        _stream_table(view)
    sys.stdout.flush()


def _stream_json(view: BatchView) -> None:
    """The JSON array, one result per line; the C encoder (json skips it when indenting) keeps
    it fast, and a scenario that repeats an earlier one reuses its line (the engine is pure)."""
    write = sys.stdout.write
    lines: dict[Any, str] = {}
    first = True
    write("[\n")
    for _, result in view.items():
        line = lines.get(result.answers)
        if line is None:
            if len(lines) >= REMEMBERED_LINES:  # bounded: memory stays flat on long batches
                lines.clear()
            line = lines[result.answers] = json.dumps(view.data(result), ensure_ascii=False)
        write(line if first else ",\n" + line)
        first = False
    write("\n]\n")


def _stream_table(view: BatchView) -> None:
    from .terminal import batch_table, print_all

    screen = console()
    header = view.header()
    pick_width = view.pick_width()
    chunk: list[tuple[list[str], bool]] = []
    first = True
    for row, result in view.items():
        chunk.append((view.row(row, result), result.pick is None))
        if len(chunk) == TABLE_CHUNK:
            print_all(screen, [batch_table(header, chunk, first, pick_width, screen.width)])
            chunk, first = [], False
    if chunk or first:
        print_all(screen, [batch_table(header, chunk, first, pick_width, screen.width)])
