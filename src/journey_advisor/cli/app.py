"""The commands and their options. Each option is declared once (the Annotated types below) and
used by every command that takes it; each command reads its options, calls its module in
`commands/`, and shows the Outcome. Built after the language is known, so help texts are in the
user's language too."""

# No `from __future__ import annotations`: typer reads the Annotated option types below at run time.
import os
import sys
from typing import Annotated, Any, Optional

import typer

from .. import __version__
from ..core.answers import unknown_value
from ..core.locale import SUPPORTED
from ..output.emit import BatchView, emit, emit_batch, print_data
from ..vocabulary import BLUEPRINT_IDS, FLAGS, FORMATS, QUESTION_IDS, QUESTION_OPTIONS, SHOW_FORMATS
from .commands import Outcome
from .parser_words import localized_classes
from .session import Session, as_path
from .typer_speed import fast_classes

# Set by the shell completion scripts typer installs for `journey-advisor`.
COMPLETE_VAR = "_JOURNEY_ADVISOR_COMPLETE"
# `pages check`: problem lines, or records for CI.
CHECK_FORMATS = ("table", "json", "yaml")
# Questions answered with a list (a repeatable flag, also comma-separated).
SEVERAL = ("channels", "needs")


def check_format(value: str, formats: "tuple[str, ...]" = FORMATS) -> str:
    key = value.strip().lower()
    if key in formats:
        return key
    raise unknown_value(value, formats, "--format")


def raw_answers(*values: Any) -> "dict[str, Any]":
    """The answer flags, keyed by question id, in PRODUCT.md's order."""
    return dict(zip(QUESTION_IDS, values))


def interactive(no_input: bool) -> bool:
    """Questions are asked when someone can answer them: standard input and standard error are
    terminals, whatever standard output is (`recommend --format markdown > record.md` asks)."""
    return (not no_input and sys.stdin is not None and sys.stderr is not None
            and sys.stdin.isatty() and sys.stderr.isatty())


def replay_flags(lang: "str | None", output_format: str, pages: "str | None",
                 rules_file: "str | None", explain: bool) -> "tuple[str, ...]":
    """The flags besides the answers that a repeated run needs, as typed."""
    flags: list[str] = []
    if lang:
        flags += ["--lang", lang]
    if output_format != "table":
        flags += ["--format", output_format]
    if pages:
        flags += ["--pages", pages]
    if rules_file:
        flags += ["--rules", rules_file]
    if explain:
        flags.append("--explain")
    return tuple(flags)


def show(outcome: Outcome, output_format: str) -> None:
    """Print an outcome: its notices on stderr, its view in `output_format` on stdout; then
    end with its exit code."""
    for notice in outcome.notices:
        sys.stderr.write(notice + "\n")
    if isinstance(outcome.view, BatchView):
        emit_batch(outcome.view, output_format)
    else:
        emit(outcome.view, output_format)
    if outcome.after:
        sys.stdout.flush()  # the view first, then the lines about it
        sys.stderr.write("\n".join(outcome.after) + "\n")
    code = outcome.code() if callable(outcome.code) else outcome.code
    if code:
        raise typer.Exit(code)


# The top-level help ends with these, under a localized heading.
EXAMPLES = (
    "journey-advisor recommend",
    "journey-advisor recommend --format markdown > record.md",
    "journey-advisor recommend -t triggered -c email,push --format json",
    "journey-advisor compare -c in-app --deployment hybrid",
    "journey-advisor show campaign-v8 --diagram",
    "journey-advisor pages check ./blueprints-learn.it-IT --format json",
)


def summary(text: str) -> str:
    """The first sentence of a help text, whole: the command list shows it, never cut."""
    for end in (". ", "。", "! ", "? "):
        if end in text:
            return text.split(end, 1)[0] + end.strip()
    return text


def epilog(exit_codes: str, heading: str) -> str:
    # \b keeps click from re-wrapping the examples into one paragraph.
    return exit_codes + "\n\n\b\n" + heading + "\n" + "\n".join("  " + e for e in EXAMPLES)


