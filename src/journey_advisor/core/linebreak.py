"""Line breaking by display width, at the boundaries the script allows (a small part of UAX #14).

Latin, Cyrillic and Korean text breaks after spaces (after a hyphen only when a compound is
wider than the line); Chinese and Japanese text may break between
any two characters, except before closing punctuation (「、」「。」「）」…) or after opening
punctuation (kinsoku). A number stays with the word or character after it ("1 時間", "50 M",
"2億"), and product names ("Adobe Campaign v8") stay whole, as long as the line has room: only a
unit wider than the whole line is broken inside, at its spaces first, then between characters.
No text is ever dropped: every character of the input is on one of the lines.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Callable

# Break levels before a position: the wrapper takes the furthest break of the highest level
# that fits. NEVER is still used when nothing else fits (a URL in a narrow cell).
NEVER, GLUED, ALLOWED, END = 0, 1, 2, 3

# Kinsoku shori (JIS X 4051), with their ASCII neighbours: never at the start of a line...
NO_START = frozenset(
    "、。，．：；？！）］｝〕〉》」』】〙〗〟’”｠»›ー々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ・‥…〜～゛゜ヽヾゝゞ％‰℃,.:;?!)]}%"
)
# ...and never at the end of one.
NO_END = frozenset("（［｛〔〈《「『【〘〖〝‘“｟«‹([{")

# Names that read as one word in every language; they wrap inside only when a line is too
# short for them.
PRODUCT_NAMES = (
    "Adobe Journey Optimizer", "Adobe Campaign v8", "Adobe Campaign v7", "Adobe Campaign",
    "Adobe Experience Platform", "Journey Optimizer", "Campaign v8", "Campaign v7",
    "Experience Platform", "Real-Time CDP", "Campaign Orchestration", "Decision Management",
    "Message Center", "Experience League", "Campaign Classic", "Campaign Standard", "Mobile SDK",
    "Web SDK", "Customer Journey Analytics",
)
# A bullet (with any indent before it), or a bare indent: the wrapped lines hang under the text.
_BULLET = re.compile(r"\s*(?:[•◦▪‣⚠✓✗★*-]|\d+[.)])\s+|[ \u3000]+(?=\S)")

Width = Callable[[str], int]


def _product_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each product name in `text`, as an alternation of PRODUCT_NAMES would
    find them (leftmost first, then the first name listed; no overlaps), without compiling one
    at every start."""
    found: list[tuple[int, int]] = []
    position = 0
    while True:
        best: tuple[int, int] | None = None
        for name in PRODUCT_NAMES:
            index = text.find(name, position)
            if index != -1 and (best is None or index < best[0]):
                best = (index, index + len(name))
        if best is None:
            return found
        found.append(best)
        position = best[1]


def char_width(character: str) -> int:
    """Terminal cells of one character: 2 for East Asian wide and full-width, 0 for combining."""
    if unicodedata.combining(character) or character in "\u200b\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def text_width(text: str, width_of: Width = char_width) -> int:
    if text.isascii() and text.isprintable():  # one cell a character in any terminal
        return len(text)
    return sum(width_of(c) for c in text)


@lru_cache(maxsize=4096)
def breaks_between_characters(character: str) -> bool:
    """True for characters of scripts written without spaces: Han, kana, CJK punctuation and
    full-width forms. Hangul is not among them: Korean breaks at its spaces."""
    code = ord(character)
    return (0x2E80 <= code <= 0x2FFF or 0x3000 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF
            or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x3FFFF)


@lru_cache(maxsize=1024)  # a cell is measured, then drawn: the same text twice
def break_levels(text: str) -> tuple[int, ...]:
    """levels[i]: how freely a line may start at text[i] (levels[0] is unused, levels[len] is END).
    Only ordinary spaces break; no-break spaces (U+00A0, U+202F) glue, as typography intends."""
    size = len(text)
    levels = [NEVER] * (size + 1)
    levels[size] = END
    glued = set()
    for start, end in _product_spans(text):
        glued.update(i + 1 for i in range(start, end - 1) if text[i] == " ")
    if text.isascii():
        return _ascii_levels(text, levels, glued)
    previous = ""  # the last character that is not a space
    token = ""  # the first character of the word `previous` ends
    for i in range(1, size):
        before, here = text[i - 1], text[i]
        if before != " ":
            previous = before
            if i == 1 or text[i - 2] == " ":
                token = before
        if here == " " or unicodedata.combining(here):
            continue
        if before == " ":
            if not previous or here in NO_START or previous in NO_END:
                continue
            # A number keeps its unit: "1 時間", "50 Profile", "2 台".
            number_unit = (token.isdigit() and previous.isdigit()
                           and (here.isalpha() or breaks_between_characters(here)))
            levels[i] = GLUED if (number_unit or i in glued) else ALLOWED
        elif before == "-" and i > 1 and text[i - 2].isalpha() and here.isalpha():
            levels[i] = GLUED  # "Echtzeit-|Messaging-|Server", only when the word needs it
        elif breaks_between_characters(before) or breaks_between_characters(here):
            if here in NO_START or before in NO_END:
                continue
            levels[i] = GLUED if before.isdigit() else ALLOWED  # "2億", "3 万"
    return tuple(levels)


