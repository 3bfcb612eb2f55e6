"""The interactive questions, driven by a fake `ask`."""

from __future__ import annotations

import pytest

from journey_advisor.cli.prompts import ask_missing, resolve_option
from journey_advisor.knowledge import catalog


def scripted(*lines):
    queue = list(lines)
    prompts = []

    def ask(prompt):
        prompts.append(prompt)
        if not queue:
            raise EOFError
        return queue.pop(0)

    return ask, prompts


@pytest.fixture
def t():
    return catalog.localizer(["en"])


def test_asks_in_order_and_enter_keeps_defaults(rules, t):
    said = []
    ask, prompts = scripted("triggered", "email", "", "", "", "", "", "", "")
    answered = ask_missing({}, rules, t, ask, said.append)
    assert answered == {"trigger": "triggered", "channels": ["email"], "deployment": "cloud",
                        "data": "any", "profiles": None, "messages_per_hour": None,
                        "latency": None, "needs": None, "current": "none"}
    assert len(prompts) == 9
    assert said[1] == "Are the journeys triggered or scheduled?"


def test_numbers_labels_and_several_channels(rules, t):
    ask, _ = scripted("2", "1, push notifications;in_app, 8", "on-premise", "4", "50M", "2k",
                      "2", "multi-entity, 3", "campaign-v7")
    answered = ask_missing({}, rules, t, ask, lambda _: None)
    assert (answered["latency"], answered["needs"], answered["current"]) == (
        "minutes", ["multi-entity"], "campaign-v7")
    assert answered["trigger"] == "scheduled"
    assert answered["channels"] == ["email", "push", "in-app", "custom"]
    assert (answered["deployment"], answered["data"]) == ("on-premise", "any")
    assert (answered["profiles"], answered["messages_per_hour"]) == (50_000_000, 2_000)


def test_invalid_answers_are_asked_again(rules, t):
    said = []
    ask, prompts = scripted("", "nope", "both", "fax", "sms", "", "", "-3", "", "", "", "", "")
    answered = ask_missing({}, rules, t, ask, said.append)
    assert answered["trigger"] == "both" and answered["channels"] == ["sms"]
    assert "An answer is needed." in said
    assert any("nope" in line for line in said) and any("fax" in line for line in said)
    assert any("'-3' is not a positive whole number" in line for line in said)


def test_only_missing_questions_are_asked(rules, t):
    ask, prompts = scripted("", "", "", "", "", "", "")
    answered = ask_missing({"trigger": "triggered", "channels": ["web"]}, rules, t, ask, lambda _: None)
    assert answered["channels"] == ["web"] and len(prompts) == 7


def test_end_of_input_names_the_open_question(rules, t):
    ask, _ = scripted("triggered")
    with pytest.raises(EOFError) as caught:
        ask_missing({}, rules, t, ask, lambda _: None)
    assert caught.value.args == ("channels",)


def test_localized_labels_are_accepted(rules):
    t = catalog.localizer(["it"])
    question = rules.question("channels")
    label = t.term("direct-mail")
    assert resolve_option(label.upper(), question, t) == "direct-mail"


def test_typed_habits_of_the_locale_and_no_question_mark_before_a_colon(rules):
    t = catalog.localizer(["ja"])
    said = []
    ask, _ = scripted("1", "メール、SMS，push", "", "", "5000万", "12x", "", "", "1、2", "")
    answered = ask_missing({}, rules, t, ask, said.append)
    assert answered["channels"] == ["email", "sms", "push"] and answered["profiles"] == 50_000_000
    assert len(answered["needs"]) == 2  # main's --need question takes 「、」 too
    complaint = next(line for line in said if "12x" in line)
    assert complaint.startswith("--messages-per-hour: ") and "？:" not in complaint


def test_option_labels_do_not_repeat_the_id(rules):
    from journey_advisor.cli.prompts import option_label

    t = catalog.localizer(["en"])
    label = option_label(rules.question("deployment"), "cloud", t)
    assert label.count("cloud") == 1 and "hosted by Adobe" not in label.split(" — ")[1]
