"""The entry point: `run` turns every user-facing error into one message on stderr and an exit
code (PRODUCT.md section 5) — AdvisorErrors from the commands, the parser's usage errors, Ctrl-C
and SIGTERM — and `main` adds what only a process has: its standard streams (closed, full, a
closed pipe, an encoding that lacks our characters) and its signals."""

from __future__ import annotations

import os
import sys
from typing import Mapping

import typer

try:  # typer >= 0.20 vendors click; older releases use click itself
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - depends on the installed typer
    from click.exceptions import ClickException

from ..core.i18n import Localizer
from ..core.locale import unmet_request
from ..core.safe_text import inert
from ..errors import EXIT_DATA, EXIT_INTERRUPTED, EXIT_TERMINATED, AdvisorError
from ..knowledge import catalog
from .app import build_app
from .parser_words import show_parser_error
from .session import Session, make_session, peek_lang
from .streams import guard_streams, silence_stdout

# Set by the SIGTERM handler, which then interrupts the run like Ctrl-C: temporary files are
# removed on the way out (finally blocks run), and the exit code says which signal it was.
_terminated = False


def _on_sigterm(signum: int, frame: object) -> None:
    global _terminated
    _terminated = True
    raise KeyboardInterrupt


def say_error(message: str, t: Localizer | None) -> None:
    line = t.labelled(t.text("error.prefix", "Error"), message) if t else f"Error: {message}"
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def note_missing_strings(t: Localizer) -> None:
    """A dim note when some texts fell back to English (an incomplete or edited translation)."""
    if t.missing and t.locale != "en":
        note = t.plural("notice.untranslated", len(t.missing),
                        language=t.text("language.name", t.locale))
        sys.stderr.write(f"\x1b[2m{note}\x1b[0m\n" if sys.stderr.isatty() else note + "\n")


def run(argv: list[str], env: Mapping[str, str]) -> int:
    """Run the command line and return its exit code; every user-facing error becomes a message."""
    session: Session | None = None
    try:
        session = make_session(argv, env)
        requested = unmet_request(env)
        if peek_lang(argv) is None and requested:
            sys.stderr.write(session.t.text("notice.language_fallback", requested=inert(requested),
                                            used=session.t.text("language.name", "English")) + "\n")
        app = build_app(session)
        code = app(args=argv, prog_name="journey-advisor", standalone_mode=False)
        code = code if isinstance(code, int) else 0
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C (and so SIGTERM) into Exit(130) silently
            key = "notice.terminated" if _terminated else "notice.interrupted"
            sys.stderr.write("\n" + session.t.text(key) + "\n")
            code = EXIT_TERMINATED if _terminated else code
        note_missing_strings(session.t)
        catalog.remember_formatted(session.t)
        return code
    except AdvisorError as error:
        say_error(inert(session.t.error(error) if session else error.english()),
                  session.t if session else None)
        return error.exit_code
    except ClickException as error:  # bad usage found by the parser
        if session is not None:
            show_parser_error(error, session.t)
        else:  # pragma: no cover - the session is made before the parser runs
            error.show()
        return error.exit_code
    except (KeyboardInterrupt, typer.Abort):
        key, default = (("notice.terminated", "Terminated.") if _terminated
                        else ("notice.interrupted", "Interrupted."))
        sys.stderr.write("\n" + (session.t.text(key) if session else default) + "\n")
        return EXIT_TERMINATED if _terminated else EXIT_INTERRUPTED


def main() -> None:
    import signal

    guard_streams()
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except (ValueError, OSError, AttributeError):  # pragma: no cover - not the main thread
        pass
    try:
        code = run(sys.argv[1:], os.environ)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, without a second error at exit. Exit 1
        # like rich's console does for the same case, so every format ends the same way.
        silence_stdout()
        code = EXIT_DATA
    except AdvisorError as error:  # the final flush failed: a full disk, a closed stdout
        say_error(inert(error.english()), None)
        silence_stdout()
        code = error.exit_code
    sys.exit(code)
