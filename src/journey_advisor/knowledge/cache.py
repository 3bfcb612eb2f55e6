"""A cache of validated data, keyed by the content it was parsed from.

Each entry is one JSON file named after a hash of the source text, the parser's own code and a
salt (what else the result depends on), so changed data or a new release is never served a
stale result. Only data that its validator accepted is stored, and never more than a bounded
multiple of the text it came from (an alias bomb is refused by validation long before). Entries
are written through a temporary file made with O_EXCL in the cache folder and renamed into
place, so concurrent runs are safe and a planted symlink is never followed; temporary files are
removed on any exit, and ones left by a killed run are swept later. What is read back is
validated again and its text made inert, like page text. An unreadable, corrupt or tampered
entry is ignored and rebuilt; an unusable folder just means no caching. JSON, not pickle: a
cache file is data, never code.

JOURNEY_ADVISOR_CACHE names the folder, or `off`; the default is $XDG_CACHE_HOME/journey-advisor,
else $HOME/.cache/journey-advisor (no cache when neither names an existing folder).
"""

from __future__ import annotations

import json
import os
import re
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from ..core.safe_text import inert
from ..errors import AdvisorError
from .resources import package_dir

CACHE_ENV = "JOURNEY_ADVISOR_CACHE"
FORMAT = "2"
# The modules whose code shapes a cached result, relative to the package: a change to any of
# them changes every key. A test holds that each of them exists.
PARSER_MODULES = ("knowledge/cache.py", "knowledge/files.py", "knowledge/pages.py",
                  "knowledge/markup.py", "core/safe_text.py", "models.py", "vocabulary.py")
# An entry may hold at most this many times the characters of its source, plus a little.
GROWTH_LIMIT = 8
MAX_ENTRIES = 256
STALE_SECONDS = 600
# Control characters as json.dumps writes them (\u001b ...), C1 controls and bidi overrides:
# only an entry that contains one needs its text made inert.
_CONTROL_IN_JSON = re.compile(r"\\u00[01][0-9a-fA-F]|\\u007[fF]|[\x7f-\x9f\u200e\u200f\u202a-\u202e"
                              r"\u2066-\u2069]")
_OFF = ("off", "0", "no", "false")


@lru_cache(maxsize=1)
def cache_dir() -> Path | None:
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() in _OFF:
        return None
    if setting:
        return Path(setting)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg) and os.path.isdir(xdg):
        return Path(xdg) / "journey-advisor"
    home = os.environ.get("HOME", "")
    # No HOME, a relative one or one that points nowhere: no cache (never a folder named `~`
    # in the working directory, never a made-up home).
    if os.path.isabs(home) and os.path.isdir(home):
        return Path(home) / ".cache" / "journey-advisor"
    return None


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    here = package_dir()
    parts = [FORMAT]
    for name in PARSER_MODULES:
        try:
            stat = (here / name).stat()
            parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}:?")
    return "|".join(parts)