# Where an ASCII text may break: after a run of spaces, or inside "word-word".
_ASCII_BREAK = re.compile(r"(?<=[^ ]) +(?=[^ ])|(?<=[A-Za-z])-(?=[A-Za-z])")


def _ascii_levels(text: str, levels: list[int], glued: set[int]) -> tuple[int, ...]:
    """`break_levels` of an ASCII text (the common case), found by a regular expression
    rather than character by character: no script there breaks between characters."""
    for match in _ASCII_BREAK.finditer(text):
        i = match.end()
        if match.group() == "-":
            levels[i] = GLUED
            continue
        previous, here = text[match.start() - 1], text[i]
        if here in NO_START or previous in NO_END:
            continue
        token = text[text.rfind(" ", 0, match.start()) + 1]  # the first character of the word
        number_unit = token.isdigit() and previous.isdigit() and here.isalpha()
        levels[i] = GLUED if (number_unit or i in glued) else ALLOWED
    return tuple(levels)


def hanging_indent(line: str, width_of: Width = char_width) -> int:
    """The indent of a bullet's wrapped lines: the width of its "• " (and any indent before);
    an indented line without a bullet keeps its indent."""
    match = _BULLET.match(line)
    return text_width(match.group(0), width_of) if match else 0


def line_spans(text: str, width: int, hang: int = 0, width_of: Width = char_width) -> list[tuple[int, int]]:
    """(start, end) of each line of one paragraph `text` wrapped to `width` cells; lines after
    the first are `hang` cells narrower. Spaces at a break are dropped; nothing else is."""
    if not text:
        return [(0, 0)]
    size = len(text)
    if text.isascii() and text.isprintable():  # one cell a character in any terminal
        cells: list[int] | range = range(size + 1)
    else:
        cells = list(accumulate(map(width_of, text), initial=0))
    last = size
    while last and text[last - 1] == " ":
        last -= 1
    if cells[last] <= width:  # the whole paragraph fits: one line, nothing to choose
        return [(0, last)]
    levels = break_levels(text)
    spans: list[tuple[int, int]] = []
    start = 0
    while start < size:
        room = max(width - (hang if spans else 0), 1)
        # The furthest position a line from `start` may end at: the last whose text (its
        # trailing spaces not counted) fits the room. Breaks are then looked for backwards.
        furthest = bisect_right(cells, cells[start] + room, start) - 1
        while furthest < size and text[furthest] == " ":
            furthest += 1

        def best(level: int, start: int = start, furthest: int = furthest) -> int:
            return _furthest_break(text, levels, start, furthest, level)

        cut = size if furthest == size else best(ALLOWED)
        if cut and cut < size and _unit_width(text, cut, levels, cells, ALLOWED) > width - hang:
            # What follows is too wide for any line: fill this one instead of leaving it short,
            # at its glue if that fits, else (a word wider than any line) between characters.
            glue = best(GLUED)
            if glue > cut:
                cut = glue
            elif _unit_width(text, cut, levels, cells, GLUED) > width - hang:
                cut = max(cut, best(NEVER))
        cut = cut or best(GLUED) or best(NEVER) or start + 1
        end = cut
        while end > start and text[end - 1] == " ":
            end -= 1
        spans.append((start, end))
        start = cut
        while start < size and text[start] == " ":
            start += 1
    return spans or [(0, 0)]


def _furthest_break(text: str, levels: tuple[int, ...], start: int, furthest: int, level: int) -> int:
    """The furthest position in (start, furthest] with a break of `level`, 0 when none (never
    before a combining mark)."""
    for i in range(furthest, start, -1):
        if levels[i] == level and (level > NEVER or (
                i < len(text) and not unicodedata.combining(text[i]))):
            return i
    return 0


def _unit_width(text: str, start: int, levels: tuple[int, ...], cells: list[int] | range,
                level: int) -> int:
    """Cells from `start` to the next break of at least `level` (its spaces not counted)."""
    end = start + 1
    while end < len(text) and levels[end] < level:
        end += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return cells[end] - cells[start]


def wrap(text: str, width: int, hang: int | None = None, width_of: Width = char_width) -> list[str]:
    """`text` (paragraphs separated by newlines) as lines of at most `width` cells. A bullet's
    wrapped lines hang under its text; `hang` fixes that indent for every paragraph instead."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        indent = hanging_indent(paragraph, width_of) if hang is None else hang
        indent = indent if indent < width // 2 else 0
        for index, (start, end) in enumerate(line_spans(paragraph, width, indent, width_of)):
            lines.append((" " * indent if index else "") + paragraph[start:end])
    return lines


def widest_unit(text: str, width_of: Width = char_width) -> int:
    """The widest run that is best kept on one line (a word, a glued number and unit, a product
    name): the narrowest a column can be without breaking inside one."""
    widest = 0
    for paragraph in text.split("\n"):
        levels = break_levels(paragraph)
        start = 0
        for i in range(1, len(paragraph) + 1):
            if levels[i] >= ALLOWED:
                widest = max(widest, text_width(paragraph[start:i].rstrip(" "), width_of))
                start = i
    return widest
