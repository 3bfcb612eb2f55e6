"""UI strings in the user's language, with English behind every missing string.

A Localizer formats Messages: option ids become glossary terms, counts become 200M / 2.5M / 50k,
and a translation that is missing, or whose placeholders do not match, falls back to English.
"""

from __future__ import annotations

import string
from typing import Any, Mapping

from ..errors import AdvisorError
from ..models import Count, Message, Problem, Term, Terms


class Localizer:
    def __init__(self, locale: str, strings: Mapping[str, str], terms: Mapping[str, str],
                 fallback_strings: Mapping[str, str], fallback_terms: Mapping[str, str]) -> None:
        self.locale = locale
        self._strings = strings
        self._terms = terms
        self._fallback_strings = fallback_strings
        self._fallback_terms = fallback_terms
        self.missing: set[str] = set()
        self._messages: dict[Any, str] = {}

    def text(self, key: str, default: str | None = None, /, **params: Any) -> str:
        """The string `key` with `params` filled in; English, then `default`, then the key itself."""
        values = {name: self.value(v) for name, v in params.items()}
        for template in (self._strings.get(key), self._fallback_strings.get(key), default):
            if template is None:
                continue
            if template is not self._strings.get(key):
                self.missing.add(key)
            try:
                return _FORMATTER.format(template, **values)
            except (KeyError, IndexError, ValueError, AttributeError):
                continue  # a broken translation never crashes: try the next template
        return key

    def term(self, option_id: str) -> str:
        return self._terms.get(option_id) or self._fallback_terms.get(option_id) or option_id

    def terms(self, option_ids: tuple[str, ...] | list[str]) -> str:
        separator = self.text("list.separator", ", ")
        return separator.join(self.term(option_id) for option_id in option_ids)

    def count(self, value: int) -> str:
        return format_count(value, self.text("number.decimal", "."))

    def value(self, value: Any) -> Any:
        if isinstance(value, Term):
            return self.term(value.id)
        if isinstance(value, Terms):
            return self.terms(value.ids)
        if isinstance(value, Count):
            return self.count(value.value)
        if isinstance(value, Message):
            return self.message(value)
        if isinstance(value, Problem):
            return self.text(value.key, value.default, **value.params)
        return value

    def message(self, message: Message) -> str:
        # A batch renders the same few messages thousands of times: remember them.
        try:
            key = (message.key, tuple(sorted((k, _frozen(v)) for k, v in message.params.items())))
            return self._messages[key]
        except KeyError:
            text = self._messages[key] = self.text(message.key, **message.params)
            return text
        except TypeError:  # a parameter that cannot be a dictionary key
            return self.text(message.key, **message.params)

    def error(self, error: AdvisorError) -> str:
        return self.text(error.key, error.default, **error.params)


def _frozen(value: Any) -> Any:
    """A hashable stand-in for a message parameter (nested Messages carry a dict)."""
    if isinstance(value, Message):
        return (value.key, tuple(sorted((k, _frozen(v)) for k, v in value.params.items())))
    return value


class _SafeFormatter(string.Formatter):
    """str.format without attribute or index access, so a template cannot reach into objects."""

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> Any:
        if "." in field_name or "[" in field_name:
            raise KeyError(field_name)
        return super().get_field(field_name, args, kwargs)


_FORMATTER = _SafeFormatter()


def format_count(value: int, decimal: str = ".") -> str:
    """Compact count: 200000000 -> 200M, 2500000 -> 2.5M, 50000 -> 50k, 1000000000 -> 1B."""
    for threshold, suffix in ((10**9, "B"), (10**6, "M"), (10**3, "k")):
        if value >= threshold:
            number = f"{value / threshold:.2f}".rstrip("0").rstrip(".")
            return number.replace(".", decimal) + suffix
    return str(value)
