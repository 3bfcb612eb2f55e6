"""The command line: the only module that imports typer. Each command reads its options and
calls the core inside `handled`, the one place that turns AdvisorErrors into a message on stderr
and an exit code (PRODUCT.md section 5); `run` adds the parser's usage errors and Ctrl-C.

The app is built after the language is known, so help texts are in the user's language too.
"""

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

try:  # typer >= 0.20 vendors click; older releases use click itself
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - depends on the installed typer
    from click.exceptions import ClickException

from . import __version__
from .errors import EXIT_INTERRUPTED, AdvisorError, UsageError
from .i18n import Localizer
from .locale import SUPPORTED, parse_explicit, resolve_languages, unmet_request
from .typer_speed import fast_classes

FORMATS = ("table", "json", "yaml", "markdown")


class Session:
    """What every command needs: the language chain and its localizer, and the output streams."""

    def __init__(self, languages: list[str], t: Localizer, lang_error: str | None,
                 explicit: bool = False) -> None:
        self.languages = languages
        self.t = t
        self.lang_error = lang_error
        self.explicit = explicit
        self._located: dict[Path, Any] = {}

    def _locate(self, pages_dir: Path) -> Any:
        """Where the overview of a --pages folder is; probed once per run, however often asked."""
        from .sources import locate

        if pages_dir not in self._located:
            self._located[pages_dir] = locate(pages_dir, self.languages)
        return self._located[pages_dir]

    def adopt_pages_locale(self, pages_dir: Path | None) -> None:
        """Without --lang, a --pages folder's own locale comes first, for pages and interface
        alike; called before anything is asked or said, so all of it is in that language."""
        from . import catalog

        if pages_dir is not None and not self.explicit:
            found = self._locate(pages_dir)
            if found.locale and found.locale != self.languages[0]:
                self.languages = [found.locale] + [c for c in self.languages if c != found.locale]
                self.t = catalog.localizer(self.languages)

    def pages(self, pages_dir: Path | None) -> Any:
        """The page set to show: the bundled pages, or the --pages folder's."""
        from . import catalog

        self.adopt_pages_locale(pages_dir)
        if pages_dir is None:
            return catalog.page_set(self.languages)
        return catalog.page_set(self.languages, pages_dir, self._locate(pages_dir))

    def note_borrowed(self, entries: Any) -> None:
        """Say on stderr when a shown description came from our pages, not the --pages folder."""
        for entry in entries:
            if entry is not None and entry.description_from:
                sys.stderr.write(self.t.text(
                    "notice.description_from", blueprint=entry.id,
                    source=entry.description_from) + "\n")

    def check_lang(self) -> None:
        if self.lang_error is not None:
            raise UsageError("error.unsupported_lang",
                             "--lang: '{value}' is not a supported language; choose from {options}",
                             value=self.lang_error, options=", ".join(SUPPORTED))


def _peek_lang(argv: list[str]) -> str | None:
    """The --lang/-L value, read before typer parses, so help and errors are localized too."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg in ("--lang", "-L") and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg.startswith("-L") and len(arg) > 2:
            return arg[2:]
    return None


def _check_format(value: str, formats: tuple[str, ...] = FORMATS) -> str:
    key = value.strip().lower()
    if key in formats:
        return key
    from .answers import unknown_value

    raise unknown_value(value, formats, "--format")


def _raw_answers(*values: Any) -> dict[str, Any]:
    """The answer flags, keyed by question id, in PRODUCT.md's order."""
    keys = ("trigger", "channels", "deployment", "data", "profiles", "messages_per_hour")
    return dict(zip(keys, values))


def _path(value: Optional[str]) -> Optional[Path]:
    return Path(value) if value else None


def _interactive(no_input: bool) -> bool:
    return not no_input and sys.stdin.isatty() and sys.stdout.isatty()


