"""The conversation (`ask_missing`) and the plain line prompts, driven by a scripted `ask`.
The arrow-key widgets are driven through a pseudo-terminal in test_widgets.py."""

from __future__ import annotations

import pytest

from journey_advisor.cli.prompts import (
    LinePrompter,
    Reading,
    ask_missing,
    can_show_widgets,
    resolve_option,
    suggest_option,
)
from journey_advisor.knowledge import catalog


def scripted(*lines, then=""):
    """An `ask` that answers `lines` in turn, then `then` (Enter) to whatever else is asked, or
    ends the input when `then` is None. Questions added to rules.yaml keep their defaults."""
    queue = list(lines)
    prompts = []

    def ask(prompt):
        prompts.append(prompt)
        if not queue:
            if then is None:
                raise EOFError
            return then
        return queue.pop(0)

    return ask, prompts


@pytest.fixture
def t():
    return catalog.localizer(["en"])


def converse(rules, t, raw, *lines, said=None, then=""):
    ask, prompts = scripted(*lines, then=then)
    prompter = LinePrompter(t, ask, said.append if said is not None else lambda _: None)
    return ask_missing(raw, rules, t, prompter), prompts


def test_asks_in_order_says_which_of_how_many_and_enter_keeps_defaults(rules, t):
    said = []
    total = len(rules.questions)
    assert total == 9
    answered, prompts = converse(rules, t, {}, "triggered", "email", said=said)
    assert answered == {"trigger": "triggered", "channels": ["email"], "deployment": "cloud",
                        "data": "any", "profiles": None, "messages_per_hour": None,
                        "latency": None, "needs": None, "current": "none"}
    assert len(prompts) == total + 1  # every question and the summary
    assert said[:3] == ["", f"Question 1 of {total}", "Are the journeys triggered or scheduled?"]
    assert f"Question 2 of {total}" in said and f"Question {total} of {total}" in said
    assert said.count("Enter skips.") == 2  # latency and needs: optional, without a default
    assert "Any number, or none: numbers, ids or names, separated by commas." in said
    assert "Enter keeps: nothing yet" in said  # current: its default
    summary = said.index("Your answers:")
    assert said[summary + 2] == "  2) Which channels are needed? email"
    shown = " ".join(said[summary:])
    assert "How many customer profiles? not given" in shown
    assert "to the message? no constraint" in shown
    assert "Which of these must the solution do? none" in shown
    assert "What does the client run today? nothing yet" in shown


def test_numbers_labels_and_several_channels(rules, t):
    answered, _ = converse(rules, t, {}, "2", "1, push notifications;in_app，8", "on-premise", "4",
                           "50M", "2k", "2", "multi-entity, 3", "campaign-v7")
    assert (answered["latency"], answered["needs"], answered["current"]) == (
        "minutes", ["multi-entity"], "campaign-v7")
    assert answered["trigger"] == "scheduled"
    assert answered["channels"] == ["email", "push", "in-app", "custom"]
    assert (answered["deployment"], answered["data"]) == ("on-premise", "any")
    assert (answered["profiles"], answered["messages_per_hour"]) == (50_000_000, 2_000)


def test_a_misspelt_item_keeps_the_others_and_enter_takes_the_correction(rules, t):
    said = []
    answered, _ = converse(rules, t, {"trigger": "both"}, "email, pusj, fax", "", said=said)
    assert answered["channels"] == ["email", "push"]
    assert "'pusj' is not one of the options; did you mean push notifications?" in said
    assert "fax is not one of the options; try again." in said
    assert "Enter keeps: email, push notifications" in said


def test_invalid_answers_are_asked_again(rules, t):
    said = []
    answered, _ = converse(rules, t, {}, "", "nope", "both", "zzz", "sms", "", "", "-3", said=said)
    assert answered["trigger"] == "both" and answered["channels"] == ["sms"]
    assert "An answer is needed." in said
    assert any("nope" in line for line in said) and any("zzz" in line for line in said)
    assert any("'-3' is not a positive whole number" in line for line in said)


def test_only_missing_questions_are_asked(rules, t):
    said = []
    answered, prompts = converse(rules, t, {"trigger": "triggered", "channels": ["web"]}, said=said)
    open_questions = len(rules.questions) - 2
    assert answered["channels"] == ["web"] and len(prompts) == open_questions + 1
    assert f"Question 1 of {open_questions}" in said


