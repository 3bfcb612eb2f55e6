"""A rich renderable that wraps its text the way the script allows (core/linebreak.py) and never
crops: table cells, panels and diagram boxes use it, so Chinese and Japanese text wraps between
characters instead of being cut off with "…", and a bullet's wrapped lines hang under its text."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len, get_character_cell_size
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
        widest_line = max((cell_len(line) for line in plain.split("\n")), default=0)
        smallest = min(widest_unit(plain, get_character_cell_size), widest_line)
        return Measurement(smallest, widest_line).clamp(None, options.max_width)

    def lines(self, width: int) -> list[Text]:
        """The wrapped lines, styles kept, at most `width` cells each."""
        out: list[Text] = []
        for line in self.text.split("\n", allow_blank=True):
            paragraph = line.plain
            hang = hanging_indent(paragraph, get_character_cell_size)
            hang = hang if hang < width // 2 else 0
            spans = line_spans(paragraph, width, hang, get_character_cell_size)
            if len(spans) == 1:  # most cells: the paragraph as it is
                start, end = spans[0]
                out.append(line if end - start == len(paragraph) else line[start:end])
                continue
            # One division for all the lines: [0:s0] [s0:e0] [e0:s1] [s1:e1] ... keeps 2i+1.
            pieces = line.divide([offset for span in spans for offset in span])
            for index in range(len(spans)):
                piece = pieces[2 * index + 1]
                out.append(Text(" " * hang) + piece if index and hang else piece)
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