def _print_data(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def _console() -> Any:
    """The stdout console. Plain text (no escape codes at all, bold included) when NO_COLOR is
    set; rich already writes plain text when stdout is not a terminal."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR"))
    return Console(highlight=False, emoji=False, markup=False,
                   color_system=None if plain else "auto", no_color=plain)


def dump(data: Any, output_format: str) -> str:
    if output_format == "yaml":
        import yaml

        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return json.dumps(data, ensure_ascii=False, indent=2)


def _say_error(message: str, t: Localizer | None) -> None:
    prefix = t.text("error.prefix", "Error") if t else "Error"
    sys.stderr.write(f"{prefix}: {message}\n")
    sys.stderr.flush()


def handled(session: Session, body: Callable[[], int]) -> None:
    """Run a command body: its exit code, or its AdvisorError as one line on stderr and a code."""
    from .safe_text import inert

    try:
        code = body()
    except AdvisorError as error:
        _say_error(inert(session.t.error(error)), session.t)
        raise typer.Exit(error.exit_code) from None
    if code:
        raise typer.Exit(code)


def build_app(session: Session) -> typer.Typer:
    t = session.t.text
    group, command = fast_classes()
    app = typer.Typer(help=t("app.help"), epilog=t("app.epilog"), no_args_is_help=True,
                      pretty_exceptions_enable=False, rich_markup_mode=None, cls=group,
                      context_settings={"help_option_names": ["-h", "--help"]})

    def show_version(value: bool) -> None:
        if value:
            _print_data(f"journey-advisor {__version__}")
            raise typer.Exit()

    @app.callback()
    def root(
        version: Annotated[bool, typer.Option("--version", help=t("help.version"),
                                              callback=show_version, is_eager=True)] = False,
    ) -> None:
        pass

    Lang = Annotated[Optional[str], typer.Option("--lang", "-L", help=t("help.lang"))]
    Format = Annotated[str, typer.Option("--format", "-o", help=t("help.format"))]
    # Paths arrive as the strings typed (see typer_speed); `_path` makes them Paths.
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

    @app.command(help=t("help.recommend"), cls=command)
    def recommend(
        trigger: Trigger = None,
        channel: Channel = None,
        deployment: Deployment = None,
        data: Data = None,
        profiles: Profiles = None,
        messages_per_hour: MessagesPerHour = None,
        lang: Lang = None,
        output_format: Format = "table",
        pages: Pages = None,
        rules_file: Rules = None,
        no_input: NoInput = False,
        explain: Annotated[bool, typer.Option("--explain", help=t("help.explain"))] = False,
        answers: Annotated[Optional[str], typer.Option("--answers", help=t("help.answers"))] = None,
    ) -> None:
        def body() -> int:
            from .commands.recommend import run_recommend

            session.check_lang()
            session.adopt_pages_locale(_path(pages))
            if answers is not None:
                from .commands.batch import run_batch

                return run_batch(session, answers, _check_format(output_format), _path(pages),
                                 _path(rules_file))
            raw = _raw_answers(trigger, channel, deployment, data, profiles, messages_per_hour)
            return run_recommend(session, raw, output_format=_check_format(output_format),
                                 pages=_path(pages), rules_file=_path(rules_file),
                                 interactive=_interactive(no_input), explain=explain)

        handled(session, body)

    @app.command("list", help=t("help.list"), cls=command)
    def list_command(lang: Lang = None, output_format: Format = "table", pages: Pages = None,
                     no_input: NoInput = False) -> None:
        def body() -> int:
            from .commands.reference import run_list

            session.check_lang()
            return run_list(session, _check_format(output_format), _path(pages))

        handled(session, body)

    @app.command(help=t("help.show"), cls=command)
    def show(
        blueprint: Annotated[str, typer.Argument(help=t("help.blueprint_id"), show_default=False)],
        lang: Lang = None,
        output_format: Format = "table",
        pages: Pages = None,
        no_input: NoInput = False,
        diagram: Annotated[bool, typer.Option("--diagram", help=t("help.diagram"))] = False,
    ) -> None:
        def body() -> int:
            from .commands.reference import run_show

            session.check_lang()
            return run_show(session, blueprint, _check_format(output_format, FORMATS + ("mermaid",)),
                            _path(pages), diagram)

        handled(session, body)

    @app.command(help=t("help.compare"), cls=command)
    def compare(
        trigger: Trigger = None,
        channel: Channel = None,
        deployment: Deployment = None,
        data: Data = None,
        profiles: Profiles = None,
        messages_per_hour: MessagesPerHour = None,
        lang: Lang = None,
        output_format: Format = "table",
        pages: Pages = None,
        rules_file: Rules = None,
        no_input: NoInput = False,
    ) -> None:
        def body() -> int:
            from .commands.reference import run_compare

            session.check_lang()
            raw = _raw_answers(trigger, channel, deployment, data, profiles, messages_per_hour)
            return run_compare(session, raw, _check_format(output_format), _path(pages),
                               _path(rules_file))

        handled(session, body)

    @app.command(help=t("help.languages"), cls=command,
                 epilog="journey-advisor languages --format json")
    def languages(lang: Lang = None, output_format: Format = "table",
                  no_input: NoInput = False) -> None:
        def body() -> int:
            from .commands.reference import run_languages

            session.check_lang()
            return run_languages(session, _check_format(output_format))

        handled(session, body)

    pages_app = typer.Typer(help=t("help.pages_group"), no_args_is_help=True, cls=group)
    app.add_typer(pages_app, name="pages")

    @pages_app.command("check", help=t("help.pages_check"), cls=command)
    def pages_check(
        directory: Annotated[Optional[str], typer.Argument(help=t("help.pages_dir"),
                                                           show_default=False)] = None,
        lang: Lang = None,
    ) -> None:
        def body() -> int:
            from .commands.pages_check import run_pages_check

            session.check_lang()
            return run_pages_check(session, _path(directory))

        handled(session, body)

    return app


def make_session(argv: list[str], env: Any) -> Session:
    from . import catalog

    explicit_value = _peek_lang(argv)
    explicit = parse_explicit(explicit_value) if explicit_value is not None else None
    lang_error = explicit_value if explicit_value is not None and explicit is None else None
    languages = resolve_languages(env, explicit)
    return Session(languages, catalog.localizer(languages), lang_error, explicit is not None)


def _note_missing_strings(t: Localizer) -> None:
    """A dim note when some texts fell back to English (an incomplete or edited translation)."""
    if t.missing and t.locale != "en":
        note = t.text("notice.missing_strings", count=len(t.missing),
                      language=t.text("language.name", t.locale))
        sys.stderr.write(f"\x1b[2m{note}\x1b[0m\n" if sys.stderr.isatty() else note + "\n")


def run(argv: list[str], env: Any) -> int:
    """Run the command line and return its exit code; every user-facing error becomes a message."""
    from .safe_text import inert

    session: Session | None = None
    try:
        session = make_session(argv, env)
        requested = unmet_request(env)
        if _peek_lang(argv) is None and requested:
            sys.stderr.write(session.t.text("notice.language_fallback", requested=inert(requested),
                                            used=session.t.text("language.name", "English")) + "\n")
        app = build_app(session)
        code = app(args=argv, prog_name="journey-advisor", standalone_mode=False)
        code = code if isinstance(code, int) else 0
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into Exit(130) silently
            sys.stderr.write("\n" + session.t.text("notice.interrupted") + "\n")
        _note_missing_strings(session.t)
        return code
    except AdvisorError as error:
        _say_error(inert(session.t.error(error) if session else error.english()),
                   session.t if session else None)
        return error.exit_code
    except ClickException as error:  # bad usage found by the parser
        error.show()
        return error.exit_code
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\n" + (session.t.text("notice.interrupted") if session else "Interrupted.")
                         + "\n")
        return EXIT_INTERRUPTED


def main() -> None:
    try:
        code = run(sys.argv[1:], os.environ)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, without a second error at exit. Exit 1
        # like rich's console does for the same case, so every format ends the same way.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 1
    sys.exit(code)
