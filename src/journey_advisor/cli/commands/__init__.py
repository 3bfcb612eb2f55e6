"""One module per command: each gathers its inputs, calls core and knowledge, and returns an
Outcome (what to show, the exit code, notices for stderr). They never print and never import
cli.main or cli.app."""

from __future__ import annotations

from typing import Callable, NamedTuple, Union

from ...output.emit import BatchView, View


class Outcome(NamedTuple):
    view: Union[View, BatchView]
    # A batch knows whether every scenario fit only once it has been streamed out.
    code: Union[int, Callable[[], int]] = 0
    notices: tuple[str, ...] = ()
    # Lines for stderr after the view (the command line that repeats an interactive run).
    after: tuple[str, ...] = ()
