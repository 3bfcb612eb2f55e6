"""Asks for the answers the user has not given (PRODUCT.md section 10).

`ask_missing` runs the conversation: every open question in rules order, each saying which of
how many it is, then a summary of the answers to confirm or to change one. A prompter asks one
thing at a time: the arrow-key widgets of `widgets.py` on a terminal that can show them, else
`LinePrompter` here, which writes to stderr and reads lines (TERM=dumb, or no widget library).

Typed answers work in both: option ids, their numbers in the list, or the shown (localized)
labels; a misspelt item gets a "did you mean" and the others are kept, never thrown away.
"""

from __future__ import annotations

import difflib
import os
import sys
from typing import Any, Callable, Protocol

from ..core.answers import LIST_SEPARATORS, canonical, is_blank, parse_count
from ..core.i18n import Localizer
from ..errors import UsageError
from ..models import Question, RuleSet
from ..vocabulary import FLAGS

Ask = Callable[[str], str]
Say = Callable[[str], None]
# The data options are self-explaining terms; their help would only repeat them.
OPTION_HELP = ("trigger", "deployment")
# Items of a typed list: commas (full-width and ideographic too), semicolons.


class Prompter(Protocol):
    def ask(self, question: Question, position: int, total: int, current: Any) -> Any: ...

    def review(self, rows: list[tuple[str, str]]) -> int | None: ...


def ask_missing(raw: dict[str, Any], rules: RuleSet, t: Localizer,
                prompter: Prompter) -> dict[str, Any]:
    """Fill every unanswered question of `raw` in rules order, then confirm the answers.

    EOFError(question id) when input ends at a question; KeyboardInterrupt passes through.
    """
    answered = dict(raw)
    open_questions = [q for q in rules.questions if is_blank(answered.get(q.id))]
    for position, question in enumerate(open_questions, start=1):
        answered[question.id] = _asked(prompter, question, position, len(open_questions), None)
    while True:
        rows = [(t.text(f"question.{q.id}"), shown_answer(q, answered.get(q.id), t))
                for q in rules.questions]
        change = _asked_review(prompter, rows)
        if change is None:
            return answered
        question = rules.questions[change]
        answered[question.id] = _asked(prompter, question, change + 1, len(rules.questions),
                                       answered.get(question.id))


def _asked(prompter: Prompter, question: Question, position: int, total: int, current: Any) -> Any:
    try:
        return prompter.ask(question, position, total, current)
    except EOFError:
        raise EOFError(question.id) from None  # say which question was left open


def _asked_review(prompter: Prompter, rows: list[tuple[str, str]]) -> int | None:
    try:
        return prompter.review(rows)
    except EOFError:  # input ended at the summary: the answers stand as they are
        return None


def shown_answer(question: Question, value: Any, t: Localizer) -> str:
    """An answer as the summary shows it, in the user's language: an optional question left
    open is "no constraint" (one choice) or "none" (a list)."""
    if is_blank(value):
        if question.default is not None:
            return t.term(question.default)
        if question.kind == "choice" and not question.required:
            return t.text("prompt.no_constraint")
        if question.kind == "choices" and not question.required:
            return t.text("label.none")
        return t.text("prompt.not_given")
    if question.kind == "count":
        return t.count(value) if isinstance(value, int) else str(value)
    if isinstance(value, (list, tuple)):
        return t.terms(list(value))
    return t.term(str(value))


def option_label(question: Question, option: str, t: Localizer) -> str:
    term = t.term(option)
    # The id only where the term does not already show it: "cloud (Adobe-hosted)", not
    # "cloud (Adobe-hosted) (cloud)".
    label = term if option.casefold() in term.casefold() else t.text(
        "list.choice", "{id} ({label})", id=term, label=option)
    if question.id in OPTION_HELP:
        label += f" — {t.text('option.' + option)}"
    return label


def resolve_option(text: str, question: Question, t: Localizer) -> str | None:
    """The option id meant by `text`: its number, its id, or its shown label, any case."""
    value = text.strip()
    if value.isdigit() and 1 <= int(value) <= len(question.options):
        return question.options[int(value) - 1]
    key = canonical(value)
    if key in question.options:
        return key
    folded = value.casefold()
    for option in question.options:
        if folded in (t.term(option).casefold(), t.text("option." + option).casefold()):
            return option
    return None


def suggest_option(text: str, question: Question, t: Localizer) -> str | None:
    """The option a misspelt `text` most likely means, by its id or its shown label."""
    names: dict[str, str] = {}
    for option in question.options:
        names.setdefault(option, option)
        names.setdefault(t.term(option).casefold(), option)
    close = difflib.get_close_matches(canonical(text), list(names), n=1, cutoff=0.5) or \
        difflib.get_close_matches(text.strip().casefold(), list(names), n=1, cutoff=0.5)
    return names[close[0]] if close else None


