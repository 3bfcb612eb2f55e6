"""Where the bundled data lives: inside the installed package, or at the top of a source checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # journey_advisor/


def package_dir() -> Path:
    """The installed `journey_advisor` package folder."""
    return _PACKAGE_DIR


@lru_cache(maxsize=1)
def data_dir() -> Path:
    """The `data/` folder: `journey_advisor/data` in a wheel, else the repository's top-level one."""
    installed = _PACKAGE_DIR / "data"
    if installed.is_dir():
        return installed
    # Source checkout or editable install: src/journey_advisor -> the repository root.
    return _PACKAGE_DIR.parent.parent / "data"