def key_for(text: str, salt: str) -> str:
    try:  # CPython's own BLAKE2, without loading OpenSSL through hashlib (a few ms per start)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other interpreters
        from hashlib import blake2b

    digest = blake2b(digest_size=20)
    for part in (_code_fingerprint(), salt, text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _identity(data: Any) -> Any:
    return data


def cached(text: str, salt: str, build: Callable[[], Any],
           restore: Callable[[Any], Any] = _identity) -> Any:
    """`restore(data)`, where data is `build()` of this text and salt, or the cached copy of it.

    `restore` validates the plain data and makes the result (models); whatever it raises on
    fresh data goes to the caller and nothing is stored. A cached copy it refuses is rebuilt.
    """
    folder = cache_dir()
    if folder is None:
        return restore(build())
    key = key_for(text, salt)
    entry = folder / f"{key}.json"
    stored = _load(entry, key)
    if stored is not _MISSING:
        try:
            return restore(stored)
        except (AdvisorError, TypeError, KeyError, ValueError, AttributeError, IndexError,
                RecursionError):
            pass  # tampered with: rebuilt below
    data = inert_tree(build())
    result = restore(data)
    _store(folder, entry, {"key": key, "data": data}, limit=GROWTH_LIMIT * len(text) + 4096)
    return result


_MISSING = object()
# Formatted values (CLDR numbers and dates) a memo keeps: the most recent ones.
MEMO_ENTRIES = 512
_MEMO_TEXT = re.compile(r"[\w .,'’\u00a0\u202f%-]{1,64}")


def load_memo(name: str) -> dict[str, str]:
    """Text this user's runs computed before under `name` (formatted numbers and dates), so a
    warm run need not load the library that made it; {} when there is none. Values that could
    not be such text are dropped."""
    folder = cache_dir()
    if folder is None:
        return {}
    key = key_for("", "memo|" + name)
    stored = _load(folder / f"{key}.json", key)
    if not isinstance(stored, dict):
        return {}
    return {k: v for k, v in list(stored.items())[-MEMO_ENTRIES:]
            if isinstance(v, str) and len(k) <= 64 and _MEMO_TEXT.fullmatch(v)}


def save_memo(name: str, memo: dict[str, str]) -> None:
    """Store the most recent MEMO_ENTRIES values of `memo` under `name` (see load_memo)."""
    folder = cache_dir()
    if folder is None:
        return
    key = key_for("", "memo|" + name)
    recent = dict(list(memo.items())[-MEMO_ENTRIES:])
    _store(folder, folder / f"{key}.json", {"key": key, "data": recent}, limit=96 * MEMO_ENTRIES)


def _load(entry: Path, key: str) -> Any:
    """The data of a cache entry, its text made inert; _MISSING when absent or unusable."""
    try:
        # O_NOFOLLOW: an entry that is a symbolic link is not ours.
        descriptor = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with open(descriptor, encoding="utf-8") as handle:
            raw = handle.read()
        stored = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return _MISSING  # missing, corrupt or absurdly nested
    if not isinstance(stored, dict) or stored.get("key") != key or "data" not in stored:
        return _MISSING
    data = stored["data"]
    try:
        return inert_tree(data) if _CONTROL_IN_JSON.search(raw) else data
    except RecursionError:
        return _MISSING


def inert_tree(data: Any) -> Any:
    """The same plain data with every string (keys included) made inert."""
    if isinstance(data, str):
        return inert(data)
    if isinstance(data, list):
        return [inert_tree(item) for item in data]
    if isinstance(data, dict):
        return {inert(str(k)): inert_tree(v) for k, v in data.items()}
    return data


def bounded_json(data: Any, limit: int) -> str | None:
    """Compact JSON of `data`, or None when it would exceed about `limit` characters or is not
    JSON. The size is estimated by a walk that stops at the limit, before anything is encoded."""
    budget = limit
    stack = [data]
    while stack:
        node = stack.pop()
        budget -= 4
        if isinstance(node, str):
            budget -= len(node)
        elif isinstance(node, dict):
            stack.extend(node.values())
            budget -= sum(len(str(k)) + 4 for k in node)
        elif isinstance(node, list):
            stack.extend(node)
        elif node is not None and not isinstance(node, (bool, int, float)):
            return None  # a date, a set...: not JSON
        if budget < 0:
            return None
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        return None


def _store(folder: Path, entry: Path, payload: dict[str, Any], limit: int) -> None:
    text = bounded_json(payload, limit)
    if text is None:
        return
    import tempfile

    temporary = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _ours(folder):
            return
        # mkstemp opens with O_CREAT | O_EXCL (and O_NOFOLLOW): never through a planted link.
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        with open(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, entry)
        temporary = None
        _sweep(folder)
    except OSError:
        pass  # an unwritable or full folder: simply not cached
    finally:
        if temporary is not None:  # any exit, Ctrl-C and SIGTERM included
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _ours(folder: Path) -> bool:
    """A real folder owned by this user (a folder someone else controls is not a cache)."""
    import stat

    status = folder.stat()
    return stat.S_ISDIR(status.st_mode) and (not hasattr(os, "geteuid")
                                            or status.st_uid == os.geteuid())


def _sweep(folder: Path) -> None:
    """Remove temporary files a killed run left behind, and the oldest entries past MAX_ENTRIES."""
    now = time.time()
    entries = []
    for path in folder.iterdir():
        name = path.name
        try:
            status = path.lstat()
        except OSError:
            continue
        if name.startswith(".") and name.endswith(".tmp"):
            if now - status.st_mtime > STALE_SECONDS:
                path.unlink(missing_ok=True)
        elif name.endswith(".json"):
            entries.append((status.st_mtime, path))
    if len(entries) > MAX_ENTRIES:
        for _, path in sorted(entries)[: len(entries) - MAX_ENTRIES]:
            path.unlink(missing_ok=True)
