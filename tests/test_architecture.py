"""The rule of the house (ARCHITECTURE.md), read from the source with `ast`: layers import only
downwards, no import cycle (imports inside functions count), no `_private` name taken from
another of our modules, no module over 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "journey_advisor"
ROOT = "journey_advisor"
MAX_LINES = 400
BASE = ("errors", "vocabulary", "models")
# What each layer may import from the package, besides itself.
ALLOWED = {
    "base": {"base"},
    "core": {"base", "core"},
    "knowledge": {"base", "core", "knowledge"},
    "output": {"base", "core", "output"},
    "cli": {"base", "core", "knowledge", "output", "cli"},
}
# Libraries a layer must never import: the core is pure, only the command line knows typer.
FORBIDDEN = {
    "base": {"typer", "rich", "yaml", "frontmatter", "markdown_it", "click"},
    "core": {"typer", "rich", "yaml", "frontmatter", "markdown_it", "click"},
    "knowledge": {"typer", "rich", "click"},
    "output": {"typer", "click", "frontmatter", "markdown_it"},
    "cli": set(),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:  # the package itself: only its version
        return "base"
    if parts[1] in BASE:
        return "base"
    if parts[1] == "__main__":
        return "cli"
    return parts[1]


def imports_of(module: str) -> list[tuple[str, list[str], int]]:
    """(imported module, names taken from it, line) for every import, at any depth."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [alias.name for alias in node.names]
            # `from . import catalog` imports a module; `from . import Outcome` a name.
            submodules = [n for n in names if f"{target}.{n}" in MODULES]
            for name in submodules:
                found.append((f"{target}.{name}", [], node.lineno))
            others = [n for n in names if n not in submodules]
            if others or not submodules:
                found.append((target, others, node.lineno))
    return found


def ours(target: str) -> str | None:
    """The package module an import names, or None for a library."""
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target or None


def graph() -> dict[str, set[str]]:
    return {module: {o for target, _, _ in imports_of(module) if (o := ours(target)) and o != module}
            for module in MODULES}


def test_the_tree_is_as_drawn():
    for layer in ("core", "knowledge", "output", "cli"):
        assert f"{ROOT}.{layer}" in MODULES
    assert {f"{ROOT}.{name}" for name in BASE} <= set(MODULES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layers_only_import_downwards(module):
    layer = layer_of(module)
    for target, _, line in imports_of(module):
        own = ours(target)
        if own is None:
            library = target.split(".")[0]
            assert library not in FORBIDDEN[layer], f"{module}:{line} imports {target}"
        elif own != ROOT:
            assert layer_of(own) in ALLOWED[layer], f"{module}:{line} ({layer}) imports {own}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_from_another_module(module):
    for target, names, line in imports_of(module):
        if ours(target) and ours(target) != module:
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            assert not private, f"{module}:{line} takes {private} from {target}"


def test_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                cycle = path[path.index(target):] + [target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module}: {lines} lines"


def test_the_checks_can_fail(tmp_path, monkeypatch):
    """The helpers above see an upward import and a private one."""
    fake = PACKAGE / "core" / "engine.py"
    source = "from ..cli.app import build_app\nfrom .answers import _secret\n"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: source
                        if self == fake else Path.read_bytes(self).decode(encoding or "utf-8"))
    found = imports_of(f"{ROOT}.core.engine")
    assert (f"{ROOT}.cli.app", ["build_app"], 1) in found
    assert (f"{ROOT}.core.answers", ["_secret"], 2) in found
    assert layer_of(f"{ROOT}.cli.app") not in ALLOWED["core"]
