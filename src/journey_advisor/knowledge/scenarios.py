"""Reads a batch of scenarios for `recommend --answers FILE`: a YAML or JSON list of mappings keyed
by question id, or CSV with a header row of question ids (channels separated by `,` or `;`).

Untrusted input: bounded in size and rows, YAML read safely, values checked by type before use.
"""

from __future__ import annotations

import csv
import io
from typing import Any, BinaryIO

from ..core.answers import suggest
from ..errors import UsageError
from ..vocabulary import QUESTION_IDS
from .files import parse_yaml, read_text

MAX_ANSWERS_BYTES = 16 * 1024 * 1024
MAX_SCENARIOS = 100_000


def read_source(path: str, stdin: BinaryIO | None) -> tuple[str, str]:
    """(text, label) of the answers file; `-` reads standard input. Problems are answers, so
    UsageErrors (exit 2)."""
    if path != "-":
        return read_text(path, MAX_ANSWERS_BYTES, UsageError), path
    if stdin is None:
        raise UsageError("error.stdin_closed", "{file}: standard input is closed", file="<stdin>")
    return read_text(path, MAX_ANSWERS_BYTES, UsageError, stream=stdin, label="<stdin>"), "<stdin>"


def _looks_like_csv(text: str, label: str) -> bool:
    if label.lower().endswith(".csv"):
        return True
    if label.lower().endswith((".yaml", ".yml", ".json")):
        return False
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return not first.startswith(("-", "[", "{", "#", "---")) and "," in first or first in QUESTION_IDS


def parse_scenarios(text: str, label: str) -> list[tuple[str, dict[str, Any]]]:
    """Scenarios as (row label, raw answers by question id), in input order."""
    rows = _csv_rows(text, label) if _looks_like_csv(text, label) else _yaml_rows(text, label)
    if not rows:
        raise UsageError("error.answers_file", "{file}: {details}", file=label,
                         details="no scenarios")
    if len(rows) > MAX_SCENARIOS:
        raise UsageError("error.answers_file", "{file}: {details}", file=label,
                         details=f"{len(rows)} scenarios; at most {MAX_SCENARIOS} per run")
    return rows


def _check_keys(keys: list[str], label: str, where: str) -> None:
    for key in keys:
        if key not in QUESTION_IDS:
            guess = suggest(str(key), QUESTION_IDS)
            hint = f"; did you mean '{guess}'?" if guess else ""
            raise UsageError("error.bad_row", "{file}: row {row}: {details}", file=label,
                             row=where, details=f"unknown question '{str(key)[:40]}'{hint} "
                             f"(questions: {', '.join(QUESTION_IDS)})")


def _csv_rows(text: str, label: str) -> list[tuple[str, dict[str, Any]]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = [cell.strip().lower().replace("-", "_") for cell in next(reader)]
    except StopIteration:
        return []
    except csv.Error as exc:
        raise UsageError("error.answers_file", "{file}: {details}", file=label,
                         details=f"line 1: {exc}") from None
    _check_keys(header, label, "0 (header)")
    rows = []
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                raise UsageError("error.bad_row", "{file}: row {row}: {details}", file=label,
                                 row=str(len(rows) + 1),
                                 details=f"line {reader.line_num}: {len(cells)} cells for "
                                 f"{len(header)} columns")
            values = {key: cell.strip() or None for key, cell in zip(header, cells)}
            rows.append((f"{len(rows) + 1}", values))
            if len(rows) > MAX_SCENARIOS:
                break
    except csv.Error as exc:
        raise UsageError("error.answers_file", "{file}: {details}", file=label,
                         details=f"line {reader.line_num}: {exc}") from None
    return rows


def _yaml_rows(text: str, label: str) -> list[tuple[str, dict[str, Any]]]:
    data = parse_yaml(text, label, UsageError)
    if data is None:
        return []
    if not isinstance(data, list):
        raise UsageError("error.answers_file", "{file}: {details}", file=label,
                         details="expected a list of scenarios (mappings keyed by question id)")
    rows = []
    for index, item in enumerate(data[: MAX_SCENARIOS + 1], start=1):
        if not isinstance(item, dict):
            raise UsageError("error.bad_row", "{file}: row {row}: {details}", file=label,
                             row=str(index), details="expected a mapping keyed by question id")
        _check_keys(list(item), label, str(index))
        rows.append((str(index), item))
    return rows

