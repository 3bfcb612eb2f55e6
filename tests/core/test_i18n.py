import pytest

from journey_advisor.core.i18n import Localizer, format_count
from journey_advisor.errors import UsageError
from journey_advisor.models import Count, Message, Term, Terms


@pytest.fixture
def t():
    english = {"greet": "Hello {name}", "list.separator": ", ", "number.decimal": ".",
               "only.en": "English only {x}", "err": "bad {where}"}
    italian = {"greet": "Ciao {name}", "list.separator": " e ", "number.decimal": ",",
               "only.en": "broken {y}"}
    return Localizer("it", italian, {"email": "e-mail"}, english, {"email": "email", "sms": "SMS"})


def test_text_in_the_language(t):
    assert t.text("greet", name="Ada") == "Ciao Ada"


def test_missing_or_broken_translation_falls_back_to_english(t):
    assert t.text("only.en", x=1) == "English only 1"
    assert "only.en" in t.missing
    assert t.text("nowhere", "default {x}", x=2) == "default 2"
    assert t.text("nowhere") == "nowhere"


def test_templates_cannot_reach_into_objects(t):
    evil = Localizer("en", {"k": "{x.__class__}"}, {}, {}, {})
    assert evil.text("k", x=1) == "k"


def test_params_become_terms_lists_and_counts(t):
    assert t.value(Term("email")) == "e-mail"
    assert t.value(Term("sms")) == "SMS"  # falls back to the English glossary
    assert t.value(Terms(("email", "sms"))) == "e-mail e SMS"
    assert t.value(Count(2_500_000)) == "2,5\u00a0Mln"  # CLDR's Italian compact form
    assert t.message(Message("greet", {"name": Term("email")})) == "Ciao e-mail"


def test_error_uses_its_english_default_when_no_string(t):
    error = UsageError("error.nowhere", "{where} is wrong", where="--x")
    assert t.error(error) == "--x is wrong"
    assert str(error) == "--x is wrong"


@pytest.mark.parametrize(("value", "expected"), [
    (7, "7"), (999, "999"), (50_000, "50K"), (1_500_000, "1.5M"), (200_000_000, "200M"),
    (1_000_000_000, "1B"), (18_000_000, "18M"), (1_234_567, "1.23M"), (1_004_000, "1.004M")])
def test_format_count(value, expected):
    assert format_count(value) == expected


@pytest.mark.parametrize("template", ["{x.__class__}", "{x[0]}", "{0}", "{}", "{x:{y.__doc__}}",
                                      "{x", "x}"])
def test_templates_that_reach_into_objects_or_are_broken_fall_back(template):
    t = Localizer("de", {"k": template}, {}, {"k": "safe {x}"}, {})
    assert t.text("k", x="v", y="w") == "safe v"


def test_format_specs_and_conversions_still_work():
    t = Localizer("en", {"k": "{x:>4}|{x!r}"}, {}, {}, {})
    assert t.text("k", x="v") == "   v|'v'"
