"""UI strings in the user's language, with English behind every missing string.

A Localizer formats Messages: option ids become glossary terms, counts, numbers, dates and
plural forms follow the locale's CLDR rules (through Babel, imported only when a number or a
date is actually formatted, so a JSON answer without one never pays for it; and a value an
earlier run formatted comes from a memo the knowledge layer keeps), and a translation that is
missing, or whose placeholders do not match, falls back to English.
"""

from __future__ import annotations

from _string import formatter_parser
from typing import Any, Callable, Mapping

from ..errors import AdvisorError
from ..models import Choices, Count, Date, Message, Number, Problem, Term, Terms
from .cldr import format_count, format_date, format_number, format_percent, plural_category

REMEMBERED_MESSAGES = 4_096


class Localizer:
    def __init__(self, locale: str, strings: Mapping[str, str], terms: Mapping[str, str],
                 fallback_strings: Mapping[str, str], fallback_terms: Mapping[str, str], *,
                 memo: Callable[[], dict[str, str]] | None = None) -> None:
        """`memo`, when given, loads the values formatted by earlier runs (see `formatted`)."""
        self.locale = locale
        self._strings = strings
        self._terms = terms
        self._fallback_strings = fallback_strings
        self._fallback_terms = fallback_terms
        self.missing: set[str] = set()
        self._messages: dict[Any, str] = {}
        # Messages the engine reuses (score reasons), by identity: no key to build.
        self._same: dict[int, tuple[Message, str]] = {}
        self._load_memo = memo
        self._formatted_values: dict[str, str] | None = None
        self.formatted_new = False  # values formatted in this run that the memo lacked

    def text(self, key: str, default: str | None = None, /, **params: Any) -> str:
        """The string `key` with `params` filled in; English, then `default`, then the key itself."""
        values = {name: self.value(v) for name, v in params.items()}
        for template in (self._strings.get(key), self._fallback_strings.get(key), default):
            if template is None:
                continue
            if template is not self._strings.get(key):
                self.missing.add(key)
            try:
                return fill(_one_period(template, values), values)
            except (KeyError, IndexError, ValueError, AttributeError):
                continue  # a broken translation never crashes: try the next template
        return key

    def term(self, option_id: str) -> str:
        return self._terms.get(option_id) or self._fallback_terms.get(option_id) or option_id

    def terms(self, option_ids: tuple[str, ...] | list[str]) -> str:
        separator = self.text("list.separator", ", ")
        return separator.join(self.term(option_id) for option_id in option_ids)

    def choices(self, option_ids: tuple[str, ...] | list[str]) -> str:
        """Ids as typed, with the term beside each where it adds something: `cloud, on-premise,
        hybrid` (en), `triggered（トリガー型）、scheduled（スケジュール型）` (ja)."""
        shown = []
        for option_id in option_ids:
            term = self.term(option_id)
            if option_id.casefold() in term.casefold():
                shown.append(option_id)
            else:
                shown.append(self.text("list.choice", "{id} ({label})", id=option_id, label=term))
        return self.text("list.separator", ", ").join(shown)

    def count(self, value: int) -> str:
        """A compact count in the locale's words: 200 Mio., 2億, 2亿, 1.5M."""
        return self._formatted("count", value, format_count)

    def number(self, value: int) -> str:
        """A whole number with the locale's grouping: 1,000,000 / 1.000.000 / 1 000 000."""
        return self._formatted("number", value, format_number)

    def percent(self, share: float) -> str:
        return self._formatted("percent", share, format_percent)

    def date(self, iso: str) -> str:
        """An ISO date (2025-08-25) as the locale writes it in a sentence; as given if not a date."""
        return self._formatted("date", iso, format_date)

    def _formatted(self, kind: str, value: Any, formatter: Callable[[Any, str], str]) -> str:
        # Babel costs ~25 ms to load: a value formatted by an earlier run comes from the memo.
        known = self.formatted()
        key = f"{kind}|{value}"
        text = known.get(key)
        if text is None:
            if len(known) >= REMEMBERED_MESSAGES:
                del known[next(iter(known))]
            text = known[key] = formatter(value, self.locale)
            self.formatted_new = True
        return text

    def formatted(self) -> dict[str, str]:
        """The formatted numbers, dates and plural categories known so far, by kind and value."""
        if self._formatted_values is None:
            self._formatted_values = dict(self._load_memo()) if self._load_memo else {}
        return self._formatted_values

    def plural(self, key: str, count: int, /, **params: Any) -> str:
        """The plural form of `key` for `count` (`key.one`, `key.few`, ... as CLDR names them,
        else `key.other`), with `count` filled in as a grouped number."""
        category = self._formatted("plural", count, plural_category)
        chosen = f"{key}.{category}"
        if chosen not in self._strings and chosen not in self._fallback_strings:
            chosen = f"{key}.other"
        return self.text(chosen, count=Number(count), **params)

    def labelled(self, label: str, value: str) -> str:
        """`label: value` with the locale's separator (French `label : value`, Chinese `label：value`)."""
        return label + self.text("list.label_separator", ": ") + value

    def annotated(self, text: str, note: str) -> str:
        """`text (note)`; with full-width parentheses no space is needed: `text（note）`."""
        return self.beside(text, self.text("list.parenthesized", "({text})", text=note))

    @staticmethod
    def beside(text: str, note: str) -> str:
        """`text` then a note that brings its own parentheses (a string such as "(only
        {models})" or "（{models}のみ）"): a space before "(", none before "（"; `text` alone
        when the note is empty."""
        if not note:
            return text
        return text + ("" if note[:1] in "（［【" or not text else " ") + note

    def heading(self, label: str) -> str:
        """`label:` at the end of a line, with the locale's colon."""
        return label + self.text("list.label_separator", ": ").rstrip(" ")

    def value(self, value: Any) -> Any:
        if isinstance(value, Term):
            return self.term(value.id)
        if isinstance(value, Terms):
            return self.terms(value.ids)
        if isinstance(value, Choices):
            return self.choices(value.ids)
        if isinstance(value, Count):
            return self.count(value.value)
        if isinstance(value, Number):
            return self.number(value.value)
        if isinstance(value, Date):
            return self.date(value.iso)
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
        # string.Formatter().parse, without importing `string` at every start.
        for _, field, spec, _ in formatter_parser(template):
            if field is None:
                continue
            if not field.isidentifier() or (spec and "{" in spec):
                return False
    except ValueError:  # unbalanced braces: format_map would fail the same way
        return False
    return True


def _one_period(template: str, values: Mapping[str, Any]) -> str:
    """The template without the full stop that follows a value already ending in one: "100 Mio."
    closing a German sentence is not "100 Mio..". """
    for name, value in values.items():
        if isinstance(value, str) and value.endswith(".") and "{" + name + "}." in template:
            template = template.replace("{" + name + "}.", "{" + name + "}")
    return template
