"""The project's exceptions. Imports nothing from the package, so every module can raise them.

Each error carries a UI-string key and its parameters, so the CLI can show it in the user's
language, plus an English template used when no translation is loaded (for example when the
strings file itself is the broken one).
"""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_DATA = 1  # also: the output could not be written
EXIT_USAGE = 2
EXIT_NO_FIT = 3
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # 128 + SIGTERM, as shells report it


# A value echoed in a message is cut to this many characters (its start and its end kept, so a
# path still shows its file name); lists the message composes itself are kept whole.
SHOWN_CHARACTERS = 100
_WHOLE_PARAMS = ("details", "options", "languages")


def shorten(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """`text`, or its start and end around an ellipsis when longer than `limit` characters."""
    if len(text) <= limit:
        return text
    tail = limit // 3
    return f"{text[: limit - tail - 1]}…{text[-tail:]}"


class AdvisorError(Exception):
    """Base class: a problem the user can fix, shown as one line, never as a traceback."""

    exit_code = EXIT_DATA

    def __init__(self, key: str, default: str, **params: Any) -> None:
        self.key = key
        self.default = default
        self.params = {name: shorten(value) if isinstance(value, str) and name not in _WHOLE_PARAMS
                       else value for name, value in params.items()}
        super().__init__(self.english())

    def english(self) -> str:
        return self.default.format(**{k: _plain(v) for k, v in self.params.items()})


def _plain(value: Any) -> Any:
    """English rendering of the message-parameter types of models.py, without importing them."""
    if hasattr(value, "default") and hasattr(value, "params"):  # a models.Problem
        return value.message
    if hasattr(value, "ids"):
        return ", ".join(value.ids)
    if hasattr(value, "id"):
        return value.id
    if hasattr(value, "iso"):  # a models.Date
        return value.iso
    if isinstance(value, tuple) and hasattr(value, "value"):  # a models.Number or Count
        return f"{value.value:,}"
    return value


class DataError(AdvisorError):
    """A data, page or rules file cannot be used; the message names the file and key or line."""

    exit_code = EXIT_DATA


class UsageError(AdvisorError):
    """Bad usage: an unknown value, a missing answer with no terminal, an unsupported locale."""

    exit_code = EXIT_USAGE


class PageNotFoundError(DataError):
    """A pages folder, or the pages of a locale, could not be found."""


class OutputError(AdvisorError):
    """Standard output cannot be written (closed, full, an I/O error)."""

    exit_code = EXIT_DATA
