"""Reads a batch of scenarios for `recommend --answers FILE`: a YAML or JSON list of mappings keyed
by question id, or CSV with a header row of question ids (channels separated by `,` or `;`).

Rows stream: a ScenarioFile yields one (row label, raw answers) at a time and can be walked
again (the batch validates every row before it prints anything, then evaluates them), so
memory holds the text and one row, never all of them. CSV streams through the csv module, a
JSON array through the C decoder one element at a time, a YAML block list in groups of items
parsed separately. Anything else (cross-item YAML anchors, flow style that is not JSON, errors)
is read as one document, which gives the same rows or the same message with its line.

Untrusted input: bounded in size and rows, YAML read safely, values checked by type before use.
"""

from __future__ import annotations

import csv
import json
import re
from typing import Any, BinaryIO, Iterator

from ..core.answers import suggest
from ..errors import UsageError
from ..models import Number
from ..vocabulary import QUESTION_IDS
from .files import parse_yaml, read_text

MAX_ANSWERS_BYTES = 16 * 1024 * 1024
MAX_SCENARIOS = 100_000
# Items of a YAML block list parsed as one small document: big enough to amortize the loader,
# small enough to keep memory flat.
YAML_GROUP = 500
_ITEM_START = re.compile(r"^-(?:[ \t]|$)", re.MULTILINE)
Row = tuple[str, dict[str, Any]]


def read_source(path: str, stdin: BinaryIO | None) -> tuple[str, str]:
    """(text, label) of the answers file; `-` reads standard input. Problems are answers, so
    UsageErrors (exit 2)."""
    if path != "-":
        return read_text(path, MAX_ANSWERS_BYTES, UsageError), path
    if stdin is None:
        raise UsageError("error.stdin_closed", "{file}: standard input is closed", file="<stdin>")
    return read_text(path, MAX_ANSWERS_BYTES, UsageError, stream=stdin, label="<stdin>"), "<stdin>"


