"""The command-line parser's own words in the user's language, laid out by display width.

Click writes its words in English: as gettext calls in click 8.1 (typer < 0.22), as plain
f-strings in the click that typer 0.29 vendors. Neither offers a hook common to both, so the
words are translated where they are written out, the same way for both: a help formatter for
"Usage", the section headings, the help of the built-in options and "[default: …]"; and one
function for the parser's errors, which matches each English message against the catalog below
and fills the `parser.*` string of the locale instead. A message not in the catalog stays as
click wrote it. The formatter also wraps help by display cells, at the boundaries the script
allows (core/linebreak.py), so Chinese and Japanese help fits the terminal.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Any, TextIO

from ..core.i18n import Localizer
from ..core.safe_text import inert

try:  # typer >= 0.22 vendors click; older releases use click itself
    from typer._click import Context, HelpFormatter
except ImportError:  # pragma: no cover - depends on the installed typer
    from click import Context, HelpFormatter

# Exact texts click and typer write in help output, by the key of their translation.
WORDS = {
    "Usage": "parser.usage",
    "Options": "parser.options",
    "Arguments": "parser.arguments",
    "Commands": "parser.commands",
    "Show this message and exit.": "parser.help",
    "Install completion for the current shell.": "parser.install_completion",
    "Show completion for the current shell, to copy it or customize the installation.":
        "parser.show_completion",
}
@lru_cache(maxsize=1)
def _patterns() -> tuple[Any, Any, Any, Any]:
    """(notes, note block, messages, first sentence): compiled on first use, not at every start."""
    # The bracketed notes after an option's help: "[default: table]", "[required]".
    notes = (
        (re.compile(r"default: (?P<default>.*)", re.S), "parser.default"),
        (re.compile(r"required"), "parser.required"),
        (re.compile(r"env var: (?P<var>.*)", re.S), "parser.env_var"),
    )
    note_block = re.compile(r"(?P<help>.*?)(?:\s*)\[(?P<notes>[^\[\]]*)\]", re.S)
    # The parser's errors (both click versions), by the key of their translation.
    messages = (
        (re.compile(r"No such option: (?P<name>\S+) Did you mean (?P<possibility>.+)\?", re.S),
         "parser.no_such_option"),
        (re.compile(r"No such option: (?P<name>\S+) \(Possible options: (?P<possibilities>.+)\)",
                    re.S), "parser.no_such_option"),
        (re.compile(r"No such option: (?P<name>.+)", re.S), "parser.no_such_option"),
        (re.compile(r"Missing argument (?P<name>.+?)\."), "parser.missing_argument"),
        (re.compile(r"Missing option (?P<name>.+?)\."), "parser.missing_option"),
        (re.compile(r"Missing command\."), "parser.missing_command"),
        (re.compile(r"No such command (?P<name>.+)\.", re.S), "parser.no_such_command"),
        (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)", re.S),
         "parser.extra_arguments"),
        (re.compile(r"Option (?P<name>.+) requires an argument\.", re.S), "parser.requires_value"),
        (re.compile(r"Option (?P<name>.+) does not take a value\.", re.S), "parser.takes_no_value"),
        (re.compile(r"Invalid value for (?P<name>.+?): (?P<message>.*)", re.S),
         "parser.invalid_value"),
    )
    sentence = re.compile(r"(.+?(?:[.!?](?=\s|$)|[。！？]))", re.S)
    return notes, note_block, messages, sentence


def message_keys() -> set[str]:
    return {key for _, key in _patterns()[2]}


def word(text: str, t: Localizer) -> str:
    """A word of click's help output in the user's language (the English text when unknown)."""
    key = WORDS.get(text)
    return t.text(key, text) if key else text


def help_text(text: str, t: Localizer) -> str:
    """An option's help with click's own parts translated: the built-in options' help and the
    bracketed notes ("[default: table]" -> "[Standard: table]")."""
    note_patterns, note_block, _, _ = _patterns()
    match = note_block.fullmatch(text)
    notes: list[str] = []
    if match:
        for part in match.group("notes").split("; "):
            for pattern, key in note_patterns:
                found = pattern.fullmatch(part)
                if found:
                    notes.append(t.text(key, part, **found.groupdict()))
                    break
            else:
                notes = []  # brackets of our own text: left alone
                break
    body = match.group("help").strip() if notes and match else text
    body = word(body, t)
    if not notes:
        return body
    joined = "[" + "; ".join(notes) + "]"
    return f"{body}  {joined}" if body else joined


def message(text: str, t: Localizer) -> str:
    """One of the parser's error messages in the user's language."""
    for pattern, key in _patterns()[2]:
        found = pattern.fullmatch(text.strip())
        if not found:
            continue
        values = {k: v for k, v in found.groupdict().items() if v is not None}
        if key == "parser.extra_arguments":
            count = len(values["args"].split())
            return t.plural(key, count, args=values["args"])
        possibility = values.pop("possibility", None)
        possibilities = values.pop("possibilities", None)
        sentence = t.text(key, text, **values)
        if possibility is not None:
            sentence += " " + t.text("parser.did_you_mean", possibility=possibility)
        elif possibilities is not None:
            names = possibilities.split(", ")
            sentence += " " + (t.text("parser.did_you_mean", possibility=names[0]) if len(names) == 1
                               else t.text("parser.possible_options",
                                           possibilities=t.text("list.separator").join(names)))
        return sentence
    return text


def first_sentence(text: str) -> str:
    """The first sentence of a command's help, whole (click cuts it with "..." to fit)."""
    found = _patterns()[3].match(text.strip())
    return found.group(1) if found else text.strip()


