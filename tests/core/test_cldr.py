"""The fast counts and grouped numbers of a batch are the very texts Babel gives."""

from __future__ import annotations

import random

import pytest

from journey_advisor.core.cldr import babel_count, babel_number, format_count, format_number
from journey_advisor.core.locale import SUPPORTED

VALUES = sorted({int(10 ** random.Random(5).uniform(0, 13)) for _ in range(300)}
                | {10 ** k + d for k in range(14) for d in (-1, 0, 1, 5, 4999, 5000, 5001)}
                | {999_999, 9_999_499, 99_960_000, 999_600_000, 1_999_999_999, 1_235_000_400})


@pytest.mark.parametrize("locale", SUPPORTED)
def test_templates_give_what_babel_gives(locale):
    for value in VALUES:
        if value >= 0:
            assert format_count(value, locale) == babel_count(value, locale), value
            assert format_number(value, locale) == babel_number(value, locale), value
