"""The arrow-key questions (PRODUCT.md section 10), drawn by questionary on prompt_toolkit.

Imported only when a question is actually asked on a terminal that can show them, so no other
run pays for loading them. Everything is drawn on standard error: `recommend --format markdown >
record.md` asks on the terminal and writes only the record to the file.

One choice is picked with the arrow keys (the default highlighted), several with a checkbox list
(space toggles). Typing works too, as in the plain prompts: a number, an id or the shown label
moves to that option as it is typed (in a checkbox list, a comma or Enter also ticks it); an
unknown word shows a "did you mean" under the list. Each answered question is replaced by one
line with its answer, in the user's language (questionary's own "done (3 selections)" is never
shown). Ctrl-C interrupts (exit 130), Ctrl-D ends the input (exit 2, naming the flag).
"""

from __future__ import annotations

import string
import sys
from typing import Any, Callable

import questionary
from prompt_toolkit import print_formatted_text
from prompt_toolkit.filters import Condition, IsDone, to_filter
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, Window
from prompt_toolkit.output import create_output
from prompt_toolkit.styles import Style
from prompt_toolkit.utils import get_cwidth

from ..core.answers import canonical
from ..core.i18n import Localizer
from ..models import Question
from .prompts import OPTION_HELP, count_or_error, resolve_option, shown_answer, suggest_option

STYLE = Style([
    ("qmark", "fg:ansicyan bold"),
    ("question", "bold"),
    ("answer", "fg:ansigreen bold"),
    ("pointer", "fg:ansicyan bold"),
    ("highlighted", "fg:ansicyan bold"),
    ("selected", "fg:ansigreen"),
    ("instruction", "fg:ansibrightblack"),
    ("hint", "fg:ansibrightblack"),
    ("position", "fg:ansibrightblack"),
    ("done", "fg:ansigreen bold"),
    ("problem", "fg:ansiyellow"),
])
# Typed characters bound one by one: the ASCII ones but the space (it ticks a checkbox) and
# line ends; any other character arrives through Keys.Any.
TYPED = [c for c in string.printable if c not in " \t\n\r\x0b\x0c"]
SEPARATORS = ",;，、；"
# The value of the "no constraint" choice of an optional question without a default (latency):
# questionary would take a None value for the title itself.
UNCONSTRAINED = ""


