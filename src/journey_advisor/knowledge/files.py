"""Bytes in, text or YAML data out: the one bounded read and the one mapping of YAML errors.

Every untrusted file (data, rules, pages, answers) is read through `read_text`; every YAML
document through `parse_yaml`, whether PyYAML was built with libyaml or not, so the same input
gives the same message everywhere. The caller chooses the error class: a data file is a
DataError (exit 1), an answers file a UsageError (exit 2).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any, BinaryIO, Callable

from ..errors import AdvisorError, DataError
from ..models import Number

# Deeper than this is not a document a person wrote. A fixed bound of our own, checked on the
# parsed data, keeps the outcome the same whichever loader (libyaml caps at 1,000 levels in
# 6.0.4, the pure-Python one runs out of recursion near 330, older libyaml had no cap).
MAX_NESTING = 100
MAX_DATA_BYTES = 1_000_000
_NOT_FOUND = (errno.ENOENT, errno.ENOTDIR)


def read_text(path: Path | str, limit: int, error: type[AdvisorError] = DataError,
              stream: BinaryIO | None = None, label: str | None = None) -> str:
    """UTF-8 text (a BOM is allowed, CRLF becomes LF) of at most `limit` bytes, from `path` or
    from `stream` (standard input). Raises `error` naming the file and, where known, the line."""
    label = label or str(path)
    try:
        if stream is not None:
            raw = stream.read(limit + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise error("error.missing_file", "{file}: no such file", file=label) from None
    except IsADirectoryError:
        raise error("error.not_a_file", "{file}: is a folder, not a file", file=label) from None
    except OSError as exc:
        raise error("error.unreadable", "{file}: cannot be read ({reason})",
                    file=label, reason=exc.strerror or str(exc)) from None
    if len(raw) > limit:
        raise error("error.too_large", "{file}: larger than the {limit} bytes allowed",
                    file=label, limit=Number(limit))
    if b"\x00" in raw:
        raise error("error.binary", "{file}: binary data (NUL bytes), not a text file", file=label)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error("error.encoding", "{file}:{line}: not valid UTF-8", file=label,
                    line=line) from None
    del raw  # an answers file may be 16 MiB: never hold more copies of it than needed
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def safe_loader() -> Any:
    """libyaml's safe loader when PyYAML was built with it (several times faster), else PyYAML's."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, label: str, error: type[AdvisorError] = DataError,
               first_line: int = 1, loader: Any = None) -> Any:
    """One YAML document, read with a safe loader. Every failure is `error` naming the file and
    line: a syntax error, a value that cannot be built (a number of 5,000 digits), or nesting
    deeper than MAX_NESTING (the same message whichever loader found it)."""
    import yaml

    try:
        data = yaml.load(text, Loader=loader or safe_loader())  # noqa: S506 - a safe loader
    except RecursionError:  # the pure-Python composer, thousands of levels deep
        raise _too_deep(label, error) from None
    except yaml.MarkedYAMLError as exc:
        problem = str(exc.problem or exc.context or "")
        if "nesting depth" in problem:  # libyaml's own cap
            raise _too_deep(label, error) from None
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        raise error("error.yaml", "{file}:{line}: invalid YAML: {problem}", file=label, line=line,
                    problem=problem or "invalid YAML") from None
    except yaml.YAMLError as exc:
        raise error("error.yaml", "{file}:{line}: invalid YAML: {problem}", file=label,
                    line=first_line, problem=str(exc)[:200]) from None
    except (ValueError, OverflowError):  # int() of thousands of digits, a date out of range
        raise error("error.yaml_value", "{file}: a value cannot be read (a number far too long?)",
                    file=label) from None
    if too_deep(data):
        raise _too_deep(label, error)
    return data


def _too_deep(label: str, error: type[AdvisorError]) -> AdvisorError:
    return error("error.yaml_nesting", "{file}: nested more than {limit} levels deep",
                 file=label, limit=MAX_NESTING)


def too_deep(data: Any, limit: int = MAX_NESTING) -> bool:
    """True when lists and mappings nest deeper than `limit`. Iterative, and each shared node
    (a YAML alias) is visited once per depth it is reached at, so alias bombs stay cheap."""
    seen: dict[int, int] = {}
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        if seen.get(id(node), 0) >= depth:
            continue
        seen[id(node)] = depth
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def probe(path: Path, error: type[AdvisorError] = DataError) -> os.stat_result | None:
    """The file's status, None when it does not exist; `error` when it cannot be looked at
    (no permission, a name longer than the system allows, a loop of symbolic links)."""
    try:
        return path.stat()
    except OSError as exc:
        if exc.errno in _NOT_FOUND:
            return None
        if exc.errno == errno.ELOOP:
            raise error("error.symlink_loop", "{file}: a loop of symbolic links",
                        file=str(path)) from None
        raise error("error.unreadable", "{file}: cannot be read ({reason})", file=str(path),
                    reason=exc.strerror or str(exc)) from None


def is_file(path: Path, error: type[AdvisorError] = DataError) -> bool:
    import stat

    status = probe(path, error)
    return status is not None and stat.S_ISREG(status.st_mode)


def is_dir(path: Path, error: type[AdvisorError] = DataError) -> bool:
    import stat

    status = probe(path, error)
    return status is not None and stat.S_ISDIR(status.st_mode)


def read_yaml(path: Path, restore: Callable[[Any], Any] | None = None) -> Any:
    """`restore(data)` of one YAML file read with the safe loader: `restore` validates the data
    and builds what the caller needs; DataError with file and line or key when it cannot.

    Data that `restore` accepted is cached by content, so a warm start does not even import
    PyYAML; a cached copy is validated again by `restore`.
    """
    from .cache import cached

    text = read_text(path, MAX_DATA_BYTES)
    if restore is None:
        return cached(text, "yaml", lambda: parse_yaml(text, str(path)))
    return cached(text, "yaml", lambda: parse_yaml(text, str(path)), restore)
