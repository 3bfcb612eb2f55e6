"""The command line: the only layer that imports typer. `main` is the console script."""

from __future__ import annotations

from .main import main, run

__all__ = ["main", "run"]