class WidgetPrompter:
    def __init__(self, t: Localizer) -> None:
        self.t = t
        self.output = create_output(stdout=sys.stderr)

    def say(self, tokens: list[tuple[str, str]]) -> None:
        print_formatted_text(FormattedText(tokens), style=STYLE, output=self.output)

    def ask(self, question: Question, position: int, total: int, current: Any) -> Any:
        t = self.t
        message = t.text(f"question.{question.id}")
        self.say([])
        self.say([("class:position", t.text("prompt.position", number=position, total=total))])
        if question.kind == "count":
            value = self._count(question, message, current)
        else:
            value = self._choose(question, message, current)
        self.say([("class:done", "✔ "), ("class:question", message + " "),
                  ("class:answer", shown_answer(question, value, t))])
        return value

    def review(self, rows: list[tuple[str, str]]) -> int | None:
        t = self.t
        self.say([])
        self.say([("class:question", t.text("prompt.summary"))])
        for line in summary_lines(rows, self.output.get_size().columns):
            self.say(line)
        self.say([])
        done = self._select(t.text("prompt.confirm"), [
            questionary.Choice(t.text("prompt.confirm_yes"), "yes"),
            questionary.Choice(t.text("prompt.confirm_change"), "change")], "yes")
        if done == "yes":
            return None
        # questionary shows its shortcut keys only beside plain-text titles: ours say them.
        choices = [questionary.Choice([("", f"{index + 1}) " if index < 9 else "   "),
                                       ("", question + " "), ("class:hint", answer)], index,
                                      shortcut_key=str(index + 1) if index < 9 else False)
                   for index, (question, answer) in enumerate(rows)]
        return self._select(t.text("prompt.which"), choices, 0)

    def _select(self, message: str, choices: list[Any], default: Any) -> Any:
        prompt = questionary.select(message, choices=choices, default=default, qmark="?",
                                    instruction=self.t.text("prompt.menu_keys"),
                                    use_shortcuts=True, use_jk_keys=False, style=STYLE,
                                    output=self.output, erase_when_done=True)
        _add_bindings(prompt.application, KeyBindings())
        return prompt.unsafe_ask()

    def _choose(self, question: Question, message: str, current: Any) -> Any:
        t = self.t
        several = question.kind == "choices"
        ticked = set(current or ()) if several else set()
        choices = [questionary.Choice(self._title(question, option), option,
                                      checked=option in ticked) for option in question.options]
        keys = t.text("prompt.checkbox_keys" if several else "prompt.select_keys")
        if several:
            required = question.required

            def validate(chosen: list[str]) -> bool | str:
                return bool(chosen) or not required or t.text("prompt.choose_one")

            prompt = questionary.checkbox(message, choices=choices, qmark="?", instruction=keys,
                                          validate=validate, use_jk_keys=False, style=STYLE,
                                          output=self.output, erase_when_done=True)
            if not required:  # "Any number, or none": an empty list is an answer too
                self.say([("class:hint", t.text(f"question.{question.id}_hint"))])
        else:
            if not question.required and question.default is None:  # listed last: numbers stay
                choices.append(questionary.Choice(t.text("prompt.no_constraint"), UNCONSTRAINED))
            default = current or question.default or (
                question.options[0] if question.required else UNCONSTRAINED)
            prompt = questionary.select(message, choices=choices, default=default, qmark="?",
                                        instruction=keys, use_jk_keys=False, style=STYLE,
                                        output=self.output, erase_when_done=True)
        TypeAhead(prompt.application, question, t, several).install()
        value = prompt.unsafe_ask()
        if several:
            return list(value)
        return None if value == UNCONSTRAINED else value

    def _title(self, question: Question, option: str) -> list[tuple[str, str]]:
        t = self.t
        term = t.term(option)
        title = [("", term)]
        if option.casefold() not in term.casefold():  # the id, for typing it
            # " (cloud)", or "（cloud）" in Chinese and Japanese: the locale's parentheses.
            title.append(("class:hint", t.annotated(term, option)[len(term):]))
        if question.id in OPTION_HELP:
            title.append(("class:hint", f" — {t.text('option.' + option)}"))
        return title

    def _count(self, question: Question, message: str, current: Any) -> int | None:
        t = self.t

        def validate(text: str) -> bool | str:
            return count_or_error(text, question, t)[1] or True

        prompt = questionary.text(message, default=str(current) if current else "", qmark="?",
                                  instruction=t.text("prompt.skip"), validate=validate,
                                  style=STYLE, output=self.output, erase_when_done=True)
        _add_bindings(prompt.application, KeyBindings())
        return count_or_error(prompt.unsafe_ask(), question, t)[0]