def build_app(session: Session) -> typer.Typer:
    t = session.t.text
    # The parser's own words ("Usage", "Options", its errors) in the user's language too.
    group, command = localized_classes(*fast_classes(), session.t)
    app = typer.Typer(help=t("app.help"), epilog=epilog(t("app.epilog"), t("app.examples")),
                      no_args_is_help=True,
                      pretty_exceptions_enable=False, rich_markup_mode=None, cls=group,
                      context_settings={"help_option_names": ["-h", "--help"]})

    def show_version(value: bool) -> None:
        if value:
            print_data(f"journey-advisor {__version__}")
            raise typer.Exit()

    # Typer inspects every completer when it builds the commands: only worth it when the shell
    # asks for completions (typer's entry point is this environment variable).
    completing = COMPLETE_VAR in os.environ

    def values(metavar_values: "tuple[str, ...]", describe: Any = None,
               several: bool = False) -> "dict[str, Any]":
        """An option with fixed values: `--help` lists them, completion offers them."""
        if not completing:
            return {"metavar": "|".join(metavar_values)}
        from .completion import values_completer

        return {"metavar": "|".join(metavar_values),
                "autocompletion": values_completer(metavar_values, describe, several)}

    Lang = Annotated[Optional[str], typer.Option("--lang", "-L", help=t("help.lang"),
                                                 **values(SUPPORTED))]

    @app.callback()
    def root(
        version: Annotated[bool, typer.Option("--version", help=t("help.version"),
                                              callback=show_version, is_eager=True)] = False,
        lang: Lang = None,
    ) -> None:
        # Read before parsing (session.peek_lang); accepted here too, so `journey-advisor
        # --help --lang fr` and `journey-advisor -L ja list` work as they read.
        session.check_lang()

    def answer(question_id: str, *decls: str) -> Any:
        """The option of a question with fixed options, declared from the vocabulary alone."""
        options = QUESTION_OPTIONS[question_id]
        flag = FLAGS.get(question_id, decls[0])  # --channel: help.channel
        return typer.Option(*decls, help=t("help." + flag.lstrip("-").replace("-", "_")),
                            **values(options, session.t.term, question_id in SEVERAL))

    Format = Annotated[str, typer.Option("--format", "-o", help=t("help.format"),
                                         **values(FORMATS))]
    CheckFormat = Annotated[str, typer.Option("--format", "-o", help=t("help.check_format"),
                                              **values(CHECK_FORMATS))]
    ShowFormat = Annotated[str, typer.Option("--format", "-o", help=t("help.format"),
                                             **values(SHOW_FORMATS))]
    # Paths arrive as the strings typed (see typer_speed); `as_path` makes them Paths.
    Pages = Annotated[Optional[str], typer.Option("--pages", help=t("help.pages"), metavar="DIR")]
    Rules = Annotated[Optional[str], typer.Option("--rules", help=t("help.rules"), metavar="FILE")]
    # Shown where it means something (recommend); accepted, hidden, by the other commands, so
    # scripts that pass it everywhere keep working.
    NoInput = Annotated[bool, typer.Option("--no-input", help=t("help.no_input"))]
    NoInputHidden = Annotated[bool, typer.Option("--no-input", hidden=True)]
    # The answer flags, shared by recommend and compare.
    Trigger = Annotated[Optional[str], answer("trigger", "--trigger", "-t")]
    Channel = Annotated[Optional[list[str]], answer("channels", "--channel", "-c")]
    Deployment = Annotated[Optional[str], answer("deployment", "--deployment")]
    Data = Annotated[Optional[str], answer("data", "--data")]
    Profiles = Annotated[Optional[str], typer.Option("--profiles", help=t("help.profiles"),
                                                     metavar="N")]
    MessagesPerHour = Annotated[Optional[str], typer.Option("--messages-per-hour", metavar="N",
                                                            help=t("help.messages_per_hour"))]
    Latency = Annotated[Optional[str], answer("latency", "--latency")]
    Need = Annotated[Optional[list[str]], answer("needs", "--need")]
    Current = Annotated[Optional[str], answer("current", "--current")]

    @app.command(help=t("help.recommend"), short_help=summary(t("help.recommend")), cls=command)
    def recommend(
        trigger: Trigger = None,
        channel: Channel = None,
        deployment: Deployment = None,
        data: Data = None,
        profiles: Profiles = None,
        messages_per_hour: MessagesPerHour = None,
        latency: Latency = None,
        need: Need = None,
        current: Current = None,
        lang: Lang = None,
        output_format: Format = "table",
        pages: Pages = None,
        rules_file: Rules = None,
        no_input: NoInput = False,
        explain: Annotated[bool, typer.Option("--explain", help=t("help.explain"))] = False,
        answers: Annotated[Optional[str], typer.Option("--answers", help=t("help.answers"),
                                                       metavar="FILE")] = None,
        delimiter: Annotated[Optional[str], typer.Option("--delimiter", help=t("help.delimiter"),
                                                         metavar="CHAR")] = None,
    ) -> None:
        session.check_lang()
        output_format = check_format(output_format)
        session.adopt_pages_locale(as_path(pages))
        if answers is not None:
            from .commands.batch import batch

            show(batch(session, answers, as_path(pages), as_path(rules_file), explain,
                       delimiter), output_format)
            return
        from .commands.recommend import recommend as run_recommend

        raw = raw_answers(trigger, channel, deployment, data, profiles, messages_per_hour,
                          latency, need, current)
        replay = replay_flags(lang=lang, output_format=output_format, pages=pages,
                              rules_file=rules_file, explain=explain)
        show(run_recommend(session, raw, as_path(pages), as_path(rules_file),
                           interactive(no_input), explain, no_input, replay), output_format)

    @app.command("list", help=t("help.list"), short_help=summary(t("help.list")), cls=command)
    def list_command(lang: Lang = None, output_format: Format = "table", pages: Pages = None,
                     no_input: NoInputHidden = False) -> None:
        from .commands.list_blueprints import list_blueprints

        session.check_lang()
        output_format = check_format(output_format)
        show(list_blueprints(session, as_path(pages)), output_format)

    @app.command("show", help=t("help.show"), short_help=summary(t("help.show")), cls=command)
    def show_command(
        blueprint: Annotated[str, typer.Argument(help=t("help.blueprint_id"), show_default=False,
                                                 **{**values(BLUEPRINT_IDS),
                                                    "metavar": "BLUEPRINT"})],
        lang: Lang = None,
        output_format: ShowFormat = "table",
        pages: Pages = None,
        no_input: NoInputHidden = False,
        diagram: Annotated[bool, typer.Option("--diagram", help=t("help.diagram"))] = False,
    ) -> None:
        from .commands.show import show as run_show

        session.check_lang()
        output_format = check_format(output_format, SHOW_FORMATS)
        show(run_show(session, blueprint, output_format, as_path(pages), diagram), output_format)

    @app.command(help=t("help.compare"), short_help=summary(t("help.compare")), cls=command)
    def compare(
        trigger: Trigger = None,
        channel: Channel = None,
        deployment: Deployment = None,
        data: Data = None,
        profiles: Profiles = None,
        messages_per_hour: MessagesPerHour = None,
        latency: Latency = None,
        need: Need = None,
        current: Current = None,
        lang: Lang = None,
        output_format: Format = "table",
        pages: Pages = None,
        rules_file: Rules = None,
        no_input: NoInputHidden = False,
    ) -> None:
        from .commands.compare import compare as run_compare

        session.check_lang()
        output_format = check_format(output_format)
        raw = raw_answers(trigger, channel, deployment, data, profiles, messages_per_hour,
                          latency, need, current)
        show(run_compare(session, raw, as_path(pages), as_path(rules_file)), output_format)

    @app.command(help=t("help.languages"), short_help=summary(t("help.languages")), cls=command,
                 epilog="journey-advisor languages --format json")
    def languages(lang: Lang = None, output_format: Format = "table",
                  no_input: NoInputHidden = False) -> None:
        from .commands.languages import languages as run_languages

        session.check_lang()
        output_format = check_format(output_format)
        show(run_languages(session), output_format)

    pages_app = typer.Typer(help=t("help.pages_group"), short_help=summary(t("help.pages_group")),
                            no_args_is_help=True, cls=group)
    app.add_typer(pages_app, name="pages")

    @pages_app.callback()
    def pages_root(lang: Lang = None) -> None:  # `pages --help --lang ja`, as at the top
        session.check_lang()

    @pages_app.command("check", help=t("help.pages_check"),
                       short_help=summary(t("help.pages_check")), cls=command)
    def pages_check(
        directory: Annotated[Optional[str], typer.Argument(help=t("help.pages_dir"), metavar="DIR",
                                                           show_default=False)] = None,
        lang: Lang = None,
        output_format: CheckFormat = "table",
    ) -> None:
        from .commands.pages_check import pages_check as run_pages_check

        session.check_lang()
        output_format = check_format(output_format, CHECK_FORMATS)
        show(run_pages_check(session, as_path(directory)),
             "text" if output_format == "table" else output_format)

    return app
