"""UI strings in the user's language, with English behind every missing string.

A Localizer formats Messages: option ids become glossary terms, counts become 200M / 2.5M / 50k,
and a translation that is missing, or whose placeholders do not match, falls back to English.
"""

from __future__ import annotations

import string
from typing import Any, Mapping

from ..errors import AdvisorError
from ..models import Count, Message, Problem, Term, Terms

REMEMBERED_MESSAGES = 4_096


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
        # Messages the engine reuses (score reasons), by identity: no key to build.
        self._same: dict[int, tuple[Message, str]] = {}

    def text(self, key: str, default: str | None = None, /, **params: Any) -> str:
        """The string `key` with `params` filled in; English, then `default`, then the key itself."""
        values = {name: self.value(v) for name, v in params.items()}
        for template in (self._strings.get(key), self._fallback_strings.get(key), default):
            if template is None:
                continue
            if template is not self._strings.get(key):
                self.missing.add(key)
            try:
                return fill(template, values)
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
        # A batch renders the same few messages thousands of times: remember them, up to a
        # bound (scenarios with ever new counts make ever new messages).
        known = self._same.get(id(message))
        if known is not None and known[0] is message:
            return known[1]
        text = self._message(message)
        if len(self._same) >= REMEMBERED_MESSAGES:
            self._same.clear()
        self._same[id(message)] = (message, text)
        return text

    def _message(self, message: Message) -> str:
        try:
            key = (message.key, tuple(sorted((k, _frozen(v)) for k, v in message.params.items())))
            return self._messages[key]
        except KeyError:
            if len(self._messages) >= REMEMBERED_MESSAGES:
                self._messages.clear()
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


# Templates checked once each: format_map runs at C speed, and a template that reaches into
# objects ({value.__class__}, {value[0]}) or has positional or nested fields is refused.
_CHECKED: dict[str, bool] = {}


def fill(template: str, values: Mapping[str, Any]) -> str:
    """`template.format_map(values)` for a safe template; KeyError or ValueError otherwise."""
    safe = _CHECKED.get(template)
    if safe is None:
        if len(_CHECKED) >= REMEMBERED_MESSAGES:
            _CHECKED.clear()
        safe = _CHECKED[template] = _is_safe(template)
    if not safe:
        raise KeyError(template)
    return template.format_map(values)


def _is_safe(template: str) -> bool:
    try:
        for _, field, spec, _ in string.Formatter().parse(template):
            if field is None:
                continue
            if not field.isidentifier() or (spec and "{" in spec):
                return False
    except ValueError:  # unbalanced braces: format_map would fail the same way
        return False
    return True


def format_count(value: int, decimal: str = ".") -> str:
    """Compact count: 200000000 -> 200M, 2500000 -> 2.5M, 50000 -> 50k, 1000000000 -> 1B."""
    for threshold, suffix in ((10**9, "B"), (10**6, "M"), (10**3, "k")):
        if value >= threshold:
            number = f"{value / threshold:.2f}".rstrip("0").rstrip(".")
            return number.replace(".", decimal) + suffix
    return str(value)
