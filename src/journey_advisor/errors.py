"""The project's exceptions. Imports nothing from the package, so every module can raise them.

Each error carries a UI-string key and its parameters, so the CLI can show it in the user's
language, plus an English template used when no translation is loaded (for example when the
strings file itself is the broken one).
"""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_NO_FIT = 3
EXIT_INTERRUPTED = 130


class AdvisorError(Exception):
    """Base class: a problem the user can fix, shown as one line, never as a traceback."""

    exit_code = EXIT_DATA

    def __init__(self, key: str, default: str, **params: Any) -> None:
        self.key = key
        self.default = default
        self.params = params
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
    return value


class DataError(AdvisorError):
    """A data, page or rules file cannot be used; the message names the file and key or line."""

    exit_code = EXIT_DATA


class UsageError(AdvisorError):
    """Bad usage: an unknown value, a missing answer with no terminal, an unsupported locale."""

    exit_code = EXIT_USAGE


class PageNotFoundError(DataError):
    """A pages folder, or the pages of a locale, could not be found."""
