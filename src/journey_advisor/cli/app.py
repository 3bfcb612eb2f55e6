"""The commands and their options. Each option is declared once (the Annotated types below) and
used by every command that takes it; each command reads its options, calls its module in
`commands/`, and shows the Outcome. Built after the language is known, so help texts are in the
user's language too."""

# No `from __future__ import annotations`: typer reads the Annotated option types below at run time.
import sys
from typing import Annotated, Any, Optional

import typer

from .. import __version__
from ..core.answers import unknown_value
from ..output.emit import BatchView, emit, emit_batch, print_data
from ..vocabulary import FORMATS, QUESTION_IDS, SHOW_FORMATS
from .commands import Outcome
from .parser_words import localized_classes
from .session import Session, as_path
from .typer_speed import fast_classes


def check_format(value: str, formats: "tuple[str, ...]" = FORMATS) -> str:
    key = value.strip().lower()
    if key in formats:
        return key
    raise unknown_value(value, formats, "--format")


def raw_answers(*values: Any) -> "dict[str, Any]":
    """The answer flags, keyed by question id, in PRODUCT.md's order."""
    return dict(zip(QUESTION_IDS, values))


def interactive(no_input: bool) -> bool:
    """Questions are asked only when someone can answer them."""
    return (not no_input and sys.stdin is not None and sys.stdout is not None
            and sys.stdin.isatty() and sys.stdout.isatty())


def show(outcome: Outcome, output_format: str) -> None:
    """Print an outcome: its notices on stderr, its view in `output_format` on stdout; then
    end with its exit code."""
    for notice in outcome.notices:
        sys.stderr.write(notice + "\n")
    if isinstance(outcome.view, BatchView):
        emit_batch(outcome.view, output_format)
    else:
        emit(outcome.view, output_format)
    code = outcome.code() if callable(outcome.code) else outcome.code
    if code:
        raise typer.Exit(code)


def build_app(session: Session) -> typer.Typer:
    t = session.t.text
    # The parser's own words ("Usage", "Options", its errors) in the user's language too.
    group, command = localized_classes(*fast_classes(), session.t)
    app = typer.Typer(help=t("app.help"), epilog=t("app.epilog"), no_args_is_help=True,
                      pretty_exceptions_enable=False, rich_markup_mode=None, cls=group,
                      context_settings={"help_option_names": ["-h", "--help"]})

    def show_version(value: bool) -> None:
        if value:
            print_data(f"journey-advisor {__version__}")
            raise typer.Exit()

    Lang = Annotated[Optional[str], typer.Option("--lang", "-L", help=t("help.lang"))]

    @app.callback()
    def root(
        version: Annotated[bool, typer.Option("--version", help=t("help.version"),
                                              callback=show_version, is_eager=True)] = False,
        lang: Lang = None,
    ) -> None:
        # Read before parsing (session.peek_lang); accepted here too, so `journey-advisor
        # --help --lang fr` and `journey-advisor -L ja list` work as they read.
        session.check_lang()
    Format = Annotated[str, typer.Option("--format", "-o", help=t("help.format"))]
    # Paths arrive as the strings typed (see typer_speed); `as_path` makes them Paths.
    Pages = Annotated[Optional[str], typer.Option("--pages", help=t("help.pages"))]
    Rules = Annotated[Optional[str], typer.Option("--rules", help=t("help.rules"))]
    # Accepted by every command so scripts can pass it everywhere; only recommend ever asks.
    NoInput = Annotated[bool, typer.Option("--no-input", help=t("help.no_input"))]
    # The answer flags, shared by recommend and compare.
    Trigger = Annotated[Optional[str], typer.Option("--trigger", "-t", help=t("help.trigger"))]
    Channel = Annotated[Optional[list[str]], typer.Option("--channel", "-c", help=t("help.channel"))]
    Deployment = Annotated[Optional[str], typer.Option("--deployment", help=t("help.deployment"))]
    Data = Annotated[Optional[str], typer.Option("--data", help=t("help.data"))]
    Profiles = Annotated[Optional[str], typer.Option("--profiles", help=t("help.profiles"))]
    MessagesPerHour = Annotated[Optional[str], typer.Option("--messages-per-hour",
                                                            help=t("help.messages_per_hour"))]
    Latency = Annotated[Optional[str], typer.Option("--latency", help=t("help.latency"))]
    Need = Annotated[Optional[list[str]], typer.Option("--need", help=t("help.need"))]
    Current = Annotated[Optional[str], typer.Option("--current", help=t("help.current"))]

    @app.command(help=t("help.recommend"), cls=command)
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
        answers: Annotated[Optional[str], typer.Option("--answers", help=t("help.answers"))] = None,
    ) -> None:
        session.check_lang()
        output_format = check_format(output_format)
        session.adopt_pages_locale(as_path(pages))
        if answers is not None:
            from .commands.batch import batch

            show(batch(session, answers, as_path(pages), as_path(rules_file), explain), output_format)
            return
        from .commands.recommend import recommend as run_recommend

        raw = raw_answers(trigger, channel, deployment, data, profiles, messages_per_hour,
                          latency, need, current)
        show(run_recommend(session, raw, as_path(pages), as_path(rules_file),
                           interactive(no_input), explain), output_format)

    @app.command("list", help=t("help.list"), cls=command)
    def list_command(lang: Lang = None, output_format: Format = "table", pages: Pages = None,
                     no_input: NoInput = False) -> None:
        from .commands.list_blueprints import list_blueprints

        session.check_lang()
        output_format = check_format(output_format)
        show(list_blueprints(session, as_path(pages)), output_format)

    @app.command("show", help=t("help.show"), cls=command)
    def show_command(
        blueprint: Annotated[str, typer.Argument(help=t("help.blueprint_id"), show_default=False)],
        lang: Lang = None,
        output_format: Format = "table",
        pages: Pages = None,
        no_input: NoInput = False,
        diagram: Annotated[bool, typer.Option("--diagram", help=t("help.diagram"))] = False,
    ) -> None:
        from .commands.show import show as run_show

        session.check_lang()
        output_format = check_format(output_format, SHOW_FORMATS)
        show(run_show(session, blueprint, output_format, as_path(pages), diagram), output_format)

    @app.command(help=t("help.compare"), cls=command)
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
        no_input: NoInput = False,
    ) -> None:
        from .commands.compare import compare as run_compare

        session.check_lang()
        output_format = check_format(output_format)
        raw = raw_answers(trigger, channel, deployment, data, profiles, messages_per_hour,
                          latency, need, current)
        show(run_compare(session, raw, as_path(pages), as_path(rules_file)), output_format)

    @app.command(help=t("help.languages"), cls=command,
                 epilog="journey-advisor languages --format json")
    def languages(lang: Lang = None, output_format: Format = "table",
                  no_input: NoInput = False) -> None:
        from .commands.languages import languages as run_languages

        session.check_lang()
        output_format = check_format(output_format)
        show(run_languages(session), output_format)

    pages_app = typer.Typer(help=t("help.pages_group"), no_args_is_help=True, cls=group)
    app.add_typer(pages_app, name="pages")

    @pages_app.callback()
    def pages_root(lang: Lang = None) -> None:  # `pages --help --lang ja`, as at the top
        session.check_lang()

    @pages_app.command("check", help=t("help.pages_check"), cls=command)
    def pages_check(
        directory: Annotated[Optional[str], typer.Argument(help=t("help.pages_dir"),
                                                           show_default=False)] = None,
        lang: Lang = None,
    ) -> None:
        from .commands.pages_check import pages_check as run_pages_check

        session.check_lang()
        show(run_pages_check(session, as_path(directory)), "text")

    return app
