"""The Checker: validates parsed YAML against the shapes our data files must have, collecting
every problem of one file with its key path (`rules[3].when.budget`) and raising them together
as one DataError naming the file."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Iterable

from ..errors import DataError


class Checker:
    """Collects every problem of one file, with its key path, and raises them together."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}" if where else message)

    def mapping(self, value: Any, where: str, required: Iterable[str] = (),
                optional: Iterable[str] = ()) -> dict:
        if not isinstance(value, dict):
            self.add(where, f"expected a mapping, found {kind_of(value)}")
            return {}
        required = tuple(required)
        allowed = set(required) | set(optional)
        for key in value:
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                self.add(join_key(where, key), f"unknown key{hint}")
        for key in required:
            if key not in value:
                self.add(join_key(where, key), "missing")
        return value

    def list_of(self, value: Any, where: str) -> list:
        if not isinstance(value, list):
            self.add(where, f"expected a list, found {kind_of(value)}")
            return []
        return value

    def choice(self, value: Any, where: str, allowed: Iterable[str]) -> bool:
        allowed = tuple(allowed)
        if not isinstance(value, str) or value not in allowed:
            hint = did_you_mean(value, allowed)
            self.add(where, f"{show(value)} is not one of {', '.join(allowed)}{hint}")
            return False
        return True

    def choices(self, value: Any, where: str, allowed: Iterable[str]) -> tuple[str, ...]:
        items = self.list_of(value, where)
        for index, item in enumerate(items):
            self.choice(item, f"{where}[{index}]", allowed)
        return tuple(items)

    def string(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            self.add(where, f"expected a non-empty string, found {kind_of(value)}")
            return ""
        return value

    def integer(self, value: Any, where: str, minimum: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.add(where, f"expected a whole number of at least {minimum}, found {show(value)}")
            return minimum
        return value

    def done(self) -> None:
        if self.problems:
            details = "; ".join(self.problems[:20])
            more = f" (and {len(self.problems) - 20} more)" if len(self.problems) > 20 else ""
            raise DataError("error.invalid_data", "{file}: {details}",
                            file=str(self.path), details=details + more)


def join_key(where: str, key: Any) -> str:
    return f"{where}.{key}" if where else str(key)


def show(value: Any) -> str:
    """A short, safe rendering of any YAML value: never expands lists or mappings (alias bombs)."""
    if isinstance(value, str):
        return repr(value[:60] + ("…" if len(value) > 60 else ""))
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    return kind_of(value)


def kind_of(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", type(None): "nothing"}.get(
        type(value), type(value).__name__)


def did_you_mean(value: Any, allowed: Iterable[str]) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value[:100], [str(a) for a in allowed], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