def summary_lines(rows: list[tuple[str, str]], columns: int) -> list[list[tuple[str, str]]]:
    """The questions and their answers side by side, the answers in one column: a question too
    long for the left half gets a line of its own, an answer too long folds under itself."""
    column = min(max(get_cwidth(question) for question, _ in rows), max(columns // 2, 20))
    indent = " " * (column + 4)
    room = max(columns - len(indent) - 1, 10)
    lines = []
    for question, answer in rows:
        if get_cwidth(question) > column:
            lines += [[("", "  "), ("class:hint", part)] for part in fold(question, columns - 3)]
            lead = [("", indent)]
        else:
            lead = [("", "  "), ("class:hint", question + " " * (column - get_cwidth(question) + 2))]
        folded = fold(answer, room)
        lines.append(lead + [("class:answer", folded[0])])
        lines += [[("", indent), ("class:answer", part)] for part in folded[1:]]
    return lines


def fold(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken where its script allows (between words,
    between Chinese or Japanese characters but never before 、 or 。), as everywhere else."""
    from ..core.linebreak import wrap

    return wrap(text, max(width, 1), hang=0, width_of=get_cwidth) or [""]


def _add_bindings(app: Any, bindings: KeyBindings) -> None:
    """Our keys over questionary's (the later bindings win), plus Ctrl-D as end of input
    (questionary's lists ignore it; a shell user expects it to end the input)."""
    @bindings.add(Keys.ControlD, eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=EOFError(), style="class:aborting")

    app.key_bindings = merge_key_bindings([app.key_bindings, bindings])


def _original(app: Any, key: Any) -> Callable[[Any], Any] | None:
    """questionary's own handler of `key`, to call after ours."""
    found = app.key_bindings.get_bindings_for_keys((key,)) if app.key_bindings else []
    return found[-1].handler if found else None


class TypeAhead:
    """Typing in a list: the pointer follows the number, id or label typed so far; an unknown
    word shows a "did you mean" line; in a checkbox list a separator or Enter ticks the match."""

    def __init__(self, app: Any, question: Question, t: Localizer, several: bool) -> None:
        self.app = app
        self.question = question
        self.t = t
        self.several = several
        self.typed = ""
        self.hint: list[tuple[str, str]] = []
        self.control = _inquirer_control(app)

    def install(self) -> None:
        app = self.app
        bindings = KeyBindings()
        if self.control is None or not isinstance(app.layout.container, HSplit):
            _add_bindings(app, bindings)  # an unexpected questionary: arrows and space only
            return
        enter, space = _original(app, Keys.ControlM), _original(app, " ")
        moves = {key: _original(app, key) for key in (Keys.Up, Keys.Down)}
        for character in TYPED:  # over questionary's own letters (`a` toggles all, ...)
            bindings.add(character, eager=True)(self._type)
        bindings.add(Keys.Any)(self._type)  # the rest: accented letters, kana, hanzi...
        bindings.add(Keys.Backspace, eager=True)(self._erase)
        bindings.add(Keys.ControlM, eager=True)(self._then(enter, commit=True))
        if space is not None:
            bindings.add(" ", eager=True)(self._then(space, commit=False))
        for key, handler in moves.items():
            if handler is not None:
                bindings.add(key, eager=True)(self._then(handler, commit=False))
        _add_bindings(app, bindings)
        children = app.layout.container.children
        for child in children:  # the list keeps its height, so the hint sits right below it
            window = getattr(child, "content", None)
            if isinstance(window, Window) and window.content is self.control:
                window.dont_extend_height = to_filter(True)
        children.insert(2, ConditionalContainer(
            Window(FormattedTextControl(lambda: self.hint), height=1),
            filter=Condition(lambda: bool(self.hint)) & ~IsDone()))

    def _type(self, event: Any) -> None:
        if not event.data.isprintable():
            return
        if self.several and event.data in SEPARATORS:
            self._commit()
        else:
            self.typed += event.data
        self._follow()

    def _erase(self, event: Any) -> None:
        self.typed = self.typed[:-1]
        self._follow()

    def _then(self, handler: Callable[[Any], Any] | None, commit: bool) -> Callable[[Any], None]:
        def run(event: Any) -> None:
            if commit and self.typed.strip():
                if self.several and not self._commit():
                    return  # an unknown word: stay, its "did you mean" is shown
                if not self.several and self._match() == (None, None):
                    return
            self.typed, self.hint = "", []
            if handler is not None:
                handler(event)
        return run

    def _match(self) -> tuple[str | None, str | None]:
        """(the option the typed text names, a suggestion when it names none)."""
        text = self.typed.strip()
        option = resolve_option(text, self.question, self.t)
        if option is None:
            folded, key = text.casefold(), canonical(text)
            for starts in (True, False):
                for candidate in self.question.options:
                    names = (candidate, self.t.term(candidate).casefold())
                    if any(n.startswith((key, folded)) if starts else (key in n or folded in n)
                           for n in names):
                        return candidate, None
            return None, suggest_option(text, self.question, self.t)
        return option, None

    def _follow(self) -> None:
        text = self.typed.strip()
        if not text:
            self.hint = []
            return
        option, guess = self._match()
        target = option or guess
        if target is not None:
            self._point_at(target)
        if option is not None:
            self.hint = [("class:hint", f"› {text}  → {self.t.term(option)}")]
        elif guess is not None:
            self.hint = [("class:problem", "› " + self.t.text(
                "prompt.did_you_mean", value=text, suggestion=self.t.term(guess)))]
        else:
            self.hint = [("class:problem", "› " + self.t.text("prompt.invalid", value=text))]

    def _commit(self) -> bool:
        """Tick the option typed so far (checkbox lists); False when the text names none."""
        if not self.typed.strip():
            return True
        option, _ = self._match()
        if option is None:
            return False
        selected = self.control.selected_options
        if option not in selected:
            selected.append(option)
        self._point_at(option)
        self.typed, self.hint = "", []
        return True

    def _point_at(self, option: str) -> None:
        for index, choice in enumerate(self.control.choices):
            if getattr(choice, "value", None) == option:
                self.control.pointed_at = index


def _inquirer_control(app: Any) -> Any:
    from questionary.prompts.common import InquirerControl

    for control in app.layout.find_all_controls():
        if isinstance(control, InquirerControl):
            needed = ("choices", "pointed_at", "selected_options")
            return control if all(hasattr(control, name) for name in needed) else None
    return None
