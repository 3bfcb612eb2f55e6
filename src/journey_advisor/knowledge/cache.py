"""A cache of parsed data, keyed by the content that was parsed.

Each entry is one JSON file named after a hash of the source text, the parser's own code and a
salt (what else the result depends on), so changed data or a new release can never be served a
stale result. Written atomically (temporary file, then rename), so concurrent runs are safe; an
unreadable or corrupt entry is ignored and rebuilt; an unwritable folder just means no caching.
JSON, not pickle: a cache file is data, never code.

JOURNEY_ADVISOR_CACHE names the folder, or `off`; the default is $XDG_CACHE_HOME/journey-advisor
(~/.cache/journey-advisor).
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from .resources import package_dir

CACHE_ENV = "JOURNEY_ADVISOR_CACHE"
FORMAT = "1"
# The modules whose code shapes a cached result, relative to the package: a change to any of
# them changes every key. A test holds that each of them exists.
PARSER_MODULES = ("knowledge/cache.py", "knowledge/files.py", "knowledge/pages.py",
                  "knowledge/markup.py", "core/safe_text.py", "models.py", "vocabulary.py")


@lru_cache(maxsize=1)
def cache_dir() -> Path | None:
    setting = os.environ.get(CACHE_ENV, "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "journey-advisor"


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


def cached(text: str, salt: str, build: Callable[[], Any]) -> Any:
    """The JSON-able result of `build()` for this text and salt, from the cache when present."""
    folder = cache_dir()
    if folder is None:
        return build()
    key = key_for(text, salt)
    entry = folder / f"{key}.json"
    try:
        with open(entry, encoding="utf-8") as handle:
            stored = json.load(handle)
        if isinstance(stored, dict) and stored.get("key") == key and "data" in stored:
            return stored["data"]
    except (OSError, ValueError, RecursionError):
        pass  # missing, corrupt or absurdly nested: rebuild below
    data = build()
    _store(folder, entry, {"key": key, "data": data})
    return data


def _store(folder: Path, entry: Path, payload: dict[str, Any]) -> None:
    temporary = folder / f".{entry.stem}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, entry)
    except (OSError, TypeError, ValueError, RecursionError):  # not JSON-able: just not cached
        try:
            temporary.unlink()
        except OSError:
            pass
