"""The arrow-key questions, driven as a person would: the real command in a pseudo-terminal,
keys typed one step at a time (arrow keys, space, typing, Ctrl-C, Ctrl-D), standard output
redirected to a file as in `recommend --format json > record.json`."""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import signal
import sys

import pytest

from journey_advisor.core.safe_text import inert
from journey_advisor.knowledge import catalog

pexpect = pytest.importorskip("pexpect")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")]

DOWN, SPACE, ENTER = "\x1b[B", " ", "\r"
# The questions in the order they are asked; a question added to rules.yaml keeps its default.
QUESTIONS = [question.id for question in catalog.rules().questions]
ENGLISH = catalog.localizer(["en"])


def spawn(args: list[str], tmp_path, term: str = "xterm-256color", stdout_file: str | None = None):
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "journey_advisor", *args])
    if stdout_file:
        command += " > " + shlex.quote(str(tmp_path / stdout_file))
    env = {**os.environ, "TERM": term, "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1",
           "LANG": "C.UTF-8", "LANGUAGE": ""}
    env.pop("COLUMNS", None)
    # Ctrl-C must reach the program as in a shell, even when the tests run with SIGINT ignored
    # (a background job): Python installs its handler only where SIGINT is not ignored.
    child = pexpect.spawn("bash", ["-c", command], env=env, encoding="utf-8",
                          dimensions=(40, 120), timeout=30,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    child.logfile_read = io.StringIO()  # everything shown, for the assertions at the end
    return child


def pointed_at(label: str) -> str:
    """The pointer on the line of `label`, whatever styles are drawn between them."""
    return r"» (?:\x1b\[[0-9;]*m)*" + re.escape(label)


def finish(child) -> tuple[int, str]:
    """(exit code, everything the terminal showed)."""
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, inert(child.logfile_read.getvalue()).replace("\r", "")


def test_arrow_keys_space_and_typing_then_the_record_goes_to_the_file(tmp_path):
    child = spawn(["recommend", "--format", "json"], tmp_path, stdout_file="record.json")
    keys = {"trigger": DOWN + ENTER,  # scheduled
            "channels": SPACE + DOWN + DOWN + SPACE + ENTER,  # email and push
            "profiles": "2M" + ENTER,
            "latency": "3" + ENTER,  # typed: the third option, hours
            "needs": SPACE + DOWN + DOWN + SPACE + ENTER,  # transactional and multi-entity
            "current": DOWN + ENTER}  # from its default (none) to Campaign v7
    for position, question in enumerate(QUESTIONS, start=1):
        child.expect(f"Question {position} of {len(QUESTIONS)}")
        child.expect(re.escape(ENGLISH.text(f"question.{question}")))
        if question == "deployment":
            child.send("on-p")  # typed: the pointer moves to on-premise
            child.expect("→ on-premise")
        child.send(keys.get(question, ENTER))  # Enter: the default, or skipped
    child.expect("Your answers")
    child.expect("Recommend with these answers")
    child.send(ENTER)
    code, output = finish(child)
    assert code == 0, output
    assert "The same run without questions, for a script:" in output
    assert ("journey-advisor recommend --trigger scheduled --channel email,push --deployment "
            "on-premise --data any --profiles 2000000 --latency hours --need "
            "transactional,multi-entity --current campaign-v7 --format json") in output
    data = json.loads((tmp_path / "record.json").read_text(encoding="utf-8"))
    assert data["answers"] == {"trigger": "scheduled", "channels": ["email", "push"],
                               "deployment": "on-premise", "data": "any", "profiles": 2_000_000,
                               "latency": "hours", "needs": ["transactional", "multi-entity"],
                               "current": "campaign-v7"}
    assert "Traceback" not in output


def test_optional_questions_no_constraint_no_needs_and_a_highlighted_default(tmp_path):
    child = spawn(["recommend", "-t", "triggered", "--deployment", "cloud", "--data", "any",
                   "--profiles", "1M", "--messages-per-hour", "10k"], tmp_path,
                  stdout_file="out.txt")
    child.expect("Question 1 of 4")
    child.send(SPACE + ENTER)  # email
    child.expect("Question 2 of 4")
    child.expect(re.escape(ENGLISH.text("question.latency")))
    child.expect(pointed_at("no constraint"))  # listed last, highlighted: the answer Enter gives
    child.send(ENTER)
    child.expect("Question 3 of 4")
    child.expect(re.escape(ENGLISH.text("question.needs_hint")))
    child.send(ENTER)  # nothing ticked: none is an answer
    child.expect("Question 4 of 4")
    child.expect(pointed_at("nothing yet"))  # the default of current, highlighted
    child.send(ENTER)
    child.expect("Your answers")
    child.expect("Recommend with these answers")
    child.send(ENTER)
    code, output = finish(child)
    assert code == 0, output
    assert "✔ " + ENGLISH.text("question.needs") + " none" in output
    summary = output[output.index("Your answers"):]
    assert re.search(r"to the message\?\s+no constraint", summary), summary
    assert re.search(r"must the solution do\?\s+none", summary), summary
    assert re.search(r"run today\?\s+nothing yet", summary), summary
    line = next(text for text in output.splitlines() if "journey-advisor recommend" in text)
    assert "--latency" not in line and "--need" not in line and "--current none" in line


def test_typed_names_with_a_misspelling_get_a_did_you_mean_and_the_others_stay(tmp_path):
    child = spawn(["recommend", "-t", "triggered", "--format", "json"], tmp_path,
                  stdout_file="out.json")
    child.expect("Which channels")
    child.send("sms,emial")
    child.expect("did you mean email")
    child.send(ENTER)  # an unknown word: nothing is submitted
    child.send(SPACE)  # ticks the suggestion the pointer moved to
    child.send(ENTER)
    child.expect(f"Question 2 of {len(QUESTIONS) - 1}")
    child.sendcontrol("c")
    code, output = finish(child)
    assert code == 130 and "Interrupted." in output
    assert "✔ Which channels are needed? email, SMS" in output


def test_ctrl_c_is_exit_130(tmp_path):
    child = spawn(["recommend"], tmp_path)
    child.expect("triggered or scheduled")
    child.sendcontrol("c")
    code, output = finish(child)
    assert code == 130 and "Interrupted." in output and "Traceback" not in output


def test_ctrl_d_is_exit_2_naming_the_flag(tmp_path):
    child = spawn(["recommend", "-t", "both"], tmp_path)
    child.expect("Which channels")
    child.sendcontrol("d")
    code, output = finish(child)
    assert code == 2 and "--channel" in output and "Traceback" not in output


def test_the_summary_can_change_an_answer(tmp_path):
    child = spawn(["recommend", "-t", "triggered", "--deployment", "cloud", "--data", "any",
                   "--profiles", "1M", "--format", "json"], tmp_path, stdout_file="out.json")
    open_questions = len(QUESTIONS) - 4
    child.expect(f"Question 1 of {open_questions}")
    child.send(SPACE + ENTER)  # email
    for position in range(2, open_questions + 1):
        child.expect(f"Question {position} of {open_questions}")
        child.send(ENTER)
    child.expect("Recommend with these answers")
    child.send(DOWN + ENTER)
    child.expect("Which answer do you want to change")
    child.send(DOWN + ENTER)  # the channels
    child.expect(f"Question 2 of {len(QUESTIONS)}")
    child.send(SPACE + DOWN + SPACE + ENTER)  # email off, SMS on
    child.expect("Recommend with these answers")
    child.send(ENTER)
    code, output = finish(child)
    assert code == 0, output
    assert json.loads((tmp_path / "out.json").read_text())["answers"]["channels"] == ["sms"]


def test_questions_follow_the_language(tmp_path):
    child = spawn(["recommend", "--lang", "ja"], tmp_path)
    child.expect(f"質問 1/{len(QUESTIONS)}")
    child.sendcontrol("c")
    code, _ = finish(child)
    assert code == 130


def test_a_dumb_terminal_gets_the_plain_prompts(tmp_path):
    child = spawn(["recommend", "-c", "email"], tmp_path, term="dumb")
    child.expect(f"Question 1 of {len(QUESTIONS) - 1}")
    child.expect(r"1\) triggered")
    child.expect("> ")
    child.send("2" + ENTER)
    child.expect(f"Question 2 of {len(QUESTIONS) - 1}")
    child.sendcontrol("c")
    code, _ = finish(child)
    assert code == 130


@pytest.mark.parametrize("locale", ["en", "de", "ja"])
@pytest.mark.parametrize("columns", [60, 100])
def test_the_summary_fits_the_terminal_answers_in_one_column(locale, columns):
    from prompt_toolkit.utils import get_cwidth

    from journey_advisor.cli.widgets import summary_lines

    t = catalog.localizer([locale])
    rows = [(t.text(f"question.{q}"), t.terms(list(catalog.rules().question(q).options)))
            for q in QUESTIONS]
    lines = ["".join(text for _, text in line) for line in summary_lines(rows, columns)]
    assert all(get_cwidth(line) < columns for line in lines), lines
    answers = {get_cwidth(line[:len(line) - len(line.lstrip(" "))]) if line.startswith("    ")
               else None for line in lines}
    assert len(answers - {None}) <= 1, lines  # continuation lines start at the answer column
