"""Asks for the answers the user has not given, through an `ask` callable.

The default `ask` writes the prompt to stderr and reads a line from stdin; tests pass a fake.
Typed answers may be option ids, their numbers in the list, or the shown (localized) labels.
"""

from __future__ import annotations

import sys
from typing import Any, Callable

from ..core.answers import LIST_SEPARATORS, canonical, is_blank, parse_count
from ..core.i18n import Localizer
from ..errors import UsageError
from ..models import Question, RuleSet
from ..vocabulary import FLAGS

Ask = Callable[[str], str]
Say = Callable[[str], None]
# The data options are self-explaining terms; their help would only repeat them.
OPTION_HELP = ("trigger", "deployment")


def terminal_ask(prompt: str) -> str:
    """Prompt on stderr (stdout is for data) and read one line; EOFError at end of input."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    return input()


def terminal_say(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def ask_missing(raw: dict[str, Any], rules: RuleSet, t: Localizer, ask: Ask = terminal_ask,
                say: Say = terminal_say) -> dict[str, Any]:
    """Fill every unanswered question of `raw` in rules order; Enter keeps a default."""
    answered = dict(raw)
    for question in rules.questions:
        if is_blank(answered.get(question.id)):
            try:
                answered[question.id] = ask_one(question, t, ask, say)
            except EOFError:
                raise EOFError(question.id) from None  # say which question was left open
    return answered


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


def ask_one(question: Question, t: Localizer, ask: Ask, say: Say) -> Any:
    say("")
    say(t.text(f"question.{question.id}"))
    if question.kind in ("choice", "choices"):
        for number, option in enumerate(question.options, start=1):
            say(f"  {number}) {option_label(question, option, t)}")
        if question.kind == "choices":
            say(t.text(f"question.{question.id}_hint"))
    if question.default is not None:
        say(t.text("prompt.default", default=t.term(question.default)))
    elif question.kind == "count":
        say(t.text("prompt.skip"))
    elif not question.required:
        say(t.text("prompt.optional"))
    while True:
        text = ask("> ").strip()
        if not text:
            if question.default is not None:
                return question.default
            if not question.required:
                return None
            say(t.text("prompt.required"))
            continue
        if question.kind == "count":
            try:
                # Named by its flag: the question text ends in "?", and "?:" reads badly.
                return parse_count(text, FLAGS.get(question.id, question.id))
            except UsageError as error:
                say(t.error(error))
                continue
        parts = [p for p in LIST_SEPARATORS.split(text) if p.strip()]
        if question.kind == "choice" and len(parts) != 1:
            parts = [text]
        chosen = [resolve_option(part, question, t) for part in parts]
        unknown = [part.strip() for part, option in zip(parts, chosen) if option is None]
        if unknown:
            say(t.text("prompt.invalid", value=t.text("list.separator", ", ").join(unknown)))
            continue
        if question.kind == "choice":
            return chosen[0]
        return list(dict.fromkeys(chosen))