class ScenarioFile:
    """The scenarios of one answers file, in input order; iterate as often as needed.

    CSV cells are separated by `delimiter`, else by what the header line uses: a comma, or the
    semicolon that Excel writes where the comma is the decimal mark (German, French, ...), or a
    tab."""

    def __init__(self, text: str, label: str, delimiter: str | None = None) -> None:
        self.text = text
        self.label = label
        self.delimiter = delimiter or sniff_delimiter(_first_line(text))
        self.csv = delimiter is not None or _looks_like_csv(text, label, self.delimiter)
        self._whole: list[Any] | None = None  # set when the file must be read as one document

    def __iter__(self) -> Iterator[Row]:
        if self.csv:
            yield from self._csv_rows()
            return
        for index, item in enumerate(self._items(), start=1):
            if index > MAX_SCENARIOS:
                raise _too_many(self.label)
            if not isinstance(item, dict):
                raise _bad_row(self.label, str(index), "expected a mapping keyed by question id")
            _check_keys(list(item), self.label, str(index))
            yield str(index), item

    def _items(self) -> Iterator[Any]:
        if self._whole is not None:
            yield from self._whole
            return
        streamed = 0
        try:
            if self.text.lstrip().startswith("["):
                stream: Iterator[Any] | None = _json_items(self.text)
            elif _is_block_list(self.text):
                stream = _yaml_groups(self.text, self.label)
            else:
                stream = None
            if stream is not None:
                for item in stream:
                    streamed += 1
                    yield item
                return
        except (UsageError, ValueError):
            pass  # read as one document below: the same rows, or the message with its line
        # The whole document gives the same items in the same order: skip those already given.
        self._whole = self._document()
        yield from self._whole[streamed:]

    def _document(self) -> list[Any]:
        data = parse_yaml(self.text, self.label, UsageError)
        if data is None:
            return []
        if not isinstance(data, list):
            raise UsageError("error.not_a_list",
                             "{file}: expected a list of scenarios (mappings keyed by question id)",
                             file=self.label)
        return data

    def _csv_rows(self) -> Iterator[Row]:
        reader = csv.reader(_lines(self.text), delimiter=self.delimiter or ",")
        label = self.label
        try:
            cells: list[str] = []
            while not any(cell.strip() for cell in cells):  # blank lines before the header
                cells = next(reader)
            header = [cell.strip().lower().replace("-", "_") for cell in cells]
        except StopIteration:
            return
        except csv.Error as exc:
            raise _csv_error(label, 1, exc) from None
        _check_header(header, label, reader.line_num)
        count = 0
        try:
            for cells in reader:
                if not any(cell.strip() for cell in cells):
                    continue
                count += 1
                if count > MAX_SCENARIOS:
                    raise _too_many(label)
                if len(cells) > len(header):
                    raise _bad_row(label, str(count), f"line {reader.line_num}: {len(cells)} cells "
                                   f"for {len(header)} columns")
                yield str(count), {key: cell.strip() or None for key, cell in zip(header, cells)}
        except csv.Error as exc:
            raise _csv_error(label, reader.line_num, exc) from None


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, ends kept, one at a time (io.StringIO would copy the whole text,
    four bytes a character)."""
    start = 0
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        end = length if end < 0 else end + 1
        yield text[start:end]
        start = end


def _json_items(text: str) -> Iterator[Any]:
    """The elements of a JSON array, decoded one at a time; ValueError when it is not JSON."""
    decoder = json.JSONDecoder()
    whitespace = re.compile(r"\s*")
    position = whitespace.match(text).end() + 1  # past "["
    position = whitespace.match(text, position).end()
    if text.startswith("]", position):
        position += 1
    else:
        while True:
            item, position = decoder.raw_decode(text, position)
            yield item
            position = whitespace.match(text, position).end()
            if text.startswith(",", position):
                position = whitespace.match(text, position + 1).end()
                continue
            if text.startswith("]", position):
                position += 1
                break
            raise ValueError("expected , or ]")
    if text[position:].strip():
        raise ValueError("text after the array")


def _is_block_list(text: str) -> bool:
    """True when the first line with content starts a top-level YAML list item."""
    for line in _lines(text):
        if not line.strip() or line.lstrip().startswith("#") or line.startswith(("---", "%")):
            continue
        return bool(_ITEM_START.match(line))
    return False


def _yaml_groups(text: str, label: str) -> Iterator[Any]:
    """The items of a top-level YAML block list, parsed YAML_GROUP items at a time. Each item
    starts with `-` in the first column; a group is a small document of its own."""
    starts = _ITEM_START.finditer(text)
    begin = next(starts).start()
    line = text.count("\n", 0, begin) + 1
    while begin < len(text):
        end = len(text)
        for index, match in enumerate(starts, start=1):
            if index == YAML_GROUP:
                end = match.start()
                break
        chunk = text[begin:end]
        items = parse_yaml(chunk, label, UsageError, first_line=line)
        if not isinstance(items, list):
            raise ValueError("not a list")
        yield from items
        line += chunk.count("\n")
        begin = end


DELIMITERS = (",", ";", "\t", "|")


def _first_line(text: str) -> str:
    return next((line.strip("\r\n") for line in _lines(text) if line.strip()), "")


def sniff_delimiter(header: str) -> str | None:
    """The delimiter a CSV header line uses: the one that splits it into the most question ids
    (then the most cells); None when no delimiter splits it at all."""
    best, score = None, (0, 1)
    for delimiter in DELIMITERS:
        cells = [c.strip().strip('"').lower().replace("-", "_") for c in header.split(delimiter)]
        found = (sum(cell in QUESTION_IDS for cell in cells), len(cells))
        if len(cells) > 1 and found > score:
            best, score = delimiter, found
    return best


def _looks_like_csv(text: str, label: str, delimiter: str | None) -> bool:
    if label.lower().endswith((".csv", ".tsv")):
        return True
    if label.lower().endswith((".yaml", ".yml", ".json")):
        return False
    first = _first_line(text).strip()
    return (not first.startswith(("-", "[", "{", "#", "---")) and delimiter is not None
            or first in QUESTION_IDS)


def _check_keys(keys: list[Any], label: str, where: str) -> None:
    for key in keys:
        if key not in QUESTION_IDS:
            guess = suggest(str(key), QUESTION_IDS)
            hint = f"; did you mean '{guess}'?" if guess else ""
            raise _bad_row(label, where, f"unknown question '{str(key)[:40]}'{hint} "
                           f"(questions: {', '.join(QUESTION_IDS)})")


def _check_header(header: list[str], label: str, line: int) -> None:
    """Every column of a CSV header is a question id; the error names the header's line."""
    for key in header:
        if key not in QUESTION_IDS:
            guess = suggest(key, QUESTION_IDS)
            if guess:
                raise UsageError("error.bad_header_hint",
                                 "{file}:{line}: header: unknown column '{value}'; did you mean "
                                 "'{suggestion}'? Columns: {options}", file=label, line=line,
                                 value=key[:40], suggestion=guess, options=", ".join(QUESTION_IDS))
            raise UsageError("error.bad_header",
                             "{file}:{line}: header: unknown column '{value}'; columns: {options}",
                             file=label, line=line, value=key[:40], options=", ".join(QUESTION_IDS))


def _bad_row(label: str, row: str, details: str) -> UsageError:
    return UsageError("error.bad_row", "{file}: row {row}: {details}", file=label, row=row,
                      details=details)


def _too_many(label: str) -> UsageError:
    return UsageError("error.too_many_scenarios", "{file}: more than {limit} scenarios",
                      file=label, limit=Number(MAX_SCENARIOS))


def _csv_error(label: str, line: int, exc: csv.Error) -> UsageError:
    return UsageError("error.csv", "{file}:{line}: not valid CSV ({problem})", file=label,
                      line=line, problem=str(exc))
