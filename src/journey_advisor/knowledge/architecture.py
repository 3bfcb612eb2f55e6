"""data/architecture.yaml: the reference-architecture graphs, layers of nodes left to right,
plus the node an integration pattern adds. Validated on load."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..vocabulary import BLUEPRINT_IDS, QUESTION_OPTIONS
from .files import read_yaml
from .schema import Checker

LAYERS = ("sources", "data", "orchestration", "channels")
Layers = list[tuple[str, list[str]]]


def load_architecture(path: Path) -> dict[str, Any]:
    """The validated graph: {'blueprints': {id: Layers}, 'integrations': {id: {...}}}."""
    return read_yaml(path, lambda raw: architecture_from(raw, path))


def architecture_from(raw: Any, path: Path) -> dict[str, Any]:
    """Validate parsed data of `path` and build the models; DataError naming every problem."""
    check = Checker(path)
    root = check.mapping(raw, "", required=("schema_version", "blueprints", "integrations"))
    blueprints = {}
    for blueprint_id, layers in check.mapping(root.get("blueprints", {}), "blueprints",
                                              optional=BLUEPRINT_IDS).items():
        parsed: Layers = []
        for index, layer in enumerate(check.list_of(layers, f"blueprints.{blueprint_id}")):
            where = f"blueprints.{blueprint_id}[{index}]"
            node = check.mapping(layer, where, required=("layer", "nodes"))
            check.choice(node.get("layer"), f"{where}.layer", LAYERS)
            nodes = [str(n) for n in check.list_of(node.get("nodes", []), f"{where}.nodes")]
            if node.get("layer") == "channels":
                check.choices(nodes, f"{where}.nodes", QUESTION_OPTIONS["channels"])
            parsed.append((str(node.get("layer")), nodes))
        blueprints[blueprint_id] = parsed
    integrations = {}
    for pattern, spec in check.mapping(root.get("integrations", {}), "integrations",
                                       optional=_any_key(root.get("integrations"))).items():
        where = f"integrations.{pattern}"
        node = check.mapping(spec, where, required=("joins", "node"), optional=("before", "after"))
        check.choice(node.get("joins"), f"{where}.joins", BLUEPRINT_IDS)
        if ("before" in node) == ("after" in node):
            check.add(where, "needs exactly one of before or after")
        check.choice(node.get("before", node.get("after")), f"{where}.before", LAYERS)
        integrations[pattern] = node
    check.done()
    return {"blueprints": blueprints, "integrations": integrations}


def _any_key(node: Any) -> tuple[str, ...]:
    return tuple(node) if isinstance(node, dict) else ()


def layers_for(graph: dict[str, Any], blueprint_id: str, integration_id: str | None = None) -> Layers:
    """The blueprint's layers; with an integration pattern that joins it, its node inserted."""
    layers = [(layer, list(nodes)) for layer, nodes in graph["blueprints"].get(blueprint_id, [])]
    spec = graph["integrations"].get(integration_id or "")
    if spec and spec["joins"] == blueprint_id:
        anchor = spec.get("before") or spec.get("after")
        index = next((i for i, (layer, _) in enumerate(layers) if layer == anchor), len(layers))
        layers.insert(index if "before" in spec else index + 1, ("integration", [spec["node"]]))
    return layers
