"""UI strings (`strings/<locale>.yaml`) and glossaries (`glossary/<locale>.yaml`), validated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .files import read_yaml
from .schema import Checker, join_key, kind_of

# Ours have about 300; far more is not a strings file.
MAX_STRINGS = 5_000


def load_strings(path: Path) -> dict[str, str]:
    """Load a UI-strings file into a flat {dotted.key: text} mapping."""
    return read_yaml(path, lambda raw: strings_from(raw, path))


def strings_from(raw: Any, path: Path) -> dict[str, str]:
    """Validate parsed data of `path` and build the models; DataError naming every problem."""
    check = Checker(path)
    flat: dict[str, str] = {}

    def walk(node: Any, prefix: str) -> None:
        if len(flat) > MAX_STRINGS:  # aliases can make a small file name millions of strings
            return
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, join_key(prefix, key))
        elif isinstance(node, str):
            flat[prefix] = node
        else:
            check.add(prefix, f"expected text or a mapping, found {kind_of(node)}")

    root = raw
    if not isinstance(root, dict):
        check.add("", f"expected a mapping of strings, found {kind_of(root)}")
    else:
        walk(root, "")
    if len(flat) > MAX_STRINGS:
        check.add("", f"more than {MAX_STRINGS} strings")
    check.done()
    return flat


GLOSSARY_SECTIONS = ("terms", "headings", "table")


def load_glossary(path: Path) -> dict[str, Any]:
    """Load a glossary: {'locale', 'native_name', 'terms': {...}, 'headings': {...}, 'table': {...}}."""
    return read_yaml(path, lambda raw: glossary_from(raw, path))


def glossary_from(raw: Any, path: Path) -> dict[str, Any]:
    """Validate parsed data of `path` and build the models; DataError naming every problem."""
    check = Checker(path)
    root = check.mapping(raw, "", required=(
        "locale", "native_name", "terms", "headings", "table"), optional=("sources",))
    for section in GLOSSARY_SECTIONS:
        node = root.get(section) or {}
        if not isinstance(node, dict):
            check.add(section, f"expected a mapping, found {kind_of(node)}")
            continue
        for key, value in node.items():
            check.string(value, f"{section}.{key}")
    check.done()
    return root
