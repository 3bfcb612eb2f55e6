"""UI strings (`strings/<locale>.yaml`) and glossaries (`glossary/<locale>.yaml`), validated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .files import read_yaml
from .schema import Checker, join_key, kind_of


def load_strings(path: Path) -> dict[str, str]:
    """Load a UI-strings file into a flat {dotted.key: text} mapping."""
    check = Checker(path)
    flat: dict[str, str] = {}

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, join_key(prefix, key))
        elif isinstance(node, str):
            flat[prefix] = node
        else:
            check.add(prefix, f"expected text or a mapping, found {kind_of(node)}")

    root = read_yaml(path)
    if not isinstance(root, dict):
        check.add("", f"expected a mapping of strings, found {kind_of(root)}")
    else:
        walk(root, "")
    check.done()
    return flat


GLOSSARY_SECTIONS = ("terms", "headings", "table")


def load_glossary(path: Path) -> dict[str, Any]:
    """Load a glossary: {'locale', 'native_name', 'terms': {...}, 'headings': {...}, 'table': {...}}."""
    check = Checker(path)
    root = check.mapping(read_yaml(path), "", required=(
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