def localized_classes(group: type, command: type, t: Localizer) -> tuple[type, type]:
    """Subclasses of typer's group and command classes whose help, usage and errors speak the
    user's language and wrap by display width."""

    class LocalizedFormatter(HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            from ..core.linebreak import text_width, wrap

            if prefix is None:
                prefix = t.labelled(word("Usage", t), "")  # "Usage: ", "用法："
            lead = f"{'':>{self.current_indent}}{prefix}{prog} "
            room = self.width - self.current_indent
            if text_width(lead) + 20 <= room:
                lines = wrap(args, room - text_width(lead), hang=0) if args else [""]
                indent = " " * text_width(lead)
                self.write(lead + lines[0] + "\n")
                for line in lines[1:]:
                    self.write(indent + line + "\n")
            else:
                self.write(lead.rstrip() + "\n")
                indent = " " * (self.current_indent + 4)
                for line in wrap(args, max(room - 4, 10), hang=0):
                    self.write(indent + line + "\n")

        def write_heading(self, heading: str) -> None:
            self.write(f"{'':>{self.current_indent}}{t.heading(word(heading, t))}\n")

        def write_text(self, text: str) -> None:
            from ..core.linebreak import wrap

            indent = " " * self.current_indent
            room = max(self.width - self.current_indent, 11)
            paragraphs = re.split(r"\n\s*\n", text.strip("\n"))
            for index, paragraph in enumerate(paragraphs):
                if index:
                    self.write("\n")
                if paragraph.startswith("\b"):  # click's mark for a block kept as written
                    lines = paragraph[1:].strip("\n").splitlines()
                else:
                    lines = wrap(" ".join(line.strip() for line in paragraph.splitlines()), room,
                                 hang=0)
                for line in lines:
                    self.write(indent + line + "\n")

        def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
            from ..core.linebreak import text_width, wrap

            rows = [(first, help_text(second, t) if second else "") for first, second in rows]
            if not rows:
                return
            first_col = min(max(text_width(first) for first, _ in rows), col_max) + col_spacing
            indent = " " * self.current_indent
            room = max(self.width - first_col - self.current_indent, 10)
            for first, second in rows:
                # An option's list of values ("a|b|c", issue 15) breaks after a "|" if too long.
                whole = self.width - self.current_indent
                while text_width(first) > whole and "|" in first:
                    cut = max((i for i, c in enumerate(first) if c == "|"
                               and text_width(first[:i + 1]) <= whole), default=first.index("|"))
                    self.write(indent + first[:cut + 1] + "\n")
                    first = "    " + first[cut + 1:]
                self.write(indent + first)
                if not second:
                    self.write("\n")
                    continue
                if text_width(first) <= first_col - col_spacing:
                    self.write(" " * (first_col - text_width(first)))
                else:
                    self.write("\n" + " " * (first_col + self.current_indent))
                lines = wrap(second, room, hang=0)
                self.write(lines[0] + "\n")
                for line in lines[1:]:
                    self.write(" " * (first_col + self.current_indent) + line + "\n")

    class LocalizedContext(Context):
        formatter_class = LocalizedFormatter

    class LocalizedGroup(group):  # type: ignore[misc, valid-type]
        context_class = LocalizedContext

        def format_commands(self, ctx: Any, formatter: Any) -> None:
            rows = []
            for name in self.list_commands(ctx):
                sub = self.get_command(ctx, name)
                if sub is not None and not getattr(sub, "hidden", False):
                    rows.append((name, first_sentence(sub.short_help or sub.help or "")))
            if rows:
                with formatter.section("Commands"):
                    formatter.write_dl(rows)

    class LocalizedCommand(command):  # type: ignore[misc, valid-type]
        context_class = LocalizedContext

    return LocalizedGroup, LocalizedCommand


def show_parser_error(error: Any, t: Localizer, out: TextIO | None = None) -> None:
    """What click's `ClickException.show()` prints, in the user's language: the usage line,
    the hint to ask for help, then `Error: message`."""
    out = out or sys.stderr
    if type(error).__name__ == "NoArgsIsHelpError":  # its message is the (localized) help
        error.show()
        return
    lines = []
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(t.text("parser.try_help", command=ctx.command_path,
                                option=ctx.help_option_names[0]))
        lines.append("")
    lines.append(t.labelled(t.text("error.prefix", "Error"),
                            message(inert(error.format_message()), t)))
    out.write("\n".join(lines) + "\n")
    out.flush()