def test_the_summary_can_change_an_answer(rules, t):
    said = []
    open_questions = len(rules.questions) - 2
    answered, _ = converse(rules, t, {"trigger": "triggered", "channels": ["email"]},
                           *[""] * open_questions, "99", "2", "sms", said=said)
    assert answered["channels"] == ["sms"]
    assert "99 is not one of the options; try again." in said
    assert f"Question 2 of {len(rules.questions)}" in said  # asked again, in its place
    assert "Enter keeps: email" in said  # the current answer is the default


def test_end_of_input_names_the_open_question(rules, t):
    with pytest.raises(EOFError) as caught:
        converse(rules, t, {}, "triggered", then=None)
    assert caught.value.args == ("channels",)


def test_end_of_input_at_the_summary_keeps_the_answers(rules, t):
    open_questions = len(rules.questions) - 2
    answered, _ = converse(rules, t, {"trigger": "triggered", "channels": ["email"]},
                           *[""] * open_questions, then=None)
    assert answered["deployment"] == "cloud"


def test_localized_labels_are_accepted(rules):
    t = catalog.localizer(["it"])
    question = rules.question("channels")
    label = t.term("direct-mail")
    assert resolve_option(label.upper(), question, t) == "direct-mail"


def test_suggestions_come_from_ids_and_labels(rules):
    question = rules.question("channels")
    assert suggest_option("emial", question, catalog.localizer(["en"])) == "email"
    ja = catalog.localizer(["ja"])
    assert suggest_option(ja.term("direct-mail")[:-1], question, ja) == "direct-mail"
    assert suggest_option("qqqqqq", question, ja) is None


def test_a_reading_separates_known_and_unknown_items(rules, t):
    reading = Reading("email、smss、zzz", rules.question("channels"), t)
    assert reading.chosen == ["email"]
    assert reading.unknown == [("smss", "sms"), ("zzz", None)]
    assert reading.proposal() == ["email", "sms"]


@pytest.mark.parametrize(("term", "expected"), [("dumb", False), ("", False), ("xterm-256color", True)])
def test_widgets_only_where_the_terminal_can_show_them(term, expected, monkeypatch):
    monkeypatch.setattr("os.name", "posix")
    assert can_show_widgets({"TERM": term}) is expected


def test_collect_answers_counts_flags_and_prompted_answers_as_given(rules, t):
    """The decision record marks the others '(default)'; the command line repeats them all."""
    from journey_advisor.cli.commands.recommend import collect_answers, command_line
    from journey_advisor.cli.session import Session

    session = Session(["en"], t, None)
    ask, _ = scripted("email, sms", "", "", "", "", "hours", "offers, 3", "campaign-v8")
    prompter = LinePrompter(t, ask, lambda _: None)
    answers, answered, asked = collect_answers(session, {"trigger": "triggered"}, rules, True,
                                               prompter=prompter)
    assert asked and answers.latency == "hours" and answers.needs == ("offers", "multi-entity")
    assert answered == {"trigger", "channels", "deployment", "data", "latency", "needs", "current"}
    assert command_line(answers, rules, ("--format", "markdown")) == (
        "journey-advisor recommend --trigger triggered --channel email,sms --deployment cloud "
        "--data any --latency hours --need offers,multi-entity --current campaign-v8 "
        "--format markdown")
    answers, answered, asked = collect_answers(
        session, {"trigger": "both", "channels": ["web"], "needs": None, "current": "campaign-v7"},
        rules, False)
    assert not asked and answered == {"trigger", "channels", "current"}
    assert answers.needs == () and answers.latency is None and answers.deployment == "cloud"
def test_typed_habits_of_the_locale_and_no_question_mark_before_a_colon(rules):
    t = catalog.localizer(["ja"])
    said = []
    ask, _ = scripted("1", "メール、SMS，push", "", "", "5000万", "12x", "", "", "1、2", "")
    answered = ask_missing({}, rules, t, LinePrompter(t, ask, said.append))
    assert answered["channels"] == ["email", "sms", "push"] and answered["profiles"] == 50_000_000
    assert len(answered["needs"]) == 2  # main's --need question takes 「、」 too
    complaint = next(line for line in said if "12x" in line)
    assert complaint.startswith("--messages-per-hour: ") and "？:" not in complaint


def test_option_labels_do_not_repeat_the_id(rules):
    from journey_advisor.cli.prompts import option_label

    t = catalog.localizer(["en"])
    label = option_label(rules.question("deployment"), "cloud", t)
    assert label.count("cloud") == 1 and "hosted by Adobe" not in label.split(" — ")[1]
