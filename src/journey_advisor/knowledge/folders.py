"""Finds the source pages to read: the bundled ones, or a folder given with --pages.

A --pages folder may be a folder of the data/pages layout (one sub-folder per locale), one
locale's folder, a checkout of Adobe's blueprints-learn.<locale> repository, or its
help/blueprints/customer-journeys folder. Only fixed paths are probed: the rest of a checkout is
never walked, so the cost does not grow with the size of the folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ..core.locale import SUPPORTED, normalize
from ..errors import DataError, PageNotFoundError
from .files import is_dir, is_file, probe

CUSTOMER_JOURNEYS = Path("help") / "blueprints" / "customer-journeys"
# A page larger than this is refused unread. Adobe's largest customer-journey page is under
# 11 kB; hostile markdown (thousands of unmatched brackets or emphasis marks) costs markdown-it
# about 15 microseconds a character, so this bound keeps any page to about a second.
MAX_PAGE_BYTES = 65_536
_LOCALE_NAME = re.compile(r"^[A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?(?:@.*)?$")


class PagesFolder(NamedTuple):
    folder: Path  # the folder that holds overview.md
    root: Path  # nothing outside it may be read (symlinks included)
    locale: str | None  # the locale its name says, if any


def locale_from_path(path: Path) -> str | None:
    """The locale a folder's name (or an ancestor's) gives: blueprints-learn.it-IT, sv-SE, fr."""
    for part in [path, *list(path.parents)[:4]]:
        name = part.name
        if name.startswith("blueprints-learn."):
            return normalize(name.split(".", 1)[1].split("@", 1)[0])
        if _LOCALE_NAME.match(name):
            code = normalize(name.split("@", 1)[0])
            if code:
                return code
    return None


def locate(directory: Path, languages: list[str]) -> PagesFolder:
    """The overview folder inside `directory`, trying the four accepted shapes in turn."""
    if probe(directory) is None:
        raise PageNotFoundError("error.missing_folder", "{root}: no such folder", root=str(directory))
    if not is_dir(directory):
        raise DataError("error.not_a_folder", "{root}: is a file, not a folder", root=str(directory))
    root = _resolved(directory)
    if is_file(directory / "overview.md"):
        return PagesFolder(directory, root, locale_from_path(root))
    if is_file(directory / CUSTOMER_JOURNEYS / "overview.md"):
        return PagesFolder(directory / CUSTOMER_JOURNEYS, root, locale_from_path(root))
    for code in list(languages) + [c for c in SUPPORTED if c not in languages]:
        if is_file(directory / code / "overview.md"):
            return PagesFolder(directory / code, root, code)
    raise PageNotFoundError(
        "error.no_overview",
        "{root}: no overview.md here, in help/blueprints/customer-journeys/ or in a locale folder",
        root=str(directory))


def locale_folders(directory: Path) -> list[PagesFolder]:
    """Every locale folder of a data/pages-style folder, or the one folder `locate` finds."""
    found = [PagesFolder(directory / code, _resolved(directory), code) for code in SUPPORTED
             if is_file(directory / code / "overview.md")]
    return found or [locate(directory, [])]


def _resolved(path: Path) -> Path:
    """The absolute path without symbolic links; DataError for a loop or a name too long."""
    import errno

    try:
        return path.resolve()
    except RuntimeError:  # a symlink loop, on Python before 3.13
        raise DataError("error.symlink_loop", "{file}: a loop of symbolic links",
                        file=str(path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DataError("error.symlink_loop", "{file}: a loop of symbolic links",
                            file=str(path)) from None
        raise DataError("error.unreadable", "{file}: cannot be read ({reason})", file=str(path),
                        reason=exc.strerror or str(exc)) from None


def ensure_inside(path: Path, root: Path) -> Path:
    """Resolve `path` and refuse it when it (or a symlink on the way) leads out of `root`."""
    resolved = _resolved(path)
    base = _resolved(root)
    if resolved != base and base not in resolved.parents:
        raise DataError("error.outside_root", "{file}: leads outside the pages folder {root}",
                        file=str(path), root=str(root))
    return resolved
