"""The process's standard streams, made safe for any environment (PRODUCT.md section 11).

Standard output may be closed (`>&-`), full (`/dev/full`), a pipe whose reader went away, or a
terminal whose encoding cannot show our characters (Latin-1, ASCII). Output goes through a thin
guard: characters the encoding lacks degrade to `?`, a closed pipe ends the run quietly, and any
other failure to write becomes one OutputError (a message on stderr, exit 1) instead of a
traceback. A closed stderr becomes a sink; a closed stdin stays None for the callers to refuse.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any, TextIO

from ..errors import OutputError


class GuardedOutput:
    """Standard output: writes that fail become OutputError; a closed pipe stays BrokenPipeError
    (ended quietly by `main`)."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        if self._stream is None:
            raise _closed()
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _failed(exc) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _failed(exc) from None

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def fileno(self) -> int:
        if self._stream is None:
            raise _closed()
        return self._stream.fileno()

    def __getattr__(self, name: str) -> Any:  # encoding, errors, buffer... as the real stream
        return getattr(self._stream, name)


def _closed() -> OutputError:
    return OutputError("error.output", "standard output cannot be written ({reason})",
                       reason=os.strerror(errno.EBADF))


def _failed(exc: OSError) -> OutputError:
    return OutputError("error.output", "standard output cannot be written ({reason})",
                       reason=exc.strerror or str(exc))


def guard_streams() -> None:
    """Install the guards on sys.stdout and sys.stderr, once, before anything is printed."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            try:  # characters the terminal's encoding lacks degrade instead of crashing
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # pragma: no cover - a stream that refuses
                pass
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
    if not isinstance(sys.stdout, GuardedOutput):
        sys.stdout = GuardedOutput(sys.stdout)  # type: ignore[assignment]


def silence_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null, so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
