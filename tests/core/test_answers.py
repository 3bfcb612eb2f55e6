import pytest

from journey_advisor.core.answers import build_answers, parse_choices, parse_count, suggest
from journey_advisor.errors import UsageError


@pytest.mark.parametrize(
    ("text", "expected"),
    [("200M", 200_000_000), ("1.5M", 1_500_000), ("1,5M", 1_500_000), ("50k", 50_000),
     ("50K", 50_000), ("1B", 1_000_000_000), ("200000000", 200_000_000),
     ("200,000,000", 200_000_000), ("200_000_000", 200_000_000), ("2 500 000", 2_500_000),
     (" 7 ", 7), (42, 42), (3.0, 3)],
)
def test_parse_count_accepts_the_usual_spellings(text, expected):
    assert parse_count(text, "--profiles") == expected


@pytest.mark.parametrize("text", ["-5", "0", "abc", "1.5", "5MM", "", "1.2.3M", "1,23,4", True, -3, 2.5])
def test_parse_count_rejects_non_positive_or_malformed(text):
    with pytest.raises(UsageError) as caught:
        parse_count(text, "--profiles")
    assert caught.value.key == "error.bad_count"
    assert "--profiles" in str(caught.value)


@pytest.mark.parametrize("text", ["10000000000000", "9999B", "10**13"])
def test_parse_count_rejects_absurd_numbers(text):
    with pytest.raises(UsageError):
        parse_count(text, "--messages-per-hour")


def test_channels_accept_commas_semicolons_repeats_and_case(rules):
    question = rules.question("channels")
    assert parse_choices(["Email,SMS", "push; in_app", "email"], question, "--channel") == (
        "email", "sms", "push", "in-app")


def test_unknown_channel_suggests_the_closest(rules):
    with pytest.raises(UsageError) as caught:
        parse_choices(["emial"], rules.question("channels"), "--channel")
    assert caught.value.params["suggestion"] == "email"
    assert "did you mean 'email'" in str(caught.value)


def test_unknown_value_without_a_close_option(rules):
    with pytest.raises(UsageError) as caught:
        parse_choices(["zzzzzz"], rules.question("channels"), "--channel")
    assert caught.value.key == "error.unknown_value"


def test_suggest():
    assert suggest("on-prem", ["cloud", "on-premise", "hybrid"]) == "on-premise"
    assert suggest("qqq", ["cloud"]) is None


def test_build_answers_fills_defaults(rules):
    built = build_answers({"trigger": "Triggered", "channels": "email"}, rules)
    assert (built.trigger, built.channels, built.deployment, built.data) == (
        "triggered", ("email",), "cloud", "any")
    assert built.profiles is None


def test_build_answers_requires_trigger_and_channels(rules):
    with pytest.raises(UsageError) as caught:
        build_answers({"channels": "email"}, rules)
    assert caught.value.params["where"] == "--trigger"
    with pytest.raises(UsageError) as caught:
        build_answers({"trigger": "both"}, rules, where="row 4: ")
    assert caught.value.params["where"] == "row 4: channels"


@pytest.mark.parametrize(("typed", "expected"), [
    ("1,5 Mio.", 1_500_000), ("2 Mrd.", 2_000_000_000), ("200\u00a0mln", 200_000_000),
    ("1,5\u00a0M", 1_500_000), ("50 mil", 50_000), ("2,5 mi", 2_500_000), ("1 md", 10**9),
    ("5000万", 50_000_000), ("5000萬", 50_000_000), ("2億", 200_000_000), ("2亿", 200_000_000),
    ("2억", 200_000_000), ("３００万", 3_000_000), ("1\u202f000\u202f000", 1_000_000)])
def test_counts_accept_the_locales_habits(typed, expected):
    assert parse_count(typed, "--profiles") == expected


def test_lists_accept_full_width_separators(rules):
    question = rules.question("channels")
    assert parse_choices("email，sms、push；in-app", question, "--channel") == (
        "email", "sms", "push", "in-app")