def split_items(text: str) -> list[str]:
    return [part.strip() for part in LIST_SEPARATORS.split(text) if part.strip()]


class Reading:
    """What typed text means for one question: the options recognised, and for each item not
    recognised its text and the likely option (or None)."""

    def __init__(self, text: str, question: Question, t: Localizer) -> None:
        items = split_items(text) if question.kind == "choices" else [text.strip()]
        self.chosen: list[str] = []
        self.unknown: list[tuple[str, str | None]] = []
        for item in items:
            option = resolve_option(item, question, t)
            if option is None:
                self.unknown.append((item, suggest_option(item, question, t)))
            elif option not in self.chosen:
                self.chosen.append(option)

    def proposal(self) -> list[str]:
        """The recognised options with the suggestions in place of the misspelt ones."""
        return list(dict.fromkeys(self.chosen + [s for _, s in self.unknown if s]))

    def complaints(self, t: Localizer) -> list[str]:
        return [t.text("prompt.did_you_mean", value=item, suggestion=t.term(guess)) if guess
                else t.text("prompt.invalid", value=item) for item, guess in self.unknown]


def count_or_error(text: str, question: Question, t: Localizer) -> tuple[int | None, str | None]:
    """(the count typed, None) or (None, the localized problem); blank text is no count."""
    if not text.strip():
        return None, None
    try:
        # Named by its flag: the question text ends in "?", and "?:" reads badly.
        return parse_count(text, FLAGS.get(question.id, question.id)), None
    except UsageError as error:
        return None, t.error(error)


def terminal_ask(prompt: str) -> str:
    """Prompt on stderr (stdout is for data) and read one line; EOFError at end of input."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    return input()


def terminal_say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


class LinePrompter:
    """Plain numbered questions read a line at a time: for terminals that cannot show more."""

    def __init__(self, t: Localizer, ask: Ask = terminal_ask, say: Say = terminal_say) -> None:
        self.t = t
        self._ask = ask
        self._say = say

    def ask(self, question: Question, position: int, total: int, current: Any) -> Any:
        t, say = self.t, self._say
        say("")
        say(t.text("prompt.position", number=position, total=total))
        say(t.text(f"question.{question.id}"))
        if question.kind in ("choice", "choices"):
            for number, option in enumerate(question.options, start=1):
                say(f"  {number}) {option_label(question, option, t)}")
            if question.kind == "choices":
                say(t.text(f"question.{question.id}_hint"))
        keep = current if not is_blank(current) else question.default
        if keep is not None:
            say(t.text("prompt.default", default=shown_answer(question, keep, t)))
        elif question.kind == "count":
            say(t.text("prompt.skip"))
        elif not question.required:
            say(t.text("prompt.optional"))
        while True:
            text = self._ask("> ").strip()
            if not text:
                if keep is not None or not question.required:
                    return list(keep) if isinstance(keep, (list, tuple)) else keep
                say(t.text("prompt.required"))
                continue
            if question.kind == "count":
                number, problem = count_or_error(text, question, t)
                if problem is None:
                    return number
                say(problem)
                continue
            reading = Reading(text, question, t)
            if not reading.unknown:
                return reading.chosen[0] if question.kind == "choice" else reading.chosen
            for line in reading.complaints(t):
                say(line)
            proposal = reading.proposal()
            if proposal:  # Enter takes the corrected answer; the valid items are not lost
                keep = proposal[0] if question.kind == "choice" else proposal
                say(t.text("prompt.default", default=shown_answer(question, keep, t)))

    def review(self, rows: list[tuple[str, str]]) -> int | None:
        t, say = self.t, self._say
        say("")
        say(t.text("prompt.summary"))
        for number, (question, answer) in enumerate(rows, start=1):
            say(f"  {number}) {question} {answer}")
        say(t.text("prompt.confirm_lines"))
        while True:
            text = self._ask("> ").strip()
            if not text:
                return None
            if text.isdigit() and 1 <= int(text) <= len(rows):
                return int(text) - 1
            say(t.text("prompt.invalid", value=text))


def can_show_widgets(env: Any = None) -> bool:
    """True when the terminal can show the arrow-key widgets: a known TERM (not `dumb`) and
    the widget library installed."""
    env = os.environ if env is None else env
    term = env.get("TERM", "")
    if os.name != "nt" and term in ("", "dumb", "unknown"):
        return False
    import importlib.util

    return importlib.util.find_spec("questionary") is not None
