"""A rich renderable that wraps its text the way the script allows (core/linebreak.py) and never
crops: table cells, panels and diagram boxes use it, so Chinese and Japanese text wraps between
characters instead of being cut off with "…", and a bullet's wrapped lines hang under its text."""

from __future__ import annotations

from typing import Any

from rich.cells import get_character_cell_size
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

from ..core.linebreak import hanging_indent, line_spans, widest_unit


class Wrapped:
    """`text` (a rich Text or a plain string, never markup) wrapped to the width it is given."""

    def __init__(self, text: Text | str, style: str = "") -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style)

    def __rich_measure__(self, console: Any, options: Any) -> Measurement:
        plain = self.text.plain
        widest_line = max((sum(map(get_character_cell_size, line)) for line in plain.split("\n")),
                          default=0)
        smallest = min(widest_unit(plain, get_character_cell_size), widest_line)
        return Measurement(smallest, widest_line).clamp(None, options.max_width)

    def lines(self, width: int) -> list[Text]:
        """The wrapped lines, styles kept, at most `width` cells each."""
        out: list[Text] = []
        offset = 0
        for paragraph in self.text.plain.split("\n"):
            line = self.text[offset:offset + len(paragraph)]
            offset += len(paragraph) + 1
            hang = hanging_indent(paragraph, get_character_cell_size)
            hang = hang if hang < width // 2 else 0
            for index, (start, end) in enumerate(line_spans(paragraph, width, hang,
                                                            get_character_cell_size)):
                piece = line[start:end]
                if index and hang:
                    piece = Text(" " * hang) + piece
                out.append(piece)
        return out

    def __rich_console__(self, console: Any, options: Any) -> Any:
        width = max(options.max_width, 1)
        justify = options.justify
        for line in self.lines(width):
            if justify in ("right", "center"):
                room = width - line.cell_len
                left = room if justify == "right" else room // 2
                if left > 0:
                    yield Segment(" " * left)
            yield from line.render(console)
            yield Segment.line()
