"""Numbers, dates and plural rules by CLDR (Babel), for the twelve locales.

Babel is imported on first use only. A batch formats thousands of distinct counts, and each
Babel call parses its patterns anew (about 40 µs): `format_count` and `format_number` ask Babel
once per locale and kind of number (its digit count, the decimals shown) for a template, then
put the digits of each value into it. The text is the one Babel gives; whatever the templates
cannot vouch for (a negative, a carry into the next unit, an unexpected pattern) goes to Babel.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=16)
def babel_locale(locale: str) -> Any:
    """The Babel Locale of one of our codes (pt-BR, zh-Hans); imports Babel on first use."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(locale, sep="-")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def babel_count(value: int, locale: str = "en") -> str:
    """A compact count by CLDR, straight from Babel (format_count gives the same, faster): 200000000 -> 200M (en), 200 Mio. (de), 2億 (ja), 2亿 (zh-Hans).

    Exact when a few decimals make it exact (1.004M), else three significant digits (1.23M);
    where the locale has no compact form for the size, the grouped number (50.000 in German)."""
    from babel.numbers import format_compact_decimal

    where = babel_locale(locale)
    exact = format_compact_decimal(value, locale=where, fraction_digits=6)
    if not any(character.isalpha() for character in exact):
        return babel_number(value, locale)
    # Babel drops trailing zeros: three decimals or fewer in `exact` are what the fewest
    # digits that keep it exact would show (one call rather than one per digit count).
    number = _COMPACT_NUMBER.search(exact)
    if number is None or len(number.group(2) or "") <= 3:
        return exact
    digits = max(0, 3 - len(number.group(1)))
    return format_compact_decimal(value, locale=where, fraction_digits=digits)


# The figure of a compact count: its whole part, then its decimals after the locale's mark.
_COMPACT_NUMBER = re.compile(r"(\d+)(?:[^\d\s](\d+))?")


def babel_number(value: int, locale: str = "en") -> str:
    """A grouped number straight from Babel (format_number gives the same, faster)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale(locale))


def format_percent(share: float, locale: str = "en") -> str:
    from babel.numbers import format_percent as babel_percent

    return babel_percent(share, locale=babel_locale(locale))


def format_date(iso: str, locale: str = "en") -> str:
    import datetime

    try:
        day = datetime.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    from babel.dates import format_date as babel_date

    return babel_date(day, format="long", locale=babel_locale(locale))


def plural_category(count: int, locale: str = "en") -> str:
    """CLDR's plural category of `count` in `locale`: "one", "few", "many" or "other"..."""
    return babel_locale(locale).plural_form(count)


# Templates per (locale, digits) and (locale, digits, decimals), bounded: a few hundred at most.
_NUMBER_TEMPLATES: dict[tuple[str, int], str | None] = {}
_COUNT_CLASSES: dict[tuple[str, int], int | None] = {}
_COUNT_TEMPLATES: dict[tuple[str, int, int, int], str | None] = {}


def _fill(template: str, digits: str) -> str:
    """`template` with its "1"s replaced in order by `digits`."""
    out = []
    remaining = iter(digits)
    for character in template:
        out.append(next(remaining) if character == "1" else character)
    return "".join(out)


def _template(formatted: str, ones: int) -> str | None:
    """A Babel text of a number written with `ones` ones, usable as a template when those are
    its only digits (no other "1" in the locale's symbols, units or figures)."""
    if formatted.count("1") != ones or any(c.isdigit() and c != "1" for c in formatted):
        return None
    return formatted


def format_number(value: int, locale: str = "en") -> str:
    """A whole number with the locale's grouping: 1,000,000 / 1.000.000 / 1 000 000."""
    if type(value) is not int or value < 0:
        return babel_number(value, locale)
    digits = str(value)
    key = (locale, len(digits))
    if key not in _NUMBER_TEMPLATES:
        ones = int("1" * len(digits))
        _NUMBER_TEMPLATES[key] = _template(babel_number(ones, locale), len(digits))
    template = _NUMBER_TEMPLATES[key]
    return babel_number(value, locale) if template is None else _fill(template, digits)


def _whole_digits(locale: str, size: int) -> int | None:
    """How many digits a compact count of `size` digits keeps before its decimal mark (1 for
    1.5M, 2 for 15M, 4 for 1500万), or None where the locale writes such numbers in full."""
    key = (locale, size)
    if key not in _COUNT_CLASSES:
        probe = babel_count(10 ** (size - 1), locale)
        figure = re.fullmatch(r"(\D*?)(10*)(\D*)", probe)
        compact = any(c.isalpha() for c in probe)
        _COUNT_CLASSES[key] = len(figure.group(2)) if figure and compact else None
    return _COUNT_CLASSES[key]


def format_count(value: int, locale: str = "en") -> str:
    """A compact count by CLDR: 200000000 -> 200M (en), 200 Mio. (de), 2億 (ja), 2亿 (zh-Hans).

    Exact when a few decimals make it exact (1.004M), else three significant digits (1.23M);
    where the locale has no compact form for the size, the grouped number (50.000 in German)."""
    if type(value) is not int or value < 0:
        return babel_count(value, locale)
    if value < 1000:  # CLDR's compact forms start at a thousand
        return format_number(value, locale)
    digits = str(value)
    whole = _whole_digits(locale, len(digits))
    if whole is None:
        if (locale, len(digits)) in _COUNT_CLASSES:  # written in full at this size
            return format_number(value, locale)
        return babel_count(value, locale)
    from decimal import Decimal  # only for the values whose digits are rounded

    scaled = Decimal(value).scaleb(whole - len(digits))
    # What babel_count does: six decimals if three or fewer of them are left, else rounded to
    # three significant digits (Decimal rounds half to even, as Babel's round() does).
    shown = round(scaled, 6).normalize()
    if -shown.as_tuple().exponent > 3:
        shown = round(scaled, max(0, 3 - whole)).normalize()
    figure = format(shown, "f")
    integer, _, decimals = figure.partition(".")
    if len(integer) != whole:  # carried into the next unit (999.96M): Babel decides
        return babel_count(value, locale)
    exact = -round(scaled, 6).normalize().as_tuple().exponent <= 3
    key = (locale, len(digits), len(decimals), 6 if exact else max(0, 3 - whole))
    if key not in _COUNT_TEMPLATES:
        ones = "1" * (whole + len(decimals))
        probe = int(ones + "0" * (len(digits) - len(ones)))
        _COUNT_TEMPLATES[key] = _template(babel_count(probe, locale), len(ones))
    template = _COUNT_TEMPLATES[key]
    return babel_count(value, locale) if template is None else _fill(template, integer + decimals)
