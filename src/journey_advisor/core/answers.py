"""Turns raw answers (flags, prompts, batch rows) into validated Answers.

Values are matched case-insensitively; an unknown one is a UsageError with a "did you mean".
Counts accept plain numbers, digit grouping, a decimal point or comma, and the compact words of
the twelve locales (`50k`, `1.5M`, `1,5 Mio.`, `2 Mrd.`, `5000万`, `2億`, `2억`). Lists accept the
separators CJK input methods type: full-width commas and 「、」.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache
from typing import Any, Iterable, Mapping

from ..errors import UsageError
from ..models import Answers, Choices, Number, Question, RuleSet
from ..vocabulary import FLAGS

# Above a trillion profiles or messages an hour the figure is a typo, not a plan.
MAX_COUNT = 10**12
_MAX_DIGITS = len(str(MAX_COUNT))
# The compact words people type after a number, in the twelve locales (CLDR's short forms, as
# Babel prints them, plus the usual English ones). "bn" is left out: 10^9 in English, 10^12 in
# Swedish.
_MULTIPLIERS = {
    "": 1, "k": 10**3, "tsd": 10**3, "tn": 10**3, "mil": 10**3, "千": 10**3, "천": 10**3,
    "m": 10**6, "mio": 10**6, "mln": 10**6, "mn": 10**6, "mi": 10**6, "million": 10**6,
    "b": 10**9, "g": 10**9, "mrd": 10**9, "mld": 10**9, "md": 10**9, "bi": 10**9,
    "billion": 10**9, "bio": 10**12,
    "万": 10**4, "萬": 10**4, "만": 10**4, "億": 10**8, "亿": 10**8, "억": 10**8,
    "万亿": 10**12, "兆": 10**12, "조": 10**12,
}


@lru_cache(maxsize=1)
def _count_pattern() -> re.Pattern[str]:
    """A number and its compact word; compiled when a count is first read, not at every start."""
    suffixes = "|".join(re.escape(s) for s in sorted(_MULTIPLIERS, key=len, reverse=True) if s)
    return re.compile(r"(\d+(?:[.,]\d+)*)(" + suffixes + r")?\.?")


# Between the items of a list: commas, semicolons, and their full-width forms and 「、」.
LIST_SEPARATORS = re.compile(r"[,;，；、､]")
_GROUPED = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


def canonical(value: str) -> str:
    """The comparable form of a typed value: lower case, `_` and spaces as `-`."""
    return re.sub(r"[\s_]+", "-", value.strip().lower())


def suggest(value: str, options: Iterable[str]) -> str | None:
    """The closest option to a misspelt value, if any is close enough."""
    close = difflib.get_close_matches(canonical(value), list(options), n=1, cutoff=0.5)
    return close[0] if close else None


def _scalar_text(value: Any, where: str) -> str:
    """Text of a scalar answer. Lists or mappings (from YAML, maybe alias bombs) are refused
    before anything turns them into a string."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise UsageError("error.bad_type", "{where}: expected a single value (text or a number)",
                     where=where)


def parse_choice(value: Any, question: Question, where: str) -> str:
    """One option id of `question`, or UsageError naming `where` with a suggestion."""
    text = _scalar_text(value, where)
    key = canonical(text)
    if key in question.options:
        return key
    raise unknown_value(text, question.options, where)


def parse_choices(values: Any, question: Question, where: str) -> tuple[str, ...]:
    """Several option ids: a list, or text separated by commas or semicolons. Order kept, no repeats."""
    items: list[str] = []
    raw_items = values if isinstance(values, (list, tuple)) else [values]
    for raw in raw_items:
        text = _scalar_text(raw, where)
        items.extend(part for part in LIST_SEPARATORS.split(text) if part.strip())
    chosen: list[str] = []
    for item in items:
        option = parse_choice(item, question, where)
        if option not in chosen:
            chosen.append(option)
    if not chosen:
        raise UsageError("error.empty_answer", "{where}: no value given; choose from {options}",
                         where=where, options=Choices(question.options))
    return tuple(chosen)


