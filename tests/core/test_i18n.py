import pytest

from journey_advisor.core.i18n import Localizer, format_count, format_date, format_number, plural_category
from journey_advisor.errors import UsageError
from journey_advisor.models import Choices, Count, Date, Message, Number, Term, Terms


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


# CLDR through Babel, two locales of each script (Korean is the one Hangul locale).
@pytest.mark.parametrize(("locale", "value", "expected"), [
    ("de", 200_000_000, "200\u00a0Mio."), ("de", 50_000, "50.000"), ("fr", 1_000_000_000, "1\u00a0Md"),
    ("fr", 2_500_000, "2,5\u00a0M"), ("ja", 200_000_000, "2億"), ("ja", 2_500_000, "250万"),
    ("zh-Hans", 200_000_000, "2亿"), ("zh-Hant", 50_000_000, "5000萬"), ("ko", 200_000_000, "2억"),
    ("sv", 1_000_000_000, "1\u00a0md"), ("pt-BR", 18_000_000, "18\u00a0mi")])
def test_compact_counts_follow_cldr(locale, value, expected):
    assert format_count(value, locale) == expected


@pytest.mark.parametrize(("locale", "expected"), [
    ("de", "25. August 2025"), ("fr", "25 août 2025"), ("ja", "2025年8月25日"),
    ("zh-Hant", "2025年8月25日"), ("ko", "2025년 8월 25일"), ("pt-BR", "25 de agosto de 2025")])
def test_dates_in_sentences_follow_cldr(locale, expected):
    assert format_date("2025-08-25", locale) == expected
    assert format_date("not a date", locale) == "not a date"


@pytest.mark.parametrize(("locale", "expected"), [
    ("de", "1.000.000.000.000"), ("fr", "1\u202f000\u202f000\u202f000\u202f000"),
    ("ja", "1,000,000,000,000"), ("zh-Hans", "1,000,000,000,000")])
def test_grouped_numbers_follow_cldr(locale, expected):
    assert format_number(10**12, locale) == expected


def test_plural_forms_follow_cldr():
    strings = {"n.one": "{count} text", "n.other": "{count} texts"}
    english = Localizer("en", strings, {}, strings, {})
    assert english.plural("n", 1) == "1 text" and english.plural("n", 2) == "2 texts"
    french = Localizer("fr", {"n.one": "{count} texte", "n.other": "{count} textes"}, {}, strings, {})
    assert french.plural("n", 0) == "0 texte"  # French counts 0 as singular
    assert french.plural("n", 1_000) == "1\u202f000 textes"
    japanese = Localizer("ja", {"n.one": "{count} 件", "n.other": "{count} 件"}, {}, strings, {})
    assert plural_category(1, "ja") == "other" and japanese.plural("n", 1) == "1 件"


def test_a_value_ending_in_a_full_stop_does_not_double_it():
    german = Localizer("de", {"k": "über dem Grenzwert von {limit}."}, {}, {}, {})
    assert german.text("k", limit=Count(100_000_000)) == "über dem Grenzwert von 100\u00a0Mio."


def test_choices_give_the_ids_with_the_terms_beside_them():
    t = Localizer("ja", {"list.separator": "、", "list.choice": "{id}（{label}）"},
                  {"triggered": "トリガー型", "sms": "SMS"}, {}, {})
    assert t.value(Choices(("triggered", "sms", "json"))) == "triggered（トリガー型）、sms、json"


def test_dates_and_numbers_as_message_parameters():
    t = Localizer("de", {"k": "seit {since}, höchstens {limit}"}, {}, {}, {})
    assert t.text("k", since=Date("2025-08-25"), limit=Number(10**12)) == \
        "seit 25. August 2025, höchstens 1.000.000.000.000"


def test_a_note_in_its_own_parentheses_sits_beside_the_text():
    t = Localizer("ja", {"list.parenthesized": "（{text}）"}, {}, {}, {})
    assert t.beside("はい", "（トリガー型のみ）") == "はい（トリガー型のみ）"
    assert t.beside("yes", "(only triggered)") == "yes (only triggered)"
    assert t.beside("yes", "") == "yes"  # no note, no space
    assert t.annotated("Campaign v7", "非推奨") == "Campaign v7（非推奨）"