def parse_count(value: Any, where: str) -> int:
    """A positive whole number from `200000000`, `200,000,000`, `200M`, `1.5M` or `50k`."""
    if isinstance(value, bool):
        _bad_count(value, where)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        typed = unicodedata.normalize("NFKC", _scalar_text(value, where))  # full-width digits
        text = re.sub(r"[\s_\u00a0\u202f'’]+", "", typed).lower()
        match = _count_pattern().fullmatch(text)
        if not match:
            _bad_count(value, where)
        digits, suffix = match.group(1), match.group(2) or ""
        # Far too many digits for any plan: refused before int() or float() sees them (Python
        # refuses int() of over 4,300 digits, and float() of 400 digits times a million is inf).
        if len(re.split(r"[.,]", digits.lstrip("0.,") or "0")[0]) > _MAX_DIGITS:
            _too_large(value, where)
        if suffix:
            if digits.count(".") + digits.count(",") > 1:
                _bad_count(value, where)
            number = round(float(digits.replace(",", ".")) * _MULTIPLIERS[suffix])
        elif digits.isdigit():
            number = int(digits)
        elif _GROUPED.fullmatch(digits):
            number = int(re.sub(r"[.,]", "", digits))
        else:
            _bad_count(value, where)
    if number <= 0:
        _bad_count(value, where)
    if number > MAX_COUNT:
        _too_large(value, where)
    return number


def _shown(value: Any) -> str:
    """A typed value for a message; a number too long to print is described instead."""
    if isinstance(value, int) and value.bit_length() > 64:
        return f"({int(value.bit_length() * 0.30103) + 1} digits)"
    return str(value)


def _too_large(value: Any, where: str) -> None:
    raise UsageError("error.count_too_large",
                     "{where}: {value} is beyond any documented scale (at most {limit})",
                     where=where, value=_shown(value), limit=Number(MAX_COUNT))


def _bad_count(value: Any, where: str) -> None:
    raise UsageError("error.bad_count",
                     "{where}: '{value}' is not a positive whole number (examples: 50000, 50k, "
                     "1.5M, 200M)", where=where, value=_shown(value))


def unknown_value(text: str, options: tuple[str, ...], where: str) -> UsageError:
    """The error for a value not among `options`, with the closest one as a "did you mean"."""
    guess = suggest(text, options)
    if guess:
        return UsageError("error.unknown_value_hint",
                          "{where}: unknown value '{value}'; did you mean '{suggestion}'? "
                          "Choose from {options}",
                          where=where, value=text, suggestion=guess, options=Choices(tuple(options)))
    return UsageError("error.unknown_value", "{where}: unknown value '{value}'; choose from {options}",
                      where=where, value=text, options=Choices(tuple(options)))


def missing_required(raw: Mapping[str, Any], rules: RuleSet) -> list[str]:
    """Ids of the required questions that have no answer in `raw`."""
    return [q.id for q in rules.questions if q.required and is_blank(raw.get(q.id))]


def is_blank(value: Any) -> bool:
    """No answer: nothing, an empty string or an empty list."""
    return value is None or value == "" or value == [] or value == ()


def build_answers(raw: Mapping[str, Any], rules: RuleSet, where: str = "") -> Answers:
    """Validate raw answers keyed by question id; defaults fill the optional choices.

    `where` prefixes error locations (e.g. "row 3: "); flags are named otherwise.
    """
    values: dict[str, Any] = {}
    for question in rules.questions:
        label = f"{where}{question.id}" if where else FLAGS[question.id]
        value = raw.get(question.id)
        if is_blank(value):
            if question.required:
                raise UsageError("error.missing_answer",
                                 "{where}: an answer is required ({options})",
                                 where=label, options=Choices(question.options))
            values[question.id] = () if question.kind == "choices" else question.default
        elif question.kind == "choice":
            values[question.id] = parse_choice(value, question, label)
        elif question.kind == "choices":
            values[question.id] = parse_choices(value, question, label)
        else:
            values[question.id] = parse_count(value, label)
    return Answers(**values)



class PackedAnswers:
    """Validated answers of a batch, held in 8 bytes a field, so a batch of 100,000 scenarios
    keeps a few MB between its validating pass and its evaluating one. A count is stored as
    itself (counts are positive), no answer as 0, any other value as a negative index into a
    table of the distinct values of its field (there are few)."""

    def __init__(self) -> None:
        from array import array

        self._values = array("q")
        self._width = len(Answers._fields)
        self._index: list[dict[Any, int]] = [{} for _ in Answers._fields]
        self._tables: list[list[Any]] = [[] for _ in Answers._fields]

    def append(self, answers: Answers) -> None:
        for field, value in enumerate(answers):
            if value is None:
                self._values.append(0)
            elif isinstance(value, int) and not isinstance(value, bool) and value > 0:
                self._values.append(value)
            else:
                index = self._index[field].get(value)
                if index is None:
                    index = self._index[field][value] = len(self._tables[field])
                    self._tables[field].append(value)
                self._values.append(-index - 1)

    def __len__(self) -> int:
        return len(self._values) // self._width

    def __getitem__(self, position: int) -> Answers:
        start = position * self._width
        fields = []
        for field, stored in enumerate(self._values[start:start + self._width]):
            fields.append(None if stored == 0 else stored if stored > 0
                          else self._tables[field][-stored - 1])
        return Answers(*fields)
